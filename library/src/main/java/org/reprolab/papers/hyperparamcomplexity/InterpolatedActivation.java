package org.reprolab.papers.hyperparamcomplexity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import org.reprolab.engine.NdConstants;

/**
 * The interpolated activation of Balcan, Nguyen and Sharma's activation-tuning application:
 * {@code σ_α(x) = α·ReLU(x) + (1 − α)·tanh(x)}, α ∈ [0, 1] the hyperparameter ([recon] of the exact pair). Safe on the
 * autograd path (the constants go through {@link NdConstants}).
 */
public final class InterpolatedActivation {

    private InterpolatedActivation() {}

    /** {@code α·ReLU(x) + (1 − α)·tanh(x)}. */
    public static NDArray apply(NDArray x, double alpha) {
        if (alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("alpha must lie in [0, 1], got " + alpha);
        }
        NDArray relu = Activation.relu(x).mul(NdConstants.scalar(x, alpha));
        return relu.add(Activation.tanh(x).mul(NdConstants.scalar(x, 1 - alpha)));
    }

    /**
     * {@code α·ReLU(x) + (1 − α)·tanh(x)} with α an array broadcast against x (one α per model of a batch of
     * models) and {@code oneMinusAlpha} = 1 − α, both arrays PyTorch owns (e.g. from {@link NdConstants#vector}).
     */
    public static NDArray apply(NDArray x, NDArray alpha, NDArray oneMinusAlpha) {
        return Activation.relu(x).mul(alpha).add(Activation.tanh(x).mul(oneMinusAlpha));
    }

    /** The activation as a DJL block, for a {@code SequentialBlock}. */
    public static LambdaBlock block(double alpha) {
        return new LambdaBlock(list -> new NDList(apply(list.singletonOrThrow(), alpha)), "sigma_" + alpha);
    }

    /** The same function on one number (for plots and tests). */
    public static double value(double x, double alpha) {
        return alpha * Math.max(0, x) + (1 - alpha) * Math.tanh(x);
    }
}
