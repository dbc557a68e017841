package org.reprolab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.function.UnaryOperator;
import org.reprolab.engine.NdConstants;

/**
 * Activation functions for {@link Mlp}, each with the initialisation it is usually paired with. All are DJL
 * activations that hand their parameters to PyTorch as values, so they are safe on the autograd path (DJL's swish
 * and relu6 are not: see {@link org.reprolab.engine.NdConstants}).
 */
public enum Act {
    /** max(0, x). */
    RELU(Activation::relu, Init.HE_NORMAL),
    /** SELU with the paper's λ₀₁ and α₀₁ (Klambauer et al. 2017). */
    SELU(Activation::selu, Init.LECUN_NORMAL),
    /** tanh. */
    TANH(Activation::tanh, Init.LECUN_NORMAL),
    /** Logistic sigmoid. */
    SIGMOID(Activation::sigmoid, Init.XAVIER_UNIFORM),
    /** GELU (erf form). */
    GELU(Activation::gelu, Init.HE_NORMAL),
    /** ELU with α = 1. */
    ELU(x -> Activation.elu(x, 1f), Init.HE_NORMAL),
    /** Softsign x / (1 + |x|): saturating, but only polynomially. */
    SOFTSIGN(x -> x.div(x.abs().add(NdConstants.scalar(x, 1))), Init.XAVIER_UNIFORM),
    /** The identity. */
    IDENTITY(x -> x, Init.LECUN_NORMAL),
    /** SiLU (swish with β = 1), x·σ(x), computed array by array (DJL's swish multiplies by a Java number). */
    SILU(x -> x.mul(Activation.sigmoid(x)), Init.HE_NORMAL);

    private final UnaryOperator<NDArray> f;
    private final Init usualInit;

    Act(UnaryOperator<NDArray> f, Init usualInit) {
        this.f = f;
        this.usualInit = usualInit;
    }

    /** Applies the activation. */
    public NDArray apply(NDArray x) {
        return f.apply(x);
    }

    /** The initialisation this activation is usually paired with. */
    public Init usualInit() {
        return usualInit;
    }
}
