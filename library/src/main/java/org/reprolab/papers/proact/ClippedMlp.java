package org.reprolab.papers.proact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Preconditions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprolab.train.Init;

/**
 * A fully connected classifier whose hidden activations are ReLUs, clipped or not: Linear → activation per hidden
 * layer, then a linear output. The four schemes of the paper's comparison differ only in the activations, so the
 * same trained weights can be copied between them ({@link #copyWeights}).
 *
 * <pre>{@code
 * SequentialBlock net = ClippedMlp.builder().setHidden(256, 256, 32).setOutputs(10)
 *         .optClipping(ClippedMlp.Clipping.HYBRID).build();
 * }</pre>
 */
public final class ClippedMlp {

    private ClippedMlp() {}

    /** Where the thresholds are. */
    public enum Clipping {
        /** Plain ReLU everywhere: no thresholds. */
        NONE,
        /** One threshold per hidden layer. */
        LAYER,
        /** One threshold per hidden unit (FitAct-style). */
        NEURON,
        /** HyReLU: one threshold per layer, except per unit in the last hidden layer. */
        HYBRID;

        /** The granularity of hidden layer {@code layer} (0-based) of {@code layers}, or null for a plain ReLU. */
        public ClippedRelu.Granularity granularity(int layer, int layers) {
            return switch (this) {
                case NONE -> null;
                case LAYER -> ClippedRelu.Granularity.LAYER;
                case NEURON -> ClippedRelu.Granularity.NEURON;
                case HYBRID -> layer == layers - 1 ? ClippedRelu.Granularity.NEURON : ClippedRelu.Granularity.LAYER;
            };
        }

        /**
         * Thresholds stored for hidden widths {@code hidden}: 0, L, Σ n_l, or (L − 1) + n_L for HyReLU (the
         * paper's memory overhead, in parameters).
         */
        public long thresholds(int... hidden) {
            long n = 0;
            for (int l = 0; l < hidden.length; l++) {
                ClippedRelu.Granularity g = granularity(l, hidden.length);
                n += g == null ? 0 : g == ClippedRelu.Granularity.LAYER ? 1 : hidden[l];
            }
            return n;
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The clipped activations of {@code net}, in order (empty for {@link Clipping#NONE}). */
    public static List<ClippedRelu> clips(SequentialBlock net) {
        List<ClippedRelu> out = new ArrayList<>();
        for (Block b : net.getChildren().values()) {
            if (b instanceof ClippedRelu c) {
                out.add(c);
            }
        }
        return out;
    }

    /** The linear layers of {@code net}, in order (the last is the output layer). */
    public static List<Linear> linears(SequentialBlock net) {
        List<Linear> out = new ArrayList<>();
        for (Block b : net.getChildren().values()) {
            if (b instanceof Linear l) {
                out.add(l);
            }
        }
        return out;
    }

    /** The weights and biases of {@code net}'s linear layers: what faults hit. */
    public static List<Parameter> weights(SequentialBlock net) {
        List<Parameter> out = new ArrayList<>();
        for (Linear l : linears(net)) {
            l.getParameters().values().forEach(out::add);
        }
        return out;
    }

    /** Thresholds stored by {@code net}. */
    public static long thresholdCount(SequentialBlock net) {
        return clips(net).stream().mapToLong(ClippedRelu::count).sum();
    }

    /** Copies the weights and biases of {@code from} into {@code to} (same hidden widths; initialised). */
    public static void copyWeights(SequentialBlock from, SequentialBlock to) {
        List<Parameter> a = weights(from);
        List<Parameter> b = weights(to);
        Preconditions.checkArgument(a.size() == b.size(), "the networks have different layers");
        for (int i = 0; i < a.size(); i++) {
            NDArray src = a.get(i).getArray();
            NDArray dst = b.get(i).getArray();
            Preconditions.checkArgument(src.getShape().equals(dst.getShape()), "the networks have different widths");
            dst.set(src.toFloatArray());
        }
    }

    /** Freezes (or unfreezes) every parameter of {@code net}: weights, biases and thresholds. */
    public static void freezeAll(SequentialBlock net, boolean frozen) {
        net.getParameters().values().forEach(p -> p.freeze(frozen));
    }

    /** Builds a {@link ClippedMlp}. */
    public static final class Builder {
        private int[] hidden;
        private int outputs;
        private Clipping clipping = Clipping.NONE;

        /** Hidden widths, in order (required). */
        public Builder setHidden(int... hidden) {
            this.hidden = hidden.clone();
            return this;
        }

        /** Output units: the number of classes (required). */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Where the thresholds are; default none (plain ReLU). */
        public Builder optClipping(Clipping clipping) {
            this.clipping = clipping;
            return this;
        }

        /** The network (He-normal weights), not yet initialised; new thresholds are {@link ClippedRelu#UNSET}. */
        public SequentialBlock build() {
            Preconditions.checkArgument(hidden != null && hidden.length > 0
                    && Arrays.stream(hidden).allMatch(h -> h > 0),
                    "ClippedMlp needs setHidden(w1, w2, ...) with positive widths");
            Preconditions.checkArgument(outputs > 0, "ClippedMlp needs setOutputs(n > 0)");
            SequentialBlock net = new SequentialBlock();
            for (int l = 0; l < hidden.length; l++) {
                net.add(Linear.builder().setUnits(hidden[l]).build());
                ClippedRelu.Granularity g = clipping.granularity(l, hidden.length);
                net.add(g == null ? new LambdaBlock(x -> new NDList(Activation.relu(x.singletonOrThrow())), "relu")
                        : ClippedRelu.builder().optGranularity(g).build());
            }
            net.add(Linear.builder().setUnits(outputs).build());
            net.setInitializer(Init.HE_NORMAL.initializer(), Parameter.Type.WEIGHT);
            return net;
        }
    }
}
