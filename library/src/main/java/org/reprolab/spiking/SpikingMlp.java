package org.reprolab.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * A one-hidden-layer spiking classifier (the UltraLIF paper's, among others): rate-encode the image into T steps
 * of spikes, then per step a linear layer, a spiking neuron layer and a linear readout, averaged over time:
 *
 * <pre>
 *   x (B, F) → spikes (B, T, F) → Linear → currents (B, T, H) → neuron → s (B, T, H) → Linear → (B, T, K)
 *   logits = mean over T,   spike rate = mean of s
 * </pre>
 *
 * The forward pass returns {@code {logits (B, K), spike rate ()}}; the rate feeds the sparsity penalty
 * CE + λ·rate. Inputs are encoded in training and inference alike. With {@link Builder#optFrames optFrames(true)}
 * the input is already a sequence of T event frames (T·F features per example, time-major, e.g. event counts per
 * time bin) and goes in as it is, as neuromorphic data does. Linear weights start uniform in ±1/√fan_in
 * (PyTorch's default), biases at 0.
 *
 * <pre>{@code
 * SpikingMlp net = SpikingMlp.builder().setHidden(64).setOutputs(10).setNeuron(SurrogateLif.builder().build()).build();
 * }</pre>
 */
public final class SpikingMlp extends AbstractBlock {

    private final int steps;
    private final float gain;
    private final boolean frames;
    private final int outputs;
    private final Linear input;
    private final Block neuron;
    private final Linear output;

    private SpikingMlp(Builder b) {
        this.steps = b.steps;
        this.gain = b.gain;
        this.frames = b.frames;
        this.outputs = b.outputs;
        this.input = addChildBlock("input", Linear.builder().setUnits(b.hidden).build());
        this.neuron = addChildBlock("neuron", b.neuron);
        this.output = addChildBlock("output", Linear.builder().setUnits(b.outputs).build());
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1),
                Parameter.Type.WEIGHT);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The input layer (F → H). */
    public Linear inputLayer() {
        return input;
    }

    /** The spiking neuron layer. */
    public Block neuron() {
        return neuron;
    }

    /** The readout (H → K). */
    public Linear outputLayer() {
        return output;
    }

    /** Time steps T. */
    public int timeSteps() {
        return steps;
    }

    /** Rate-coding gain. */
    public float gain() {
        return gain;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray currents = currents(ps, inputs.singletonOrThrow(), training);              // (B, T, H)
        NDArray s = neuron.forward(ps, new NDList(currents), training).singletonOrThrow(); // (B, T, H)
        NDArray out = output.forward(ps, new NDList(s), training).singletonOrThrow();      // (B, T, K)
        return new NDList(out.mean(new int[] {1}), s.mean());
    }

    /**
     * The input currents (B, T, H) of the neuron layer for inputs x (B, F), rate-encoded (one random draw) or, with
     * event frames, reshaped to (B, T, F / T).
     */
    public NDArray currents(ParameterStore ps, NDArray x, boolean training) {
        NDArray seq = frames ? x.reshape(x.getShape().get(0), steps, -1)                   // (B, T, F / T)
                : RateEncoding.encode(x, steps, gain);                                     // (B, T, F)
        return input.forward(ps, new NDList(seq), training).singletonOrThrow();
    }

    /** Whether the input is event frames (fed as they are) rather than static features (rate-encoded). */
    public boolean takesFrames() {
        return frames;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape seq = new Shape(in.get(0), steps, frames ? in.get(1) / steps : in.get(1));
        input.initialize(manager, dataType, seq);
        Shape hidden = input.getOutputShapes(new Shape[] {seq})[0];
        neuron.initialize(manager, dataType, hidden);
        output.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs), new Shape()};
    }

    /** Builds {@link SpikingMlp}. */
    public static final class Builder {
        private int hidden;
        private int outputs;
        private Block neuron;
        private int steps = 1;
        private float gain = RateEncoding.GAIN;
        private boolean frames;

        /** Hidden units H (required; the UltraLIF paper uses 64). */
        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Classes K (required). */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** The neuron layer, e.g. {@code SurrogateLif.builder().build()} (required). */
        public Builder setNeuron(Block neuron) {
            this.neuron = neuron;
            return this;
        }

        /** Time steps T; default 1. */
        public Builder optTimeSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Rate-coding gain; default 0.5 (the UltraLIF paper's). */
        public Builder optGain(float gain) {
            this.gain = gain;
            return this;
        }

        /**
         * Whether inputs are T event frames already (T·F features, time-major: frame t holds features
         * t·F … t·F + F − 1), fed without encoding; default false (static features, rate-encoded).
         */
        public Builder optFrames(boolean frames) {
            this.frames = frames;
            return this;
        }

        /** The block. */
        public SpikingMlp build() {
            if (hidden <= 0 || outputs <= 0 || neuron == null) {
                throw new IllegalArgumentException("SpikingMlp needs setHidden(>0), setOutputs(>0) and setNeuron");
            }
            if (steps < 1 || !(gain > 0 && gain <= 1)) {
                throw new IllegalArgumentException("SpikingMlp needs T ≥ 1 and 0 < gain ≤ 1");
            }
            return new SpikingMlp(this);
        }
    }
}
