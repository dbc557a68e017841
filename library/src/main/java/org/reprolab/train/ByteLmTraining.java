package org.reprolab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;

/**
 * Next-byte language modelling: a block mapping byte ids [B, T] to logits [B, T, 256] is trained with AdamW on
 * random windows of a training text (mean cross-entropy in nats per byte over every position) and evaluated on
 * fixed windows of a validation text. Two models given the same seeds see the same batches and are scored on
 * the same validation windows.
 *
 * <pre>{@code
 * ByteLmTraining.Result r = ByteLmTraining.builder().setSteps(300).setBatchSize(16).setContext(32)
 *         .optShuffleSeed(7).optValidationSeed(8).build().fit(model, trainBytes, validationBytes, manager);
 * }</pre>
 */
public final class ByteLmTraining {

    /** Byte vocabulary. */
    public static final int VOCABULARY = 256;

    private final int steps;
    private final int batchSize;
    private final int context;
    private final float learningRate;
    private final float weightDecay;
    private final long shuffleSeed;
    private final long validationSeed;
    private final int validationWindows;
    private final int evaluations;

    private ByteLmTraining(Builder b) {
        steps = b.steps;
        batchSize = b.batchSize;
        context = b.context;
        learningRate = b.learningRate;
        weightDecay = b.weightDecay;
        shuffleSeed = b.shuffleSeed;
        validationSeed = b.validationSeed;
        validationWindows = b.validationWindows;
        evaluations = b.evaluations;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A run: the training loss of every step, and the validation loss (nats per byte) after the steps in
     * {@code evaluatedAt}, the last of which is the final step.
     */
    public record Result(double[] trainLoss, double[] evaluatedAt, double[] validationLoss, double seconds) {

        /** The validation loss after the last step. */
        public double finalValidationLoss() {
            return validationLoss[validationLoss.length - 1];
        }
    }

    /** Trains {@code model} (initialised under {@code manager} if needed) and evaluates it as it goes. */
    public Result fit(Block model, byte[] train, byte[] validation, NDManager manager) {
        long start = System.nanoTime();
        if (!model.isInitialized()) {
            model.initialize(manager, DataType.FLOAT32, new Shape(batchSize, context));
        }
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        }
        Optimizer adamW = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(learningRate))
                .optWeightDecays(weightDecay).build();
        ParameterStore store = new ParameterStore(manager, false);
        SplittableRandom rng = new SplittableRandom(shuffleSeed);
        int[] validationStarts = windows(validation.length, validationWindows, context,
                new SplittableRandom(validationSeed));
        double[] curve = new double[steps];
        double[] at = new double[evaluations];
        double[] val = new double[evaluations];
        int next = 0;
        for (int s = 0; s < steps; s++) {
            Interrupts.check();
            try (NDManager scope = manager.newSubManager()) {
                int[] starts = windows(train.length, batchSize, context, rng);
                NDArray x = ids(scope, train, starts, 0, context);
                NDArray y = ids(scope, train, starts, 1, context);
                try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                    NDArray loss = crossEntropy(model.forward(store, new NDList(x), true).singletonOrThrow(), y);
                    gc.backward(loss);
                    curve[s] = loss.getFloat();
                }
                for (Parameter p : params) {
                    NDArray w = p.getArray();
                    NDArray g = w.getGradient();
                    g.attach(scope);
                    adamW.update(p.getId(), w, g);
                }
            }
            if (next < evaluations && s + 1 == (long) steps * (next + 1) / evaluations) {
                at[next] = s + 1;
                val[next++] = loss(model, validation, validationStarts, context, manager);
            }
        }
        return new Result(curve, at, val, (System.nanoTime() - start) / 1e9);
    }

    /** Mean next-byte cross-entropy (nats) of {@code model} on the windows starting at {@code starts}. */
    public static double loss(Block model, byte[] data, int[] starts, int context, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        double sum = 0;
        for (int from = 0; from < starts.length; from += 64) {
            int[] part = java.util.Arrays.copyOfRange(starts, from, Math.min(starts.length, from + 64));
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = ids(scope, data, part, 0, context);
                NDArray y = ids(scope, data, part, 1, context);
                NDArray logits = model.forward(store, new NDList(x), false).singletonOrThrow();
                sum += crossEntropy(logits, y).getFloat() * part.length;
            }
        }
        return sum / starts.length;
    }

    /** Mean cross-entropy (nats) of logits [..., V] against integer targets [...]. */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logp = logits.logSoftmax(-1);
        NDArray picked = logp.mul(targets.oneHot(VOCABULARY).toType(logp.getDataType(), false)).sum(new int[] {-1});
        return picked.mean().neg();
    }

    /** {@code count} random window starts such that a window of {@code context} + 1 bytes fits in {@code n}. */
    public static int[] windows(int n, int count, int context, SplittableRandom rng) {
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = rng.nextInt(n - context - 1);
        }
        return starts;
    }

    /** Byte ids [windows, length] (int64) of {@code data[start + offset ...]} for every start. */
    public static NDArray ids(NDManager manager, byte[] data, int[] starts, int offset, int length) {
        long[] v = new long[starts.length * length];
        for (int i = 0; i < starts.length; i++) {
            for (int t = 0; t < length; t++) {
                v[i * length + t] = data[starts[i] + offset + t] & 0xff;
            }
        }
        return manager.create(v, new Shape(starts.length, length));
    }

    /** The unigram entropy of a byte text in nats: the loss of a model that ignores context. */
    public static double unigramEntropy(byte[] data) {
        long[] counts = new long[VOCABULARY];
        for (byte b : data) {
            counts[b & 0xff]++;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / data.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** Builds a {@link ByteLmTraining}. */
    public static final class Builder {
        private int steps = 300;
        private int batchSize = 16;
        private int context = 32;
        private float learningRate = 1e-3f;
        private float weightDecay = 0.1f;
        private long shuffleSeed = 1;
        private long validationSeed = 2;
        private int validationWindows = 128;
        private int evaluations = 5;

        private Builder() {}

        /** Optimizer steps. */
        public Builder setSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Windows per batch. */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Bytes per window (the model predicts each of them from those before). */
        public Builder setContext(int context) {
            this.context = context;
            return this;
        }

        /** AdamW's learning rate (default 1e-3, constant). */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** AdamW's decoupled weight decay (default 0.1). */
        public Builder optWeightDecay(float weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** The seed of the training windows. */
        public Builder optShuffleSeed(long shuffleSeed) {
            this.shuffleSeed = shuffleSeed;
            return this;
        }

        /** The seed of the fixed validation windows. */
        public Builder optValidationSeed(long validationSeed) {
            this.validationSeed = validationSeed;
            return this;
        }

        /** Validation windows (default 128). */
        public Builder optValidationWindows(int validationWindows) {
            this.validationWindows = validationWindows;
            return this;
        }

        /** How many evenly spaced validation evaluations, the last after the final step (default 5). */
        public Builder optEvaluations(int evaluations) {
            this.evaluations = evaluations;
            return this;
        }

        /** Builds the loop. */
        public ByteLmTraining build() {
            return new ByteLmTraining(this);
        }
    }
}
