package org.reprolab.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.reprolab.engine.NdConstants;

/**
 * An integrate-and-fire neuron with multi-level (multi-bit) spikes and reset by subtraction, the neuron of
 * bit-budget SNNs: per time step
 *
 * <pre>
 *   v_t = v_{t−1} + I_t,     s_t = clip(⌊v_t / θ⌋, 0, L),     v_t ← v_t − s_t θ,     L = 2^{b_s} − 1
 * </pre>
 *
 * with v_0 = 0; b_s = 1 is the binary IF neuron. Driven by a constant current I ∈ [0, Lθ] for T steps it emits
 * Σ s_t = ⌊T I / θ⌋ spike units: a uniform quantiser of I with T·L + 1 levels ({@link #spikeCount}). The floor has
 * zero derivative almost everywhere, so training uses the straight-through (rectangular) gradient of
 * clip(v/θ, 0, L), through s = c − sg(c) + sg(s). Shapes: currents (B, T, N) → spikes (B, T, N), in spike units
 * (integers 0 … L), or with {@link #normalised} in input units.
 *
 * <p>{@link #normalised normalised(b_s)} sets θ = 1/L and emits s·θ: every b_s then covers currents in [0, 1] per
 * step and passes values in [0, 1] downstream, so configurations with different spike bits differ in their
 * resolution only, not in their scale.
 */
public final class MultiLevelIf extends AbstractBlock {

    private final int levels;
    private final float threshold;
    private final boolean graded;

    private MultiLevelIf(int spikeBits, float threshold, boolean graded) {
        this.levels = (1 << spikeBits) - 1;
        this.threshold = threshold;
        this.graded = graded;
    }

    /** An IF neuron with {@code spikeBits}-bit spikes (1 = binary) and threshold θ. */
    public static MultiLevelIf of(int spikeBits, float threshold) {
        if (spikeBits < 1 || spikeBits > 16 || !(threshold > 0)) {
            throw new IllegalArgumentException("MultiLevelIf needs 1 ≤ b_s ≤ 16 and θ > 0");
        }
        return new MultiLevelIf(spikeBits, threshold, false);
    }

    /** An IF neuron with {@code spikeBits}-bit spikes, θ = 1/L, emitting s·θ ∈ {0, 1/L, …, 1}. */
    public static MultiLevelIf normalised(int spikeBits) {
        MultiLevelIf units = of(spikeBits, 1f);
        return new MultiLevelIf(spikeBits, 1f / units.levels, true);
    }

    /** The largest spike L = 2^{b_s} − 1. */
    public int levels() {
        return levels;
    }

    /** The threshold θ. */
    public float threshold() {
        return threshold;
    }

    /** The closed form: spike units emitted in T steps by a constant current I, clip(⌊T I/θ⌋, 0, T·L). */
    public static long spikeCount(double current, int steps, double threshold, int levels) {
        double n = Math.floor(steps * current / threshold);
        return (long) Math.max(0, Math.min((double) steps * levels, n));
    }

    /** The spikes (B, T, N) of the neuron driven by currents (B, T, N). */
    public NDArray fire(NDArray currents) {
        long steps = currents.getShape().get(1);
        NDArray theta = NdConstants.scalar(currents, threshold);
        NDArray v = currents.get(new NDIndex(":, 0")).zerosLike();
        NDList spikes = new NDList();
        for (int t = 0; t < steps; t++) {
            v = v.add(currents.get(new NDIndex(":, {}", t)));                           // integrate
            NDArray soft = v.div(theta).clip(0, levels);                                // straight-through path
            NDArray hard = soft.stopGradient().floor();                                 // ⌊v/θ⌋ clipped to [0, L]
            NDArray s = soft.sub(soft.stopGradient()).add(hard);
            NDArray value = s.mul(theta);
            v = v.sub(value);                                                           // reset by subtraction
            spikes.add(graded ? value : s);
        }
        return NDArrays.stack(spikes, 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(fire(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "IF neuron, " + levels + "-level spikes (straight-through)";
    }
}
