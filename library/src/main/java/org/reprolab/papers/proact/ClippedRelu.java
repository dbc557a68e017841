package org.reprolab.papers.proact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;

/**
 * A clipped ReLU with trainable thresholds: \(f_T(x) = \min(\max(x, 0), T)\) (Eq. 1, numbering ours), the
 * saturating form, so that the loss reaches T (\(\partial f / \partial T = [x > T]\)).
 *
 * <ul>
 *   <li>{@link Granularity#LAYER}: one threshold T for the whole layer (shape [1]);</li>
 *   <li>{@link Granularity#NEURON}: one threshold per unit, \(T_i\) (shape [units], broadcast over the batch).</li>
 * </ul>
 *
 * <p>A fault that blows a weight up (a flipped exponent bit turns 0.05 into about 10³⁷) makes the pre-activation of
 * the units it feeds huge; the clip bounds what they pass on to T. A new threshold is {@link #UNSET} (the layer is
 * a plain ReLU) until {@link ProAct#calibrate} sets it from the activations it sees.
 *
 * <pre>{@code
 * ClippedRelu clip = ClippedRelu.builder().optGranularity(ClippedRelu.Granularity.NEURON).build();
 * }</pre>
 */
public class ClippedRelu extends AbstractBlock {

    /** The threshold of a layer that has not been calibrated: no clipping in practice. */
    public static final float UNSET = Float.MAX_VALUE;

    private static final byte VERSION = 1;

    /** One threshold per layer or per unit. */
    public enum Granularity {
        /** One scalar threshold for the layer. */
        LAYER,
        /** One threshold per unit. */
        NEURON
    }

    private final Granularity granularity;
    private final Parameter threshold;

    protected ClippedRelu(Builder b) {
        super(VERSION);
        this.granularity = b.granularity;
        this.threshold = addParameter(Parameter.builder().setName("threshold").setType(Parameter.Type.OTHER)
                .optInitializer(new ConstantInitializer(b.initial)).optRequiresGrad(true).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * \(\min(\max(x, 0), T)\) with T broadcast against x's last axis (Eq. 1). Safe on the autograd path: T is an
     * array, not a Java number.
     *
     * @param x the pre-activations [B, units]
     * @param threshold T: [1] or [units]
     */
    public static NDArray clippedRelu(NDArray x, NDArray threshold) {
        return Activation.relu(x).minimum(threshold); // Eq. (1)
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(clippedRelu(x, store.getValue(threshold, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Preconditions.checkArgument(inputShapes.length == 1, "ClippedRelu takes one input");
        long units = inputShapes[0].get(inputShapes[0].dimension() - 1);
        threshold.setShape(new Shape(granularity == Granularity.LAYER ? 1 : units));
    }

    /** Whether the layer has one threshold or one per unit. */
    public Granularity granularity() {
        return granularity;
    }

    /** The thresholds as a DJL parameter (to freeze or train). */
    public Parameter thresholdParameter() {
        return threshold;
    }

    /** The thresholds, a copy: one value for a layer-wise clip, one per unit for a neuron-wise clip. */
    public float[] thresholds() {
        return threshold.getArray().toFloatArray();
    }

    /** Number of thresholds (memory overhead in parameters): 1 or the layer's units. */
    public long count() {
        return threshold.getArray().size();
    }

    /** Sets the thresholds: one value, or one per unit for a neuron-wise clip. */
    public void setThresholds(float... t) {
        NDArray a = threshold.getArray();
        if (t.length == 1 && a.size() > 1) {
            float[] all = new float[(int) a.size()];
            java.util.Arrays.fill(all, t[0]);
            t = all;
        }
        Preconditions.checkArgument(t.length == a.size(), "expected " + a.size() + " thresholds, got " + t.length);
        a.set(t);
    }

    /** Keeps the thresholds non-negative after an optimizer step (a negative T would clip everything to T < 0). */
    public void clampThresholds() {
        NDArray a = threshold.getArray();
        float[] t = a.toFloatArray();
        boolean changed = false;
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0) {
                t[i] = 0;
                changed = true;
            }
        }
        if (changed) {
            a.set(t);
        }
    }

    /** Builds a {@link ClippedRelu}. */
    public static final class Builder {
        private Granularity granularity = Granularity.LAYER;
        private float initial = UNSET;

        /** One threshold per layer (default) or per unit. */
        public Builder optGranularity(Granularity granularity) {
            this.granularity = granularity;
            return this;
        }

        /** The thresholds' initial value; default {@link #UNSET} (a plain ReLU until calibrated). */
        public Builder optInitialThreshold(float initial) {
            this.initial = initial;
            return this;
        }

        /** The block. */
        public ClippedRelu build() {
            Preconditions.checkArgument(initial >= 0, "a threshold must be ≥ 0");
            return new ClippedRelu(this);
        }
    }
}
