package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.RegressionFit;

/**
 * An S-KAN of shape [n₀, …, n_L] (Yang et al. 2024): {@link SKanLayer}s in sequence, every node choosing
 * its activation space. With a single space it is the plain KAN of that space, which is how the
 * single-space baselines are built.
 *
 * <pre>{@code
 * SKanBlock net = SKanBlock.builder().setWidths(2, 5, 1).build();     // default four spaces
 * net.initialize(manager, DataType.FLOAT64, new Shape(1, 2));
 * // stage 1: train all spaces; stage 2: net.setTemperature(0.1) and train; stage 3: net.prune() and train
 * }</pre>
 */
public final class SKanBlock extends AbstractBlock {

    private final int[] widths;
    private final List<SKanLayer> layers;

    private SKanBlock(int[] widths, List<SKanLayer> layers) {
        this.widths = widths.clone();
        this.layers = List.copyOf(layers);
        for (int l = 0; l < layers.size(); l++) {
            addChildBlock("layer" + l, layers.get(l));
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList h = inputs;
        for (SKanLayer layer : layers) {
            h = layer.forward(ps, h, training);
        }
        return h;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (SKanLayer layer : layers) {
            layer.initialize(manager, dataType, shapes);
            shapes = layer.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (SKanLayer layer : layers) {
            shapes = layer.getOutputShapes(shapes);
        }
        return shapes;
    }

    /** {@link SKanLayer#updateDomain} for every layer, in order, from network inputs {@code x (N, n₀)}. */
    public void updateDomain(NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        try (NDScope scope = new NDScope()) {
            NDArray h = x;
            for (SKanLayer layer : layers) {
                layer.updateDomain(h);
                h = layer.forward(ps, new NDList(h), false).singletonOrThrow();
            }
        }
    }

    /** Sets the selection temperature of every layer. */
    public void setTemperature(double tau) {
        for (SKanLayer l : layers) {
            l.setTemperature(tau);
        }
    }

    /** Prunes every layer to each node's heaviest space. */
    public void prune() {
        for (SKanLayer l : layers) {
            l.prune();
        }
    }

    /**
     * One elimination round of selective training in every layer, each layer judged on its own inputs for the
     * network input {@code x}. Returns the number of nodes that dropped a space (0 once all are pruned).
     */
    public int dropLeastImportant(NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        int dropped = 0;
        try (NDScope scope = new NDScope()) {
            NDArray h = x;
            List<NDArray> inputs = new ArrayList<>();
            for (SKanLayer layer : layers) {
                inputs.add(h);
                h = layer.forward(ps, new NDList(h), false).singletonOrThrow();
            }
            for (int l = 0; l < layers.size(); l++) {
                dropped += layers.get(l).dropLeastImportant(inputs.get(l));
            }
        }
        return dropped;
    }

    /**
     * One elimination round of selective training judged by the loss: every node with more than one space left
     * drops the space whose removal ({@link SKanLayer#dropSpace}) raises the RMSE on {@code (x, y)} least, each
     * node judged with the rest of the network unchanged. Returns the number of nodes that dropped one.
     */
    public int dropLeastUseful(NDArray x, NDArray y) {
        List<int[]> drops = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            SKanLayer layer = layers.get(l);
            double[] mask = layer.keepMask();
            int m = layer.spaces().size();
            for (int j = 0; j < layer.outputs(); j++) {
                int alive = 0;
                for (int q = 0; q < m; q++) {
                    alive += mask[j * m + q] > 0 ? 1 : 0;
                }
                if (alive < 2) {
                    continue;
                }
                int best = -1;
                double bestLoss = Double.POSITIVE_INFINITY;
                for (int q = 0; q < m; q++) {
                    if (mask[j * m + q] == 0) {
                        continue;
                    }
                    double[][] saved = layer.state();
                    layer.dropSpace(j, q);
                    double loss = RegressionFit.rmse(this, x, y);
                    layer.restore(saved);
                    if (best < 0 || loss < bestLoss) {
                        bestLoss = loss;
                        best = q;
                    }
                }
                drops.add(new int[] {l, j, best});
            }
        }
        for (int[] d : drops) {
            layers.get(d[0]).dropSpace(d[1], d[2]);
        }
        return drops.size();
    }

    /** Whether every node of every layer keeps a single space. */
    public boolean isPruned() {
        for (SKanLayer l : layers) {
            if (!l.isPruned()) {
                return false;
            }
        }
        return true;
    }

    /** The mean selection entropy over layers (an NDArray on the parameters, for a penalty). */
    public NDArray selectionEntropy() {
        NDArray h = null;
        for (SKanLayer l : layers) {
            NDArray e = l.selectionEntropy();
            h = h == null ? e : h.add(e);
        }
        return h.div(NdConstants.scalar(h, layers.size()));
    }

    /** Per layer, each node's chosen space name. */
    public List<List<String>> chosenSpaces() {
        List<List<String>> out = new ArrayList<>();
        for (SKanLayer l : layers) {
            List<String> names = new ArrayList<>();
            for (int c : l.chosen()) {
                names.add(l.spaces().get(c).name());
            }
            out.add(names);
        }
        return out;
    }

    /** Sum of the layers' {@link SKanLayer#effectiveParameterCount()}. */
    public long effectiveParameterCount() {
        long n = 0;
        for (SKanLayer l : layers) {
            n += l.effectiveParameterCount();
        }
        return n;
    }

    /** The layers, input first. */
    public List<SKanLayer> layers() {
        return layers;
    }

    @Override
    public String toString() {
        return "SKanBlock(" + Arrays.toString(widths) + ", " + layers.get(0).spaces() + ")";
    }

    /** Builds an {@link SKanBlock}; the options apply to every layer. */
    public static final class Builder {
        private int[] widths;
        private final SKanLayer.Builder template = SKanLayer.builder();

        /** The widths [n₀, …, n_L] (required; at least two). */
        public Builder setWidths(int... widths) {
            this.widths = widths.clone();
            return this;
        }

        /** The candidate spaces; default {@link SKanLayer#defaultSpaces()}. */
        public Builder optSpaces(List<ActivationSpace> spaces) {
            template.optSpaces(spaces);
            return this;
        }

        /** Residual base function; default SiLU. */
        public Builder optBaseFunction(UnaryOperator<NDArray> base) {
            template.optBaseFunction(base);
            return this;
        }

        /** Initial coefficient noise scale; default 0.1. */
        public Builder optNoiseScale(double noiseScale) {
            template.optNoiseScale(noiseScale);
            return this;
        }

        /** The network, not yet initialised. */
        public SKanBlock build() {
            if (widths == null || widths.length < 2) {
                throw new IllegalArgumentException("SKanBlock needs setWidths(n0, n1, ...) with at least two widths");
            }
            List<SKanLayer> layers = new ArrayList<>();
            for (int l = 0; l + 1 < widths.length; l++) {
                layers.add(template.setInputs(widths[l]).setOutputs(widths[l + 1]).build());
            }
            return new SKanBlock(widths, layers);
        }
    }
}
