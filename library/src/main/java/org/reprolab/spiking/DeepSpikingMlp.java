package org.reprolab.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A deep spiking classifier with direct (current) input coding, the static-image setting of deep SNN papers: the
 * image is the input current at each of T steps, then per hidden layer a synaptic block (a linear layer, a linear
 * layer with batch normalisation, or a paper's own layer) and a spiking neuron layer, and a readout whose outputs are
 * averaged over time:
 *
 * <pre>
 *   x (B, F) → repeat T → (B·T, F) → [synapse_l → (B·T, H_l) → neuron (B, T, H_l)] for l = 1 … L → readout → logits
 *   logits = mean over T of readout(s_L)   (B, K)
 * </pre>
 *
 * Synaptic blocks act on (B·T, features), so batch normalisation normalises over batch and time. The forward pass
 * returns the logits alone, so {@code TrainingLoop} trains and scores it as it is.
 *
 * <pre>{@code
 * DeepSpikingMlp net = DeepSpikingMlp.builder().setWidths(500, 500, 300).setOutputs(10).optTimeSteps(4)
 *         .setSynapse((layer, width) -> Linear.builder().setUnits(width).build())
 *         .setNeuron(() -> SurrogateLif.builder().optTau(0.5f).build()).build();
 * }</pre>
 */
public final class DeepSpikingMlp extends AbstractBlock {

    private final int steps;
    private final int[] widths;
    private final List<Block> synapses = new ArrayList<>();
    private final List<Block> neurons = new ArrayList<>();
    private final Block readout;

    private DeepSpikingMlp(Builder b) {
        this.steps = b.steps;
        this.widths = b.widths.clone();
        for (int l = 0; l < widths.length; l++) {
            synapses.add(addChildBlock("synapse" + l, b.synapse.apply(l, widths[l])));
            neurons.add(addChildBlock("neuron" + l, b.neuron.get()));
        }
        this.readout = addChildBlock("readout", b.synapse.apply(widths.length, b.outputs));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Time steps T. */
    public int timeSteps() {
        return steps;
    }

    /** Hidden layers L. */
    public int depth() {
        return widths.length;
    }

    /** The synaptic blocks, hidden layers first, then the readout (L + 1 of them). */
    public List<Block> synapses() {
        List<Block> all = new ArrayList<>(synapses);
        all.add(readout);
        return all;
    }

    /** What a layer sees as the signal passes through: its synaptic block, its input and its output current. */
    @FunctionalInterface
    public interface LayerVisitor {
        /**
         * Called for each synaptic block in order, before it runs; returns nothing. A visitor may change the block's
         * parameters from its input (a data-dependent initialisation): the block then runs with them.
         *
         * @param layer 0-based layer (L is the readout)
         * @param synapse the layer's synaptic block
         * @param input its input (B·T, F_l): the image currents for layer 0, spikes after
         */
        void before(int layer, Block synapse, NDArray input);
    }

    /**
     * Runs {@code x} (B, F) through the network, calling {@code visitor} before each synaptic block, and returns each
     * block's output current (B·T, H_l), the readout's last: for layer-wise initialisation from data and for the
     * statistics of the currents.
     */
    public List<NDArray> trace(ParameterStore ps, NDArray x, boolean training, LayerVisitor visitor) {
        List<NDArray> currents = new ArrayList<>();
        NDArray in = repeat(x);
        long batch = x.getShape().get(0);
        for (int l = 0; l <= widths.length; l++) {
            Block synapse = l < widths.length ? synapses.get(l) : readout;
            visitor.before(l, synapse, in);
            NDArray current = synapse.forward(ps, new NDList(in), training).singletonOrThrow();
            currents.add(current);
            if (l < widths.length) {
                NDArray s = neurons.get(l).forward(ps, new NDList(current.reshape(batch, steps, -1)), training)
                        .singletonOrThrow();
                in = s.reshape(batch * steps, -1);
            }
        }
        return currents;
    }

    /** (B, F) → (B·T, F), example-major: rows b·T … b·T + T − 1 are example b. */
    private NDArray repeat(NDArray x) {
        return x.expandDims(1).repeat(1, steps).reshape(x.getShape().get(0) * steps, -1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        List<NDArray> currents = trace(ps, x, training, (l, block, in) -> { });
        NDArray out = currents.get(currents.size() - 1);                     // (B·T, K)
        return new NDList(out.reshape(x.getShape().get(0), steps, -1).mean(new int[] {1}));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(inputShapes[0].get(0) * steps, inputShapes[0].get(1));
        for (int l = 0; l < widths.length; l++) {
            synapses.get(l).initialize(manager, dataType, in);
            Shape out = synapses.get(l).getOutputShapes(new Shape[] {in})[0];
            neurons.get(l).initialize(manager, dataType, new Shape(inputShapes[0].get(0), steps, out.get(1)));
            in = out;
        }
        readout.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = new Shape(inputShapes[0].get(0) * steps, inputShapes[0].get(1));
        for (Block s : synapses()) {
            in = s.getOutputShapes(new Shape[] {in})[0];
        }
        return new Shape[] {new Shape(inputShapes[0].get(0), in.get(1))};
    }

    /** Builds {@link DeepSpikingMlp}. */
    public static final class Builder {
        private int[] widths;
        private int outputs;
        private int steps = 4;
        private BiFunction<Integer, Integer, Block> synapse;
        private Supplier<Block> neuron;

        /** Hidden widths H_1 … H_L (required). */
        public Builder setWidths(int... widths) {
            this.widths = widths.clone();
            return this;
        }

        /** Classes K (required). */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /**
         * The synaptic block of layer l with the given output width (required), called for l = 0 … L, the readout
         * last (l = L, width K). It maps (N, F) to (N, width).
         */
        public Builder setSynapse(BiFunction<Integer, Integer, Block> synapse) {
            this.synapse = synapse;
            return this;
        }

        /** A fresh neuron layer, (B, T, H) → spikes (B, T, H) (required). */
        public Builder setNeuron(Supplier<Block> neuron) {
            this.neuron = neuron;
            return this;
        }

        /** Time steps T; default 4. */
        public Builder optTimeSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** The block. */
        public DeepSpikingMlp build() {
            if (widths == null || widths.length == 0 || outputs <= 0 || synapse == null || neuron == null
                    || steps < 1) {
                throw new IllegalArgumentException("DeepSpikingMlp needs widths, outputs, a synapse, a neuron, T ≥ 1");
            }
            return new DeepSpikingMlp(this);
        }
    }
}
