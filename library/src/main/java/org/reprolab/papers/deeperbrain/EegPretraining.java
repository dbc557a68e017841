package org.reprolab.papers.deeperbrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
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
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;

/**
 * Self-supervised pretraining of an EEG encoder, DeeperBrain's two objectives: masked EEG reconstruction (MER:
 * patches of each channel are zeroed, the decoder reconstructs the window, the loss is the mean squared error on
 * the masked samples) and, optionally, neurodynamics statistics prediction (NSP: a linear head on the encoder's
 * features predicts the window's standardised {@link NeuroStatistics}, mean squared error, weight λ). The encoder
 * is a shared patch embedding per channel and a linear spatial mixing (our stand-in for the paper's
 * Transformer); its output features are what a frozen linear probe reads.
 *
 * <pre>{@code
 * EegPretraining.Result r = EegPretraining.builder().setObjective(Objective.MER_NSP).setEpochs(6)
 *         .optSeed(3).build().pretrain(windows, targets, manager);
 * double[][] features = EegPretraining.features(r.encoder(), windows, manager);
 * }</pre>
 */
public final class EegPretraining {

    /** What the encoder is trained on. */
    public enum Objective {
        /** Masked EEG reconstruction only. */
        MER,
        /** Masked reconstruction plus neurodynamics statistics prediction. */
        MER_NSP
    }

    /** Samples per patch of the encoder (a quarter second). */
    public static final int PATCH = 16;

    private final Objective objective;
    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final double maskRatio;
    private final int patch;
    private final int width;
    private final int filters;
    private final int featureCount;
    private final double nspWeight;
    private final long seed;

    private EegPretraining(Builder b) {
        objective = b.objective;
        epochs = b.epochs;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        maskRatio = b.maskRatio;
        patch = b.patch;
        width = b.width;
        filters = b.filters;
        featureCount = b.features;
        nspWeight = b.nspWeight;
        seed = b.seed;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A pretrained encoder and the training loss of every step. */
    public record Result(Block encoder, double[] loss) { }

    /**
     * The encoder: each channel's time series cut into patches of {@link #PATCH} samples, every patch through the
     * same linear map to {@code filters} values and a ReLU (a learned temporal filter bank, the patch embedding),
     * then one linear map of all channels' and patches' responses to {@code features} outputs (spatial mixing).
     */
    public static SequentialBlock encoder(int filters, int features) {
        int patches = SyntheticEeg.SAMPLES / PATCH;
        SequentialBlock e = new SequentialBlock();
        e.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, SyntheticEeg.CHANNELS, patches,
                PATCH)), "patches"));
        e.add(Linear.builder().setUnits(filters).build());
        e.add(new LambdaBlock(x -> new NDList(Activation.relu(x.singletonOrThrow()).reshape(-1,
                (long) SyntheticEeg.CHANNELS * patches * filters)), "relu-flatten"));
        e.add(Linear.builder().setUnits(features).build());
        return e;
    }

    /** The encoder of this configuration, initialised under {@code manager} (seed the engine first). */
    public Block newEncoder(NDManager manager) {
        SequentialBlock e = encoder(filters, featureCount);
        e.initialize(manager, DataType.FLOAT32, new Shape(batchSize, (long) SyntheticEeg.CHANNELS
                * SyntheticEeg.SAMPLES));
        return e;
    }

    /**
     * Pretrains a new encoder (initialised from the engine's current seed) on {@code windows}; {@code targets}
     * (standardised statistics, one row per window) are used by {@link Objective#MER_NSP} only.
     */
    public Result pretrain(float[][] windows, double[][] targets, NDManager manager) {
        int n = windows.length;
        int dim = SyntheticEeg.CHANNELS * SyntheticEeg.SAMPLES;
        Block enc = newEncoder(manager);
        SequentialBlock dec = Mlp.builder().setWidth(width).setDepth(1).setOutputs(dim).optActivation(Act.RELU)
                .build();
        dec.initialize(manager, DataType.FLOAT32, new Shape(batchSize, featureCount));
        Block head = Linear.builder().setUnits(NeuroStatistics.count()).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(batchSize, featureCount));
        List<Parameter> params = new ArrayList<>();
        for (Block b : List.of(enc, dec, head)) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                params.add(p.getValue());
            }
        }
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
        ParameterStore store = new ParameterStore(manager, false);
        SplittableRandom rng = new SplittableRandom(seed);
        int perEpoch = n / batchSize;
        double[] curve = new double[epochs * perEpoch];
        for (int e = 0; e < epochs; e++) {
            int[] perm = LabeledData.permutation(n, rng);
            for (int s = 0; s < perEpoch; s++) {
                Interrupts.check();
                try (NDManager scope = manager.newSubManager()) {
                    float[] x = new float[batchSize * dim];
                    float[] keep = new float[batchSize * dim];
                    float[] t = new float[batchSize * NeuroStatistics.count()];
                    for (int i = 0; i < batchSize; i++) {
                        int w = perm[s * batchSize + i];
                        System.arraycopy(windows[w], 0, x, i * dim, dim);
                        for (int p = 0; p < dim / patch; p++) {
                            float k = rng.nextDouble() < maskRatio ? 0 : 1;
                            java.util.Arrays.fill(keep, i * dim + p * patch, i * dim + (p + 1) * patch, k);
                        }
                        if (objective == Objective.MER_NSP) {
                            for (int j = 0; j < NeuroStatistics.count(); j++) {
                                t[i * NeuroStatistics.count() + j] = (float) targets[w][j];
                            }
                        }
                    }
                    NDArray xs = scope.create(x, new Shape(batchSize, dim));
                    NDArray kept = scope.create(keep, new Shape(batchSize, dim));
                    NDArray masked = kept.neg().add(1);
                    try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                        NDArray z = enc.forward(store, new NDList(xs.mul(kept)), true).singletonOrThrow();
                        NDArray err = dec.forward(store, new NDList(z), true).singletonOrThrow().sub(xs).mul(masked);
                        NDArray loss = err.mul(err).sum().div(masked.sum().add(1));
                        if (objective == Objective.MER_NSP) {
                            NDArray d = head.forward(store, new NDList(z), true).singletonOrThrow()
                                    .sub(scope.create(t, new Shape(batchSize, NeuroStatistics.count())));
                            loss = loss.add(d.mul(d).mean().mul(scope.create((float) nspWeight)));
                        }
                        gc.backward(loss);
                        curve[e * perEpoch + s] = loss.getFloat();
                    }
                    for (Parameter p : params) {
                        NDArray g = p.getArray().getGradient();
                        g.attach(scope);
                        adam.update(p.getId(), p.getArray(), g);
                    }
                }
            }
        }
        return new Result(enc, curve);
    }

    /** The encoder's features of unmasked windows, one row per window. */
    public static double[][] features(Block encoder, float[][] windows, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        int dim = windows[0].length;
        double[][] out = new double[windows.length][];
        for (int from = 0; from < windows.length; from += 256) {
            int to = Math.min(windows.length, from + 256);
            float[] x = new float[(to - from) * dim];
            for (int i = from; i < to; i++) {
                System.arraycopy(windows[i], 0, x, (i - from) * dim, dim);
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray z = encoder.forward(store, new NDList(scope.create(x, new Shape(to - from, dim))), false)
                        .singletonOrThrow();
                int f = (int) z.getShape().get(1);
                float[] v = z.toFloatArray();
                for (int i = from; i < to; i++) {
                    out[i] = new double[f];
                    for (int j = 0; j < f; j++) {
                        out[i][j] = v[(i - from) * f + j];
                    }
                }
            }
        }
        return out;
    }

    /** Builds an {@link EegPretraining}. */
    public static final class Builder {
        private Objective objective = Objective.MER_NSP;
        private int epochs = 5;
        private int batchSize = 64;
        private float learningRate = 1e-3f;
        private double maskRatio = 0.5;
        private int patch = 32;
        private int width = 128;
        private int filters = 8;
        private int features = 32;
        private double nspWeight = 1;
        private long seed = 1;

        private Builder() {}

        /** MER alone or MER + NSP. */
        public Builder setObjective(Objective objective) {
            this.objective = objective;
            return this;
        }

        /** Passes over the pretraining windows. */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Windows per batch (default 64). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam's learning rate (default 1e-3). */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** The fraction of patches masked (default 0.5). */
        public Builder optMaskRatio(double maskRatio) {
            this.maskRatio = maskRatio;
            return this;
        }

        /** Samples per masked patch of MER (default 32, half a second; divides SAMPLES). */
        public Builder optPatch(int patch) {
            this.patch = patch;
            return this;
        }

        /** The decoder's hidden width (default 128). */
        public Builder optWidth(int width) {
            this.width = width;
            return this;
        }

        /** The encoder's values per patch (default 8). */
        public Builder optFilters(int filters) {
            this.filters = filters;
            return this;
        }

        /** The encoder's output features (default 32). */
        public Builder optFeatures(int features) {
            this.features = features;
            return this;
        }

        /** NSP's weight λ in MER + λ·NSP (default 1). */
        public Builder optNspWeight(double nspWeight) {
            this.nspWeight = nspWeight;
            return this;
        }

        /** The seed of the batches and masks. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Builds the pretraining. */
        public EegPretraining build() {
            return new EegPretraining(this);
        }
    }
}
