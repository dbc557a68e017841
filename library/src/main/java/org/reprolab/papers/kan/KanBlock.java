package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A KAN of shape [n₀, n₁, …, n_L] (Liu et al. 2024, Eq. 2.7): \( \mathrm{KAN}(x) = (\Phi_{L-1} \circ \cdots
 * \circ \Phi_0)(x) \), each Φ_l a {@link KanLayer} from n_l to n_{l+1} nodes.
 *
 * <p>{@link #updateGrid} moves every layer's grid to the quantiles of its own inputs (layer by layer, so each
 * layer sees its updated predecessor), and {@link #refine} is the paper's grid extension for the whole network.
 *
 * <pre>{@code
 * KanBlock kan = KanBlock.builder().setWidths(2, 5, 1).optGridSize(5).build();
 * kan.initialize(manager, DataType.FLOAT64, new Shape(1, 2));
 * ...train...
 * KanBlock finer = kan.refine(xTrain, 10);   // about the same function, 10 intervals per edge
 * }</pre>
 */
public final class KanBlock extends AbstractBlock {

    private final int[] widths;
    private final List<KanLayer> layers;

    private KanBlock(int[] widths, List<KanLayer> layers) {
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
        for (KanLayer layer : layers) {
            h = layer.forward(ps, h, training);                                  // Φ_l (Eq. 2.7)
        }
        return h;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (KanLayer layer : layers) {
            layer.initialize(manager, dataType, shapes);
            shapes = layer.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block layer : layers) {
            shapes = layer.getOutputShapes(shapes);
        }
        return shapes;
    }

    /**
     * Grid update for every layer, in order, from samples {@code x (N, n₀)} of the network's input
     * (see {@link KanLayer#updateGrid}).
     */
    public void updateGrid(NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        try (NDScope scope = new NDScope()) {
            NDArray h = x;
            for (KanLayer layer : layers) {
                layer.updateGrid(h);
                h = layer.forward(ps, new NDList(h), false).singletonOrThrow();
            }
        }
    }

    /**
     * Grid extension of the whole network to {@code newGridSize} intervals per edge by the paper's rule (see
     * {@link KanLayer#refine}); {@code x (N, n₀)} are the samples the least-squares fits use (the training
     * inputs). Returns a new, initialised network; this one is unchanged.
     */
    public KanBlock refine(NDArray x, int newGridSize) {
        return refine(x, newGridSize, KanLayer.KnotRule.PYKAN);
    }

    /** {@link #refine(NDArray, int)} with the new knots from {@code rule}. */
    public KanBlock refine(NDArray x, int newGridSize, KanLayer.KnotRule rule) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        List<double[][]> samples = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            NDArray h = x;
            for (KanLayer layer : layers) {
                samples.add(layer.columns(h));
                h = layer.forward(ps, new NDList(h), false).singletonOrThrow();
            }
        }
        List<KanLayer> fine = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            fine.add(layers.get(l).refine(samples.get(l), newGridSize, rule));
        }
        KanBlock child = new KanBlock(widths, fine);
        NDArray any = fine.get(0).getParameters().get("coef").getArray();
        child.initialize(any.getManager(), any.getDataType(), new Shape(1, widths[0]));
        return child;
    }

    /**
     * Each layer's input for the network input {@code x}: element l is the input of layer l, element L the
     * output. Computed in inference mode.
     */
    public List<NDArray> layerInputs(NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        List<NDArray> out = new ArrayList<>();
        NDArray h = x;
        out.add(h);
        for (KanLayer layer : layers) {
            h = layer.forward(ps, new NDList(h), false).singletonOrThrow();
            out.add(h);
        }
        return out;
    }

    /** The layers, input first. */
    public List<KanLayer> layers() {
        return layers;
    }

    /** The widths [n₀, …, n_L]. */
    public int[] widths() {
        return widths.clone();
    }

    /** Grid intervals G of the first layer (all layers share it unless built otherwise). */
    public int gridSize() {
        return layers.get(0).gridSize();
    }

    /** Trainable parameters (coefficients and both scales). */
    public long trainableCount() {
        long n = 0;
        for (KanLayer l : layers) {
            n += l.trainableCount();
        }
        return n;
    }

    @Override
    public String toString() {
        return "KanBlock(" + Arrays.toString(widths) + ", G=" + gridSize() + ", k=" + layers.get(0).splineOrder() + ")";
    }

    /** Builds a {@link KanBlock}; the per-layer options apply to every layer. */
    public static final class Builder {
        private int[] widths;
        private final KanLayer.Builder template = KanLayer.builder();

        /** The widths [n₀, n₁, …, n_L] (required; at least two). */
        public Builder setWidths(int... widths) {
            this.widths = widths.clone();
            return this;
        }

        /** Grid intervals G; default 5. */
        public Builder optGridSize(int gridSize) {
            template.optGridSize(gridSize);
            return this;
        }

        /** Spline order k; default 3. */
        public Builder optSplineOrder(int order) {
            template.optSplineOrder(order);
            return this;
        }

        /** The initial grid range; default [−1, 1]. */
        public Builder optGridRange(double lo, double hi) {
            template.optGridRange(lo, hi);
            return this;
        }

        /** Grid-update mix ε; default 0.02. */
        public Builder optGridEps(double eps) {
            template.optGridEps(eps);
            return this;
        }

        /** Initial coefficient noise scale; default 0.1. */
        public Builder optNoiseScale(double noiseScale) {
            template.optNoiseScale(noiseScale);
            return this;
        }

        /** Residual base function b; default SiLU. */
        public Builder optBaseFunction(UnaryOperator<NDArray> base) {
            template.optBaseFunction(base);
            return this;
        }

        /** The network, not yet initialised. */
        public KanBlock build() {
            if (widths == null || widths.length < 2) {
                throw new IllegalArgumentException("KanBlock needs setWidths(n0, n1, ...) with at least two widths");
            }
            List<KanLayer> layers = new ArrayList<>();
            for (int l = 0; l + 1 < widths.length; l++) {
                layers.add(template.setInputs(widths[l]).setOutputs(widths[l + 1]).build());
            }
            return new KanBlock(widths, layers);
        }
    }
}
