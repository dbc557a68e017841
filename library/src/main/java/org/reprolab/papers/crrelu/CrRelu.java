package org.reprolab.papers.crrelu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.reprolab.engine.NdConstants;

/**
 * Correction Regularized ReLU: \(\mathrm{CRReLU}(x) = \max(0, x) + ε\,x\,e^{-x^2/2}\) (Eq. 13 of the arXiv
 * version as we read it; numbering may differ), with one learnable ε per layer, initialised at
 * {@link #EPSILON_INIT}. The correction term \(x e^{-x^2/2}\) is, up to a constant, the functional derivative of
 * the output entropy at the identity ({@link EafoEntropy}).
 *
 * <pre>{@code
 * Block net = Mlp.builder().setWidth(256).setDepth(2).setOutputs(10).optActivationBlock(CrRelu::new).build();
 * }</pre>
 */
public class CrRelu extends AbstractBlock {

    /** ε₀ = 0.01, as in the public code snippet the research notes found. */
    public static final float EPSILON_INIT = 0.01f;

    private static final byte VERSION = 1;

    private final Parameter epsilon;

    /** A CRReLU layer with ε₀ = {@link #EPSILON_INIT}, learnable. */
    public CrRelu() {
        this(EPSILON_INIT, true);
    }

    /** A CRReLU layer with ε₀ = {@code epsilon}, learnable or fixed. */
    public CrRelu(float epsilon, boolean learnable) {
        super(VERSION);
        this.epsilon = addParameter(Parameter.builder().setName("epsilon").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(epsilon)).optRequiresGrad(learnable)
                .build());
    }

    /**
     * \(\max(0, x) + ε\,x\,e^{-x^2/2}\), element-wise; ε is an array (shape [1]), so it is safe on the autograd path.
     */
    public static NDArray crRelu(NDArray x, NDArray epsilon) {
        NDArray bump = x.mul(x.square().mul(NdConstants.scalar(x, -0.5)).exp());
        return Activation.relu(x).add(bump.mul(epsilon));                         // Eq. (13)
    }

    /** CRReLU(x) for one number. */
    public static double value(double x, double epsilon) {
        return Math.max(0, x) + epsilon * x * Math.exp(-x * x / 2);
    }

    /** d CRReLU / dx = [x ≥ 0] + ε (1 − x²) e^{−x²/2} (at the kink, the right derivative). */
    public static double derivative(double x, double epsilon) {
        return (x >= 0 ? 1 : 0) + epsilon * (1 - x * x) * Math.exp(-x * x / 2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(crRelu(x, store.getValue(epsilon, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    /** The current ε. */
    public float epsilon() {
        return epsilon.getArray().getFloat();
    }
}
