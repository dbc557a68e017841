package org.reprolab.papers.g2gnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import ai.djl.util.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.train.Act;

/**
 * G2GNet as a fully connected classifier: hidden {@link MaskedLinear} layers with ensemble-to-ensemble
 * masks, each followed by an activation, then a dense output layer:
 * \[ h_{l+1} = \phi\big((W_l \odot M_l)\, h_l + b_l\big), \qquad y = W_L h_L + b_L \]
 * The same builder makes the controls: {@link Connectivity#DENSE} (every mask all ones, the dense MLP) and
 * {@link Connectivity#RANDOM} (unstructured masks with the G2G masks' density k/G). With one seed, the three
 * draw the same initial weights before masking, so they can be compared pairwise.
 *
 * <pre>{@code
 * SequentialBlock net = G2gNet.builder().setHidden(512, 512).setOutputs(10)
 *         .optEnsembles(4).optFanIn(1).optSeed(7).build();          // 75% sparse hidden layers
 * }</pre>
 *
 * <p>[recon] The abstract gives neither the architecture nor whether the input and output layers are
 * masked; here every hidden layer (the first, from the pixels, included) is masked and the output is dense.
 */
public final class G2gNet {

    /** How the hidden layers are connected. */
    public enum Connectivity {
        /** All ones: the dense MLP. */
        DENSE,
        /** Ensemble-to-ensemble blocks ({@link Masks#g2g}). */
        G2G,
        /** Unstructured random edges at the G2G density ({@link Masks#random}). */
        RANDOM
    }

    private G2gNet() {}

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@link MaskedLinear} layers of {@code net}, in order. */
    public static List<MaskedLinear> maskedLayers(Block net) {
        List<MaskedLinear> layers = new ArrayList<>();
        collect(net, layers);
        return layers;
    }

    private static void collect(Block b, List<MaskedLinear> out) {
        if (b instanceof MaskedLinear m) {
            out.add(m);
        }
        for (Pair<String, Block> child : b.getChildren()) {
            collect(child.getValue(), out);
        }
    }

    /** W ← W ⊙ M for every masked layer (after each optimizer update). */
    public static void applyMasks(Block net) {
        for (MaskedLinear l : maskedLayers(net)) {
            l.applyMask();
        }
    }

    /** Multiplies per example: Σ over layers of active weights (a {@link Linear} counts as dense). */
    public static long multiplies(Block net) {
        long n = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter par = p.getValue();
            if (par.getType() == Parameter.Type.WEIGHT && !isMasked(net, par)) {
                n += par.getArray().size();
            }
        }
        for (MaskedLinear l : maskedLayers(net)) {
            n += l.activeWeights();
        }
        return n;
    }

    /** Trainable parameters that can be non-zero: active weights plus biases. */
    public static long parameters(Block net) {
        long biases = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().getType() == Parameter.Type.BIAS) {
                biases += p.getValue().getArray().size();
            }
        }
        return multiplies(net) + biases;
    }

    private static boolean isMasked(Block net, Parameter weight) {
        for (MaskedLinear l : maskedLayers(net)) {
            if (l.weight() == weight.getArray()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The activations of every masked layer on a batch {@code x}, in inference mode: for layer l, its input
     * (presynaptic, [B, in]) and its output after the next block (postsynaptic, [B, out]; the activation
     * function's output when {@code postActivation}, else the layer's pre-activation).
     *
     * @return one {@code {pre, post}} pair per masked layer, in order
     */
    public static List<NDArray[]> layerActivations(SequentialBlock net, NDArray x, boolean postActivation) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        List<NDArray[]> out = new ArrayList<>();
        NDArray h = x;
        NDArray[] open = null; // a masked layer waiting for its post-activation
        for (Pair<String, Block> child : net.getChildren()) {
            NDArray next = child.getValue().forward(store, new NDList(h), false).singletonOrThrow();
            if (open != null) {
                open[1] = next;
                out.add(open);
                open = null;
            }
            if (child.getValue() instanceof MaskedLinear) {
                if (postActivation) {
                    open = new NDArray[] {h, next};
                } else {
                    out.add(new NDArray[] {h, next});
                }
            }
            h = next;
        }
        if (open != null) {
            out.add(open); // the last block is masked: its output is all there is
        }
        return out;
    }

    /** Builds a G2GNet (or one of its controls). */
    public static final class Builder {
        private int[] hidden;
        private int outputs;
        private Connectivity connectivity = Connectivity.G2G;
        private int ensembles = 4;
        private int fanIn = 1;
        private long seed;
        private Act activation = Act.RELU;
        private boolean fanInScaling = true;

        /** Widths of the hidden layers (required), e.g. {@code 512, 512}. */
        public Builder setHidden(int... widths) {
            this.hidden = widths.clone();
            return this;
        }

        /** Output units: the number of classes (required). */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Connectivity of the hidden layers; default {@link Connectivity#G2G}. */
        public Builder optConnectivity(Connectivity connectivity) {
            this.connectivity = connectivity;
            return this;
        }

        /** G, ensembles per layer; default 4. */
        public Builder optEnsembles(int ensembles) {
            this.ensembles = ensembles;
            return this;
        }

        /** k, input ensembles per output ensemble; default 1 (with G = 4: 75% sparsity). */
        public Builder optFanIn(int fanIn) {
            this.fanIn = fanIn;
            return this;
        }

        /** Seed of the masks (G2G permutations, random edges); default 0. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Hidden activation; default ReLU (with He-normal weights). */
        public Builder optActivation(Act activation) {
            this.activation = activation;
            return this;
        }

        /** Scale sparse units' initial weights by √(in / fan-in); default true. */
        public Builder optFanInScaling(boolean fanInScaling) {
            this.fanInScaling = fanInScaling;
            return this;
        }

        /** The network, not yet initialised. */
        public SequentialBlock build() {
            Preconditions.checkArgument(hidden != null && hidden.length > 0, "G2gNet needs setHidden(widths…)");
            Preconditions.checkArgument(outputs > 0, "G2gNet needs setOutputs(n > 0)");
            Preconditions.checkArgument(fanIn >= 1 && fanIn <= ensembles, "G2gNet needs 1 ≤ k ≤ G");
            SplittableRandom seeds = new SplittableRandom(seed);
            SequentialBlock net = new SequentialBlock();
            for (int width : hidden) {
                long layerSeed = seeds.nextLong();
                Initializer mask = switch (connectivity) {
                    case DENSE -> Initializer.ONES;
                    case G2G -> Masks.g2g(ensembles, fanIn, layerSeed);
                    case RANDOM -> Masks.random((double) fanIn / ensembles, layerSeed);
                };
                net.add(MaskedLinear.builder().setUnits(width).optMask(mask).optFanInScaling(fanInScaling).build());
                Act a = activation;
                net.add(new LambdaBlock(x -> new NDList(a.apply(x.singletonOrThrow())), a.name().toLowerCase()));
            }
            net.add(MaskedLinear.builder().setUnits(outputs).build()); // dense output, counted like the rest
            net.setInitializer(activation.usualInit().initializer(), Parameter.Type.WEIGHT);
            return net;
        }
    }
}
