package org.reprolab.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.reprolab.engine.NdConstants;

/**
 * A discrete-time leaky integrate-and-fire neuron trained with a sigmoid surrogate gradient, the usual
 * baseline of spiking-network papers.
 * Per time step,
 *
 * <pre>
 *   u_t = τ v_{t−1} + I_t,     s_t = H(u_t − θ),     v_t = u_t (1 − s_t)
 * </pre>
 *
 * with v_0 = 0. The Heaviside H has zero derivative almost everywhere, so the backward pass uses the
 * surrogate \( H'(x) ≈ α σ(αx)(1 − σ(αx)) \), the derivative of σ(αx), through the stop-gradient identity
 * \( s = σ(αx) − \mathrm{sg}(σ(αx)) + \mathrm{sg}(H(x)) \): its value is H(x), its gradient σ(αx)'.
 * Defaults τ = 0.9, θ = 1, α = 4. Shapes: currents (B, T, N) → spikes (B, T, N).
 */
public final class SurrogateLif extends AbstractBlock {

    /** Default leak τ. */
    public static final float TAU = 0.9f;
    /** Default surrogate sharpness α. */
    public static final float ALPHA = 4f;

    private final float tau;
    private final float threshold;
    private final float alpha;

    private SurrogateLif(Builder b) {
        this.tau = b.tau;
        this.threshold = b.threshold;
        this.alpha = b.alpha;
    }

    /** A builder (τ = 0.9, θ = 1, α = 4). */
    public static Builder builder() {
        return new Builder();
    }

    /** H(x) forward (H(0) = 1), α σ(αx)(1 − σ(αx)) backward. */
    public static NDArray spike(NDArray x, float alpha) {
        return spike(x, NdConstants.scalar(x, alpha));
    }

    /** {@link #spike(NDArray, float)} with α as a 0-d array (PyTorch-owned, see {@link NdConstants}). */
    private static NDArray spike(NDArray x, NDArray alpha) {
        NDArray soft = Activation.sigmoid(x.mul(alpha));
        NDArray hard = x.gte(0).toType(x.getDataType(), false);
        return soft.sub(soft.stopGradient()).add(hard);   // value H(x), gradient d/dx σ(αx)
    }

    /** The surrogate derivative α σ(αx)(1 − σ(αx)). */
    public static double surrogateDerivative(double x, double alpha) {
        double s = 1 / (1 + Math.exp(-alpha * x));
        return alpha * s * (1 - s);
    }

    /** The spikes (B, T, N) of the LIF neuron driven by currents (B, T, N). */
    public static NDArray lif(NDArray currents, float tau, float threshold, float alpha) {
        long steps = currents.getShape().get(1);
        NDArray v = currents.get(new NDIndex(":, 0")).zerosLike();
        NDArray leak = NdConstants.scalar(currents, tau);                        // not mul(tau): see NdConstants
        NDArray sharpness = NdConstants.scalar(currents, alpha);
        NDList spikes = new NDList();
        for (int t = 0; t < steps; t++) {
            NDArray u = v.mul(leak).add(currents.get(new NDIndex(":, {}", t)));  // leak and integrate
            NDArray s = spike(u.sub(threshold), sharpness);                      // fire
            v = u.mul(s.neg().add(1));                                           // reset to 0
            spikes.add(s);
        }
        return NDArrays.stack(spikes, 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(lif(inputs.singletonOrThrow(), tau, threshold, alpha));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "LIF (sigmoid surrogate)";
    }

    /** Builds {@link SurrogateLif}. */
    public static final class Builder {
        private float tau = TAU;
        private float threshold = 1f;
        private float alpha = ALPHA;

        /** Leak τ in (0, 1]; default 0.9. */
        public Builder optTau(float tau) {
            this.tau = tau;
            return this;
        }

        /** Threshold θ; default 1. */
        public Builder optThreshold(float threshold) {
            this.threshold = threshold;
            return this;
        }

        /** Surrogate sharpness α > 0; default 4. */
        public Builder optAlpha(float alpha) {
            this.alpha = alpha;
            return this;
        }

        /** The block. */
        public SurrogateLif build() {
            if (!(tau > 0 && tau <= 1) || !(alpha > 0)) {
                throw new IllegalArgumentException("LIF needs 0 < τ ≤ 1 and α > 0, got τ=" + tau + ", α=" + alpha);
            }
            return new SurrogateLif(this);
        }
    }
}
