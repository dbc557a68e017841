package org.reprolab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
import org.reprolab.engine.Progress;

/**
 * Minibatch training of a classifier with softmax cross-entropy, written for speed on a small CPU:
 *
 * <ul>
 *   <li>the whole training set lives in one NDArray; each batch is gathered from it by index;</li>
 *   <li>every batch runs in its own {@link NDManager} scope, so memory stays flat across epochs;</li>
 *   <li>updates are DJL's fused in-place optimizer kernels, which also zero the gradients (PyTorch's
 *       {@code GradientCollector} does not zero them itself).</li>
 * </ul>
 *
 * <pre>{@code
 * History h = TrainingLoop.builder().setEpochs(5).setBatchSize(128).optSgd(0.05f).build()
 *         .fit(net, train, test, manager);
 * }</pre>
 */
public final class TrainingLoop {

    private final int epochs;
    private final int batchSize;
    private final Optimizer optimizer;
    private final long shuffleSeed;
    private final boolean recordBatchLoss;
    private final String name;
    private final EpochListener onEpoch;
    private final BatchListener onBatch;
    private final Objective objective;

    private TrainingLoop(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.optimizer = b.optimizer;
        this.shuffleSeed = b.shuffleSeed;
        this.recordBatchLoss = b.recordBatchLoss;
        this.name = b.name;
        this.onEpoch = b.onEpoch;
        this.onBatch = b.onBatch;
        this.objective = b.objective;
    }

    /**
     * What a batch minimises: the block's training-mode output and the batch's labels to a scalar. The default is
     * {@link #crossEntropy} of the block's single output; a block with more outputs (say, logits and a spike
     * rate) brings its own. Training accuracy is read from the output's first array; test data passed to
     * {@link #fit} is scored by {@link #evaluate}, which needs a single output.
     */
    @FunctionalInterface
    public interface Objective {
        /** The loss to differentiate, a scalar NDArray. */
        NDArray loss(NDList output, NDArray labels);
    }

    /** Called after every epoch (for live charts, logs and benchmarks). */
    @FunctionalInterface
    public interface EpochListener {
        /**
         * One epoch finished.
         *
         * @param epoch 0-based epoch number
         * @param trainLoss mean training loss of the epoch
         * @param testAccuracy test accuracy after the epoch, or NaN without test data
         * @param seconds wall time of the epoch's training (evaluation excluded)
         */
        void onEpoch(int epoch, double trainLoss, double testAccuracy, double seconds);
    }

    /**
     * Called after every optimizer update, inside the batch's memory scope: for work between steps such as
     * re-applying a sparsity mask or rewiring a sparse network from the batch's activations.
     */
    @FunctionalInterface
    public interface BatchListener {
        /**
         * One batch was trained on and the parameters were updated.
         *
         * @param epoch 0-based epoch number
         * @param step 0-based step number, counted over all epochs
         * @param features the batch's inputs (closed when the batch ends: do not keep them)
         * @param labels the batch's labels (closed when the batch ends)
         */
        void onBatch(int epoch, int step, NDArray features, NDArray labels);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains {@code block} on {@code train}, evaluating on {@code test} (may be null) after every epoch.
     * The block is initialised under {@code manager} if it is not yet; its parameters stay there.
     */
    public History fit(Block block, LabeledData train, LabeledData test, NDManager manager) {
        long t0 = System.nanoTime();
        int n = train.size();
        if (!block.isInitialized()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(batchSize, train.features()));
        }
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        }
        ParameterStore store = new ParameterStore(manager, false);
        SplittableRandom rng = new SplittableRandom(shuffleSeed);
        // ceil(n / batchSize) batches of near-equal size (they differ by at most one example), so no batch
        // is a lone straggler: batch norm cannot normalise a batch of one.
        int batches = (n + batchSize - 1) / batchSize;
        double[] trainLoss = new double[epochs];
        double[] trainAcc = new double[epochs];
        double[] testLoss = new double[test == null ? 0 : epochs];
        double[] testAcc = new double[test == null ? 0 : epochs];
        float[] batchLoss = new float[recordBatchLoss ? epochs * batches : 0];

        try (NDManager data = manager.newSubManager();
                Progress progress = Progress.start(name, (long) epochs * batches)) {
            NDArray x = train.featuresNd(data);
            NDArray y = train.labelsNd(data);
            String detail = "";
            for (int e = 0; e < epochs; e++) {
                long epochStart = System.nanoTime();
                int[] perm = LabeledData.permutation(n, rng);
                double lossSum = 0;
                long correct = 0;
                for (int b = 0; b < batches; b++) {
                    int from = (int) ((long) b * n / batches);
                    int to = (int) ((long) (b + 1) * n / batches);
                    try (NDManager scope = data.newSubManager()) {
                        long[] idx = new long[to - from];
                        for (int i = 0; i < idx.length; i++) {
                            idx[i] = perm[from + i];
                        }
                        NDArray index = scope.create(idx);
                        NDArray xb = x.get(index);
                        NDArray yb = y.get(index);
                        xb.attach(scope);
                        yb.attach(scope);
                        float loss;
                        try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                            NDList out = block.forward(store, new NDList(xb), true);
                            NDArray l = objective.loss(out, yb);
                            gc.backward(l);
                            loss = l.getFloat();
                            correct += out.get(0).argMax(1).eq(yb).sum().getLong();
                        }
                        for (Parameter p : params) {
                            NDArray w = p.getArray();
                            NDArray g = w.getGradient();
                            g.attach(scope);
                            optimizer.update(p.getId(), w, g);
                        }
                        if (onBatch != null) {
                            onBatch.onBatch(e, e * batches + b, xb, yb);
                        }
                        lossSum += loss * idx.length;
                        if (recordBatchLoss) {
                            batchLoss[e * batches + b] = loss;
                        }
                        if (b % 16 == 0) {
                            detail = String.format("epoch %d/%d loss %.4f", e + 1, epochs, loss);
                        }
                        progress.step(detail);
                    }
                }
                trainLoss[e] = lossSum / n;
                trainAcc[e] = (double) correct / n;
                double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                if (test != null) {
                    double[] lossAcc = evaluate(block, test, manager, 1024);
                    testLoss[e] = lossAcc[0];
                    testAcc[e] = lossAcc[1];
                }
                if (onEpoch != null) {
                    onEpoch.onEpoch(e, trainLoss[e], test == null ? Double.NaN : testAcc[e], epochSeconds);
                }
            }
        }
        return new History(trainLoss, trainAcc, testLoss, testAcc, batchLoss, (System.nanoTime() - t0) / 1e9);
    }

    /** Mean softmax cross-entropy of {@code logits (B, K)} against integer labels {@code (B)}. */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        return logp.gather(labels.reshape(-1, 1), 1).mean().neg();
    }

    /** {@code [mean loss, accuracy]} of {@code block} on {@code data}, in inference mode, in batches. */
    public static double[] evaluate(Block block, LabeledData data, NDManager manager, int batch) {
        ParameterStore store = new ParameterStore(manager, false);
        double[] lossAndCorrect = new double[2];
        forEachBatch(data, manager, batch, (xb, yb, size) -> {
            NDArray logits = block.forward(store, new NDList(xb), false).singletonOrThrow();
            lossAndCorrect[0] += crossEntropy(logits, yb).getFloat() * size;
            lossAndCorrect[1] += logits.argMax(1).eq(yb).sum().getLong();
        });
        return new double[] {lossAndCorrect[0] / data.size(), lossAndCorrect[1] / data.size()};
    }

    /** What {@link #forEachBatch} hands over: a batch's features and labels and its number of rows. */
    @FunctionalInterface
    public interface BatchVisitor {
        /** Looks at one batch; its arrays are closed when this returns. */
        void visit(NDArray features, NDArray labels, int size);
    }

    /**
     * Visits {@code data} in consecutive batches of {@code batch} rows, in order, each batch's arrays in a scope
     * of their own: the loop every evaluation in inference mode shares.
     */
    public static void forEachBatch(LabeledData data, NDManager manager, int batch, BatchVisitor visitor) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = data.featuresNd(scope);
            NDArray y = data.labelsNd(scope);
            for (int from = 0; from < data.size(); from += batch) {
                int to = Math.min(data.size(), from + batch);
                try (NDManager b = scope.newSubManager()) {
                    NDArray xb = x.get(new NDIndex("{}:{}", from, to));
                    NDArray yb = y.get(new NDIndex("{}:{}", from, to));
                    xb.attach(b);
                    yb.attach(b);
                    visitor.visit(xb, yb, to - from);
                }
            }
        }
    }

    /** Accuracy of {@code block} on {@code data}. */
    public static double accuracy(Block block, LabeledData data, NDManager manager) {
        return evaluate(block, data, manager, 1024)[1];
    }

    /** Builds a {@link TrainingLoop}. */
    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 128;
        private Optimizer optimizer;
        private long shuffleSeed = 0;
        private boolean recordBatchLoss;
        private String name = "training";
        private EpochListener onEpoch;
        private BatchListener onBatch;
        private Objective objective = (out, labels) -> crossEntropy(out.singletonOrThrow(), labels);

        /** Passes over the training data; default 1. */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Examples per batch; default 128. */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Any DJL optimizer. */
        public Builder setOptimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** Plain SGD at a fixed learning rate (no momentum, no weight decay). */
        public Builder optSgd(float learningRate) {
            this.optimizer = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate)).build();
            return this;
        }

        /** SGD with momentum. */
        public Builder optSgd(float learningRate, float momentum) {
            this.optimizer = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate))
                    .optMomentum(momentum).build();
            return this;
        }

        /** Adam at a fixed learning rate. */
        public Builder optAdam(float learningRate) {
            this.optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
            return this;
        }

        /** Seed of the shuffling order; default 0. */
        public Builder optShuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /** Keep every batch's loss (for loss-curve charts); default off. */
        public Builder optRecordBatchLoss(boolean record) {
            this.recordBatchLoss = record;
            return this;
        }

        /** Name shown on the progress bar. */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** A listener called after every epoch. */
        public Builder optOnEpoch(EpochListener listener) {
            this.onEpoch = listener;
            return this;
        }

        /** A listener called after every optimizer update (e.g. to re-apply a sparsity mask). */
        public Builder optOnBatch(BatchListener listener) {
            this.onBatch = listener;
            return this;
        }

        /** What each batch minimises; default the softmax cross-entropy of the block's single output. */
        public Builder optObjective(Objective objective) {
            this.objective = objective;
            return this;
        }

        /** The loop. */
        public TrainingLoop build() {
            if (optimizer == null) {
                throw new IllegalArgumentException("TrainingLoop needs an optimizer: optSgd, optAdam or setOptimizer");
            }
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("TrainingLoop needs epochs ≥ 1 and batch size ≥ 1");
            }
            return new TrainingLoop(this);
        }
    }
}
