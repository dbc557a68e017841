package org.reprolab.papers.selu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.reprolab.engine.NdConstants;

/**
 * Alpha-dropout (Klambauer et al. 2017, Sec. "New dropout technique"): a dropped unit is set to the SELU
 * saturation value α′ = −λα instead of 0, and an affine map a·x + b restores zero mean and unit variance:
 * \( a = (q + α′^2 q (1-q))^{-1/2} \), \( b = -a (1-q) α′ \), with keep probability q = 1 − rate.
 * Identity at inference.
 */
public final class AlphaDropout extends AbstractBlock {

    /** α′ = −λ₀₁α₀₁, the value SELU saturates to for large negative inputs. */
    public static final double ALPHA_PRIME = -SeluMomentMap.PAPER_LAMBDA * SeluMomentMap.PAPER_ALPHA;

    private final float rate;

    private AlphaDropout(Builder b) {
        this.rate = b.rate;
    }

    /** A builder; the rate defaults to 0.05 (the paper recommends 0.05 or 0.1). */
    public static Builder builder() {
        return new Builder();
    }

    /** The affine correction {a, b} for drop rate {@code rate}. */
    public static double[] affine(double rate) {
        double q = 1 - rate;
        double a = 1 / Math.sqrt(q + ALPHA_PRIME * ALPHA_PRIME * q * (1 - q));
        double b = -a * (1 - q) * ALPHA_PRIME;
        return new double[] {a, b};
    }

    /** Alpha-dropout of {@code x} at {@code rate}; the identity when not training. */
    public static NDArray alphaDropout(NDArray x, float rate, boolean training) {
        if (!training || rate == 0) {
            return x;
        }
        double[] ab = affine(rate);
        NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape(), DataType.FLOAT32, x.getDevice())
                .gte(rate).toType(DataType.FLOAT32, false);
        // x·keep + α′·(1 − keep), then a·(.) + b; a is kept for the backward pass, so not mul(a): see NdConstants
        NDArray dropped = x.mul(keep).add(keep.neg().add(1).mul(ALPHA_PRIME));
        return dropped.mul(NdConstants.scalar(dropped, ab[0])).add(ab[1]);
    }

    /**
     * The mean and variance (divisor n) of {@code n} standard-normal inputs after dropout at {@code rate}:
     * alpha-dropout when {@code alpha}, else standard inverted dropout (zeros, then ÷ (1 − rate)). Random numbers
     * come from the engine (seed it first); temporaries live in a sub-manager of {@code manager}.
     */
    public static double[] sampleMoments(NDManager manager, float rate, int n, boolean alpha) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(0f, 1f, new Shape(n), DataType.FLOAT32);
            NDArray y = alpha ? alphaDropout(x, rate, true)
                    : m.randomUniform(0f, 1f, new Shape(n)).gte(rate).toType(DataType.FLOAT32, false).mul(x)
                            .div(1 - rate);
            float mean = y.mean().getFloat();
            return new double[] {mean, y.sub(mean).square().mean().getFloat()};
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(alphaDropout(inputs.singletonOrThrow(), rate, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** Builds {@link AlphaDropout}. */
    public static final class Builder {
        private float rate = 0.05f;

        /** Probability of dropping a unit, in [0, 1). */
        public Builder optRate(float rate) {
            this.rate = rate;
            return this;
        }

        /** The block. */
        public AlphaDropout build() {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("alpha-dropout rate must be in [0, 1), got " + rate);
            }
            return new AlphaDropout(this);
        }
    }
}
