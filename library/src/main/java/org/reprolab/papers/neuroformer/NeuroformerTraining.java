package org.reprolab.papers.neuroformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;
import org.reprolab.engine.NdConstants;

/**
 * Training and read-outs of a {@link Neuroformer}: AdamW on random mini-batches of tokenised windows with the
 * loss w_n (CE(next ID) + CE(next Δt)) + w_b MSE(speed) (numbering ours: Eq. (6); w_b = 0 is neural-only
 * generative pretraining, w_n = 0 fine-tunes for behaviour alone); the next-ID cross-entropy on held-out windows;
 * speed predictions; and the coupling read from the cross-attention.
 */
public final class NeuroformerTraining {

    private final int steps;
    private final int batchSize;
    private final float learningRate;
    private final float weightDecay;
    private final long seed;
    private final float neuralWeight;
    private final float behaviourWeight;

    private NeuroformerTraining(Builder b) {
        steps = b.steps;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        weightDecay = b.weightDecay;
        seed = b.seed;
        neuralWeight = b.neuralWeight;
        behaviourWeight = b.behaviourWeight;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The training loss of every step. */
    public record Result(double[] loss, double seconds) {

        /** The mean loss over the last tenth of the steps. */
        public double finalLoss() {
            int from = loss.length - Math.max(1, loss.length / 10);
            return Arrays.stream(loss, from, loss.length).average().orElse(Double.NaN);
        }
    }

    /** Initialises {@code model} under {@code m} for the shapes of {@code data}. */
    public static void initialize(Neuroformer model, SpikeTokens.Batch data, NDManager m) {
        Shape past = new Shape(1, data.pastLength());
        Shape current = new Shape(1, data.length());
        model.initialize(m, DataType.FLOAT32, past, past, past, current, current, current);
    }

    /**
     * Trains on the windows {@code rows} of {@code data}; {@code speed} (one value per window of {@code data}, or
     * null when w_b = 0) is the behaviour target.
     */
    public Result fit(Neuroformer model, SpikeTokens.Batch data, int[] rows, double[] speed, NDManager manager) {
        long start = System.nanoTime();
        if (!model.isInitialized()) {
            initialize(model, data, manager);
        }
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            params.add(p.getValue());
        }
        Optimizer adamW = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(learningRate))
                .optWeightDecays(weightDecay).build();
        ParameterStore store = new ParameterStore(manager, false);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] curve = new double[steps];
        for (int s = 0; s < steps; s++) {
            Interrupts.check();
            try (NDManager scope = manager.newSubManager()) {
                int[] batch = new int[Math.min(batchSize, rows.length)];
                for (int k = 0; k < batch.length; k++) {
                    batch[k] = rows[rng.nextInt(rows.length)];
                }
                NDList in = data.inputs(scope, batch);
                NDList target = data.targets(scope, batch);
                NDArray y = null;
                if (behaviourWeight > 0) {
                    float[] v = new float[batch.length];
                    for (int k = 0; k < batch.length; k++) {
                        v[k] = (float) speed[batch[k]];
                    }
                    y = scope.create(v);
                }
                try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                    NDList out = model.forward(store, in, true);
                    NDArray loss = null;
                    if (neuralWeight > 0) {
                        NDArray neural = Neuroformer.maskedCrossEntropy(out.get(0), target.get(0), target.get(2))
                                .add(Neuroformer.maskedCrossEntropy(out.get(1), target.get(1), target.get(2)));
                        loss = neuralWeight == 1 ? neural : NdConstants.mul(neural, neuralWeight); // Eq. (6)
                    }
                    if (y != null) {
                        NDArray err = out.get(2).sub(y);
                        NDArray mse = NdConstants.mul(err.mul(err).mean(), behaviourWeight);
                        loss = loss == null ? mse : loss.add(mse);
                    }
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
        }
        return new Result(curve, (System.nanoTime() - start) / 1e9);
    }

    /** Mean next-ID cross-entropy (nats per token, EOS included) of {@code model} on the windows {@code rows}. */
    public static double idCrossEntropy(Neuroformer model, SpikeTokens.Batch data, int[] rows, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        double sum = 0;
        double tokens = 0;
        for (int from = 0; from < rows.length; from += 128) {
            int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + 128));
            try (NDManager scope = manager.newSubManager()) {
                NDList target = data.targets(scope, part);
                NDArray logits = model.forward(store, data.inputs(scope, part), false).get(0);
                double n = target.get(2).sum().getFloat();
                sum += Neuroformer.maskedCrossEntropy(logits, target.get(0), target.get(2)).getFloat() * n;
                tokens += n;
            }
        }
        return sum / tokens;
    }

    /** The speed head's output for the windows {@code rows}. */
    public static double[] speed(Neuroformer model, SpikeTokens.Batch data, int[] rows, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        double[] out = new double[rows.length];
        for (int from = 0; from < rows.length; from += 128) {
            int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + 128));
            try (NDManager scope = manager.newSubManager()) {
                float[] v = model.forward(store, data.inputs(scope, part), false).get(2).toFloatArray();
                for (int k = 0; k < part.length; k++) {
                    out[from + k] = v[k];
                }
            }
        }
        return out;
    }

    /**
     * The coupling read from the attention (numbering ours: Eq. (7)): A_ij is the mean, over every query
     * position whose next token is neuron i and every past spike of neuron j it can see, of the cross-attention
     * weight (averaged over heads and layers) times the number of past spikes in that window, so that 1 is
     * uniform attention. Pairs never seen get 1. Rows are targets i, columns sources j.
     */
    public static double[][] attentionCoupling(Neuroformer model, SpikeTokens.Batch data, int[] rows, int neurons,
            NDManager manager) {
        double[][] sum = new double[neurons][neurons];
        double[][] count = new double[neurons][neurons];
        int lp = data.pastLength();
        int lc = data.length();
        for (int from = 0; from < rows.length; from += 128) {
            Interrupts.check();
            int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + 128));
            try (NDManager scope = manager.newSubManager()) {
                List<NDArray> layers = model.crossAttention(data.inputs(scope, part));
                NDArray mean = layers.get(0);
                for (int l = 1; l < layers.size(); l++) {
                    mean = mean.add(layers.get(l));
                }
                float[] a = mean.mean(new int[] {1}).toFloatArray(); // [B, L, Lp], summed over layers
                for (int r = 0; r < part.length; r++) {
                    int w = part[r];
                    int keys = 0;
                    while (keys < lp && data.pastBias()[w * lp + keys] == 0) {
                        keys++;
                    }
                    for (int k = 0; k < lc; k++) {
                        int target = (int) data.nextIds()[w * lc + k];
                        if (data.mask()[w * lc + k] == 0 || target >= neurons) {
                            continue;
                        }
                        for (int q = 0; q < keys; q++) {
                            int source = (int) data.pastIds()[w * lp + q];
                            sum[target][source] += a[(r * lc + k) * lp + q] * keys / layers.size(); // Eq. (7)
                            count[target][source]++;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < neurons; i++) {
            for (int j = 0; j < neurons; j++) {
                sum[i][j] = count[i][j] > 0 ? sum[i][j] / count[i][j] : 1;
            }
        }
        return sum;
    }

    /** A copy of every parameter's values, in the block's order. */
    public static float[][] weights(Neuroformer model) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out.toArray(new float[0][]);
    }

    /** Sets every parameter of an initialised {@code model} to {@code weights} (from {@link #weights}). */
    public static void load(Neuroformer model, float[][] weights) {
        int k = 0;
        for (Pair<String, Parameter> p : model.getParameters()) {
            p.getValue().getArray().set(FloatBuffer.wrap(weights[k++]));
        }
    }

    /** Builds a {@link NeuroformerTraining}. */
    public static final class Builder {
        private int steps = 300;
        private int batchSize = 32;
        private float learningRate = 3e-4f;
        private float weightDecay = 0.01f;
        private long seed = 1;
        private float neuralWeight = 1;
        private float behaviourWeight = 0;

        private Builder() {}

        /** Optimizer steps. */
        public Builder setSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Windows per batch (default 32). */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The seed of the mini-batches. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** AdamW's constant learning rate (default 3e-4, the notes) and weight decay (default 0.01). */
        public Builder optAdamW(float learningRate, float weightDecay) {
            this.learningRate = learningRate;
            this.weightDecay = weightDecay;
            return this;
        }

        /** The weights w_n of the spike losses and w_b of the speed loss (default 1 and 0). */
        public Builder optLossWeights(float neuralWeight, float behaviourWeight) {
            this.neuralWeight = neuralWeight;
            this.behaviourWeight = behaviourWeight;
            return this;
        }

        /** Builds the loop. */
        public NeuroformerTraining build() {
            if (neuralWeight <= 0 && behaviourWeight <= 0) {
                throw new IllegalArgumentException("some loss must have a positive weight");
            }
            return new NeuroformerTraining(this);
        }
    }
}
