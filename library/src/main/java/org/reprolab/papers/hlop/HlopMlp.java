package org.reprolab.papers.hlop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;
import org.reprolab.train.TrainingLoop;

/**
 * A bias-free ReLU MLP trained on a sequence of tasks by plain SGD, with or without HLOP: each linear layer has its
 * {@link HebbianSubspace}; with HLOP on, every weight gradient is projected away from the frozen subspace of that
 * layer's input before the step, and after each task new subspace neurons learn (Hebbian) that task's layer inputs
 * and are frozen. Without HLOP it is sequential fine-tuning, the baseline that forgets.
 *
 * <pre>{@code
 * HlopMlp net = HlopMlp.builder().setWidths(784, 256, 10).optHlop(true).build(manager);
 * net.trainTask(task0, 1, 64, 0.05f, seed);  net.learnSubspace(task0, new int[] {80, 80}, 5, rng);
 * }</pre>
 */
public final class HlopMlp {

    private final List<Linear> layers = new ArrayList<>();
    private final List<HebbianSubspace> subspaces = new ArrayList<>();
    private final boolean hlop;
    private final NDManager manager;
    private final ParameterStore store;
    private final int hebbianIterations;

    private HlopMlp(Builder b, NDManager manager) {
        this.hlop = b.hlop;
        this.manager = manager;
        this.hebbianIterations = b.hebbianIterations;
        this.store = new ParameterStore(manager, false);
        Shape in = new Shape(1, b.widths[0]);
        for (int l = 1; l < b.widths.length; l++) {
            Linear layer = Linear.builder().setUnits(b.widths[l]).optBias(false).build();
            layer.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                    XavierInitializer.FactorType.IN, 1), Parameter.Type.WEIGHT);
            layer.initialize(manager, DataType.FLOAT32, in);
            in = layer.getOutputShapes(new Shape[] {in})[0];
            layers.add(layer);
            subspaces.add(new HebbianSubspace(b.widths[l - 1], b.hebbianRate));
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether gradients are projected (HLOP) or not (fine-tuning). */
    public boolean usesHlop() {
        return hlop;
    }

    /** Each linear layer's subspace neurons, layer 0 first. */
    public List<HebbianSubspace> subspaces() {
        return subspaces;
    }

    /** The inputs (B, n_l) of every linear layer for x (B, n_0): x, then each hidden ReLU output; logits last. */
    public List<NDArray> inputs(NDArray x, boolean training) {
        List<NDArray> out = new ArrayList<>();
        NDArray h = x;
        for (int l = 0; l < layers.size(); l++) {
            out.add(h);
            h = layers.get(l).forward(store, new NDList(h), training).singletonOrThrow();
            if (l < layers.size() - 1) {
                h = Activation.relu(h);
            }
        }
        out.add(h);
        return out;
    }

    /** {@code epochs} of SGD (learning rate η, fixed) on one task, projected when HLOP is on. */
    public void trainTask(LabeledData task, int epochs, int batch, float learningRate, long shuffleSeed) {
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate)).build();
        List<Parameter> weights = new ArrayList<>();
        for (Linear l : layers) {
            weights.add(l.getParameters().get("weight"));
        }
        SplittableRandom rng = new SplittableRandom(shuffleSeed);
        try (NDManager data = manager.newSubManager()) {
            NDArray x = task.featuresNd(data);
            NDArray y = task.labelsNd(data);
            for (int e = 0; e < epochs; e++) {
                int[] perm = LabeledData.permutation(task.size(), rng);
                for (int from = 0; from < task.size(); from += batch) {
                    Interrupts.check();
                    try (NDManager scope = data.newSubManager()) {
                        long[] idx = new long[Math.min(batch, task.size() - from)];
                        for (int i = 0; i < idx.length; i++) {
                            idx[i] = perm[from + i];
                        }
                        NDArray index = scope.create(idx);
                        NDArray xb = x.get(index);
                        NDArray yb = y.get(index);
                        xb.attach(scope);
                        yb.attach(scope);
                        try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                            List<NDArray> s = inputs(xb, true);
                            gc.backward(TrainingLoop.crossEntropy(s.get(s.size() - 1), yb));
                        }
                        for (int l = 0; l < layers.size(); l++) {
                            Parameter p = weights.get(l);
                            NDArray g = p.getArray().getGradient();
                            g.attach(scope);
                            NDArray step = hlop ? subspaces.get(l).project(g) : g;
                            step.attach(scope);
                            sgd.update(p.getId(), p.getArray(), step);
                        }
                    }
                }
            }
        }
    }

    /**
     * After a task: {@code k[l]} new subspace neurons per layer learn that task's layer inputs (Hebbian, the builder's
     * iterations per batch, {@code passes} passes over the task), then are frozen.
     */
    public void learnSubspace(LabeledData task, int[] k, int passes, int batch, SplittableRandom rng) {
        for (int l = 0; l < layers.size(); l++) {
            subspaces.get(l).begin(k[l], manager, rng);
        }
        try (NDManager data = manager.newSubManager()) {
            NDArray x = task.featuresNd(data);
            for (int pass = 0; pass < passes; pass++) {
                int[] perm = LabeledData.permutation(task.size(), rng);
                for (int from = 0; from + batch <= task.size(); from += batch) {
                    Interrupts.check();
                    try (NDManager scope = data.newSubManager()) {
                        long[] idx = new long[batch];
                        for (int i = 0; i < batch; i++) {
                            idx[i] = perm[from + i];
                        }
                        NDArray xb = x.get(scope.create(idx));
                        xb.attach(scope);
                        List<NDArray> in = inputs(xb, false);
                        for (int l = 0; l < layers.size(); l++) {
                            in.get(l).attach(scope);
                            for (int it = 0; it < hebbianIterations; it++) {
                                subspaces.get(l).learn(in.get(l));
                            }
                        }
                    }
                }
            }
        }
        for (HebbianSubspace h : subspaces) {
            h.commit();
        }
    }

    /** Test accuracy on {@code data}. */
    public double accuracy(LabeledData data) {
        double[] correct = new double[1];
        TrainingLoop.forEachBatch(data, manager, 1000, (xb, yb, size) -> {
            List<NDArray> s = inputs(xb, false);
            correct[0] += s.get(s.size() - 1).argMax(1).eq(yb).sum().getLong();
        });
        return correct[0] / data.size();
    }

    /** The inputs of layer l on {@code data} (N, n_l), as rows, for a PCA to compare the subspace with. */
    public double[][] layerInputs(LabeledData data, int layer) {
        List<double[]> rows = new ArrayList<>();
        TrainingLoop.forEachBatch(data, manager, 1000, (xb, yb, size) -> {
            NDArray in = inputs(xb, false).get(layer);
            int n = (int) in.getShape().get(1);
            double[] v = in.toType(DataType.FLOAT64, false).toDoubleArray();
            for (int i = 0; i < size; i++) {
                rows.add(java.util.Arrays.copyOfRange(v, i * n, (i + 1) * n));
            }
        });
        return rows.toArray(new double[0][]);
    }

    /** Builds {@link HlopMlp}. */
    public static final class Builder {
        private int[] widths;
        private boolean hlop;
        private float hebbianRate = 0.5f;
        private int hebbianIterations = 5;

        /** Widths n_0 (inputs), hidden widths …, K (outputs) (required). */
        public Builder setWidths(int... widths) {
            this.widths = widths.clone();
            return this;
        }

        /** Whether to project gradients (HLOP); default false (fine-tuning). */
        public Builder optHlop(boolean hlop) {
            this.hlop = hlop;
            return this;
        }

        /** The Hebbian rule's relative learning rate η (divided by the batch's mean ‖x‖²); default 0.5. */
        public Builder optHebbianRate(float rate) {
            this.hebbianRate = rate;
            return this;
        }

        /** Hebbian iterations per batch; default 5 (the reference code's). */
        public Builder optHebbianIterations(int iterations) {
            this.hebbianIterations = iterations;
            return this;
        }

        /** The network, initialised on {@code manager} (seed the engine first for repeatable weights). */
        public HlopMlp build(NDManager manager) {
            if (widths == null || widths.length < 2) {
                throw new IllegalArgumentException("HlopMlp needs at least inputs and outputs");
            }
            return new HlopMlp(this, manager);
        }
    }
}
