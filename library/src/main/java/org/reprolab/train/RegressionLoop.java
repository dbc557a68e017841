package org.reprolab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;

/**
 * Minibatch regression of fields (or any tensors) with Adam on the mean relative L2 error
 * ‖ŷ − y‖ / ‖y‖ per sample, the neural-operator literature's loss and metric. The data are two NDArrays whose
 * first axis is the sample; batches are gathered by index under their own memory scope.
 *
 * <pre>{@code
 * double[] curve = RegressionLoop.builder().setSteps(300).setBatchSize(50).optAdam(1e-2f).optShuffleSeed(7)
 *         .build().fit(net, x, y, manager);
 * double err = RegressionLoop.relativeL2(net, xTest, yTest, manager);
 * }</pre>
 */
public final class RegressionLoop {

    private final int steps;
    private final int batchSize;
    private final float learningRate;
    private final float finalLearningRate;
    private final long shuffleSeed;

    private RegressionLoop(Builder b) {
        this.steps = b.steps;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.finalLearningRate = b.finalLearningRate;
        this.shuffleSeed = b.shuffleSeed;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains {@code block} on inputs {@code x} and targets {@code y} (first axis: samples), initialising it under
     * {@code manager} if needed; returns the training loss of every step.
     */
    public double[] fit(Block block, NDArray x, NDArray y, NDManager manager) {
        int n = (int) x.getShape().get(0);
        if (!block.isInitialized()) {
            block.initialize(manager, DataType.FLOAT32, batchShape(x));
        }
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        }
        // Cosine decay from learningRate to finalLearningRate over the run.
        Tracker lr = Tracker.cosine().setBaseValue(learningRate).optFinalValue(finalLearningRate)
                .setMaxUpdates(Math.max(1, steps)).build();
        Optimizer adam = Optimizer.adam().optLearningRateTracker(lr).build();
        ParameterStore store = new ParameterStore(manager, false);
        SplittableRandom rng = new SplittableRandom(shuffleSeed);
        double[] curve = new double[steps];
        int[] perm = LabeledData.permutation(n, rng);
        int cursor = 0;
        for (int s = 0; s < steps; s++) {
            Interrupts.check();
            if (cursor + batchSize > n) {
                perm = LabeledData.permutation(n, rng);
                cursor = 0;
            }
            try (NDManager scope = manager.newSubManager()) {
                long[] idx = new long[Math.min(batchSize, n)];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = perm[cursor + i];
                }
                cursor += idx.length;
                NDArray index = scope.create(idx);
                NDArray xb = x.get(index);
                NDArray yb = y.get(index);
                xb.attach(scope);
                yb.attach(scope);
                try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                    NDArray pred = block.forward(store, new NDList(xb), true).singletonOrThrow();
                    NDArray loss = relativeL2(pred, yb).mean();
                    gc.backward(loss);
                    curve[s] = loss.getFloat();
                }
                for (Parameter p : params) {
                    NDArray w = p.getArray();
                    NDArray g = w.getGradient();
                    g.attach(scope);
                    adam.update(p.getId(), w, g);
                }
            }
        }
        return curve;
    }

    private ai.djl.ndarray.types.Shape batchShape(NDArray x) {
        return new ai.djl.ndarray.types.Shape(Math.min(batchSize, x.getShape().get(0))).addAll(x.getShape().slice(1));
    }

    /** Per-sample relative L2 error ‖ŷ − y‖ / ‖y‖ over all axes but the first: [B]. */
    public static NDArray relativeL2(NDArray prediction, NDArray target) {
        int[] axes = new int[target.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        NDArray d = prediction.sub(target);
        return d.mul(d).sum(axes).sqrt().div(target.mul(target).sum(axes).sqrt());
    }

    /** Per-sample relative L2 error of {@code block} on a test set, in inference mode, in batches of 256. */
    public static double[] relativeL2(Block block, NDArray x, NDArray y, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        int n = (int) x.getShape().get(0);
        double[] out = new double[n];
        for (int from = 0; from < n; from += 256) {
            int to = Math.min(n, from + 256);
            try (NDManager scope = manager.newSubManager()) {
                NDArray xb = x.get(from + ":" + to);
                NDArray yb = y.get(from + ":" + to);
                xb.attach(scope);
                yb.attach(scope);
                NDArray pred = block.forward(store, new NDList(xb), false).singletonOrThrow();
                float[] e = relativeL2(pred, yb).toFloatArray();
                for (int i = 0; i < e.length; i++) {
                    out[from + i] = e[i];
                }
            }
        }
        return out;
    }

    /** Builds a {@link RegressionLoop}. */
    public static final class Builder {
        private int steps = 100;
        private int batchSize = 32;
        private float learningRate = 1e-3f;
        private float finalLearningRate = Float.NaN;
        private long shuffleSeed = 1;

        /** Optimizer steps. */
        public Builder setSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Samples per step. */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam's initial learning rate; it decays by a cosine to a hundredth of it unless set otherwise. */
        public Builder optAdam(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** The learning rate at the last step (default: a hundredth of the initial one). */
        public Builder optFinalLearningRate(float finalLearningRate) {
            this.finalLearningRate = finalLearningRate;
            return this;
        }

        /** The seed of the batch order. */
        public Builder optShuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /** Builds the loop. */
        public RegressionLoop build() {
            if (steps < 1 || batchSize < 1) {
                throw new IllegalArgumentException("steps and batch size must be positive");
            }
            if (Float.isNaN(finalLearningRate)) {
                finalLearningRate = learningRate / 100;
            }
            return new RegressionLoop(this);
        }
    }
}
