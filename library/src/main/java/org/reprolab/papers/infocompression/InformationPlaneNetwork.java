package org.reprolab.papers.infocompression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.Act;
import org.reprolab.train.TrainingLoop;

/**
 * The paper's network for the 12-bit task: hidden layers 10-7-5-4-3 with one activation, then a linear layer to
 * the two classes (12-10-7-5-4-3-2). {@link #hiddenActivations} returns every hidden layer's output T for the
 * information plane; {@link #l2Objective} adds the paper's L2 penalty to the cross-entropy.
 *
 * <pre>{@code
 * var net = InformationPlaneNetwork.builder().optActivation(Act.RELU).build();
 * }</pre>
 */
public final class InformationPlaneNetwork {

    /** The paper's hidden widths. */
    public static final int[] PAPER_WIDTHS = {10, 7, 5, 4, 3};

    private final SequentialBlock block;
    private final int[] widths;
    private final Act activation;

    private InformationPlaneNetwork(int[] widths, Act activation) {
        this.widths = widths.clone();
        this.activation = activation;
        block = new SequentialBlock();
        for (int w : widths) {
            block.add(Linear.builder().setUnits(w).build());
            block.add(new LambdaBlock(x -> new NDList(activation.apply(x.singletonOrThrow())),
                    activation.name().toLowerCase()));
        }
        block.add(Linear.builder().setUnits(2).build());
        block.setInitializer(activation.usualInit().initializer(), Parameter.Type.WEIGHT);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The DJL block (not yet initialised). */
    public SequentialBlock block() {
        return block;
    }

    /** Hidden widths. */
    public int[] widths() {
        return widths.clone();
    }

    /** The hidden activation. */
    public Act activation() {
        return activation;
    }

    /** Every hidden layer's output for inputs {@code x}, row-major, in {@code manager}'s scope (inference mode). */
    public List<double[]> hiddenActivations(NDArray x, NDManager manager) {
        List<double[]> out = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            NDList h = new NDList(x);
            List<Block> children = block.getChildren().values();
            for (int i = 0; i < children.size(); i++) {
                h = children.get(i).forward(ps, h, false);
                if (children.get(i) instanceof LambdaBlock) {
                    float[] f = h.singletonOrThrow().toFloatArray();
                    double[] d = new double[f.length];
                    for (int k = 0; k < f.length; k++) {
                        d[k] = f[k];
                    }
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Cross-entropy plus {@code lambda · Σ‖W‖²} over the weight matrices (not the biases). */
    public TrainingLoop.Objective l2Objective(double lambda) {
        return (output, labels) -> {
            NDArray loss = TrainingLoop.crossEntropy(output.singletonOrThrow(), labels);
            if (lambda == 0) {
                return loss;
            }
            for (var p : block.getParameters()) {
                if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                    NDArray w = p.getValue().getArray();
                    loss = loss.add(w.square().sum().mul(NdConstants.scalar(w, lambda)));
                }
            }
            return loss;
        };
    }

    /** Builds an {@link InformationPlaneNetwork}. */
    public static final class Builder {
        private int[] widths = PAPER_WIDTHS;
        private Act activation = Act.TANH;

        /** Hidden widths; default the paper's 10-7-5-4-3. */
        public Builder optWidths(int... widths) {
            this.widths = widths.clone();
            return this;
        }

        /** Hidden activation; default tanh (Shwartz-Ziv and Tishby's). */
        public Builder optActivation(Act activation) {
            this.activation = activation;
            return this;
        }

        /** The network. */
        public InformationPlaneNetwork build() {
            if (widths.length == 0) {
                throw new IllegalArgumentException("at least one hidden layer");
            }
            return new InformationPlaneNetwork(widths, activation);
        }
    }
}
