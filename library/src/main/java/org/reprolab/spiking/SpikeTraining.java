package org.reprolab.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.function.ToDoubleFunction;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.History;
import org.reprolab.train.TrainingLoop;

/**
 * Minibatch training of a {@link SpikingMlp} with softmax cross-entropy plus a sparsity penalty on the mean spike
 * rate, \( L = \mathrm{CE} + λ \bar{s} \) (λ = 0 by default; the UltraLIF paper's loss), and Adam, through
 * {@link TrainingLoop} with that loss as its objective; after every epoch it scores accuracy and spike rate on the
 * test set, and reads one number of the network ({@link Builder#optTrack}, e.g. a learned temperature).
 *
 * <pre>{@code
 * SpikeTraining.Result r = SpikeTraining.builder().setEpochs(10).optSparsity(0.1f).build()
 *         .fit(net, train, test, manager);
 * }</pre>
 */
public final class SpikeTraining {

    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final float sparsity;
    private final long shuffleSeed;
    private final String name;
    private final ToDoubleFunction<SpikingMlp> track;

    private SpikeTraining(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.sparsity = b.sparsity;
        this.shuffleSeed = b.shuffleSeed;
        this.name = b.name;
        this.track = b.track;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a run measured, per epoch.
     *
     * @param trainLoss mean training loss (CE + λ·rate)
     * @param testAccuracy test accuracy after the epoch
     * @param testSpikeRate mean spike (soft spikes counted by value) on the test set
     * @param tracked the {@linkplain Builder#optTrack tracked number} after the epoch (NaN when none is tracked)
     * @param seconds wall time
     */
    public record Result(double[] trainLoss, double[] testAccuracy, double[] testSpikeRate, double[] tracked,
            double seconds) {

        /** Accuracy after the last epoch. */
        public double finalAccuracy() {
            return testAccuracy[testAccuracy.length - 1];
        }

        /** Spike rate after the last epoch. */
        public double finalSpikeRate() {
            return testSpikeRate[testSpikeRate.length - 1];
        }
    }

    /** Trains {@code net} (initialised here if it is not yet) and evaluates it on {@code test} after every epoch. */
    public Result fit(SpikingMlp net, LabeledData train, LabeledData test, NDManager manager) {
        long t0 = System.nanoTime();
        double[] acc = new double[epochs];
        double[] rate = new double[epochs];
        double[] tracked = new double[epochs];
        History history = TrainingLoop.builder().setEpochs(epochs).setBatchSize(batchSize).optAdam(learningRate)
                .optShuffleSeed(shuffleSeed).optName(name)
                .optObjective((out, labels) -> loss(out, labels, sparsity))
                .optOnEpoch((e, trainLoss, testAccuracy, seconds) -> {
                    double[] ar = evaluate(net, test, manager, 1000);
                    acc[e] = ar[0];
                    rate[e] = ar[1];
                    tracked[e] = track.applyAsDouble(net);
                })
                .build().fit(net, train, null, manager);
        return new Result(history.trainLoss(), acc, rate, tracked, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The loss L = CE + λ·rate for a {@link SpikingMlp}'s forward output {@code {logits (B, K), rate ()}} and
     * integer labels {@code (B)}; the cross-entropy alone when λ = 0.
     */
    public static NDArray loss(NDList out, NDArray labels, float sparsity) {
        NDArray objective = TrainingLoop.crossEntropy(out.get(0), labels);
        if (sparsity != 0) {
            NDArray rate = out.get(1);
            objective = objective.add(rate.mul(NdConstants.scalar(rate, sparsity)));     // CE + λ·rate
        }
        return objective;
    }

    /** {@code [accuracy, mean spike rate]} of {@code net} on {@code data}, in inference mode, in batches. */
    public static double[] evaluate(SpikingMlp net, LabeledData data, NDManager manager, int batch) {
        ParameterStore store = new ParameterStore(manager, false);
        double[] correctAndSpikes = new double[2];
        TrainingLoop.forEachBatch(data, manager, batch, (xb, yb, size) -> {
            NDList out = net.forward(store, new NDList(xb), false);
            correctAndSpikes[0] += out.get(0).argMax(1).eq(yb).sum().getLong();
            correctAndSpikes[1] += out.get(1).getFloat() * size;
        });
        return new double[] {correctAndSpikes[0] / data.size(), correctAndSpikes[1] / data.size()};
    }

    /** Builds {@link SpikeTraining}. */
    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 128;
        private float learningRate = 1e-3f;
        private float sparsity;
        private long shuffleSeed;
        private String name = "spiking training";
        private ToDoubleFunction<SpikingMlp> track = net -> Double.NaN;

        /** Passes over the data; default 1. */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Batch size; default 128 (the UltraLIF paper's). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam's learning rate; default 1e-3 (the UltraLIF paper's). */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** λ of the sparsity penalty λ·(mean spike rate); default 0 (the UltraLIF paper's experiments use 0.1). */
        public Builder optSparsity(float lambda) {
            this.sparsity = lambda;
            return this;
        }

        /** Seed of the shuffling order; default 0. */
        public Builder optShuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /**
         * A number of the network to record after every epoch ({@link Result#tracked}), e.g. a learned temperature:
         * {@code optTrack(net -> UltraLif.epsilonOf(net.neuron()))}; default none (NaN).
         */
        public Builder optTrack(ToDoubleFunction<SpikingMlp> probe) {
            this.track = probe;
            return this;
        }

        /** Name shown on the progress bar. */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** The loop. */
        public SpikeTraining build() {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || sparsity < 0) {
                throw new IllegalArgumentException("SpikeTraining needs epochs ≥ 1, batch ≥ 1, lr > 0, λ ≥ 0");
            }
            return new SpikeTraining(this);
        }
    }
}
