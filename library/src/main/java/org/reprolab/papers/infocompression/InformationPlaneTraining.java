package org.reprolab.papers.infocompression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.reprolab.data.LabeledData;
import org.reprolab.train.TrainingLoop;

/**
 * Trains an {@link InformationPlaneNetwork} full-batch with Adam on part of a task and measures every hidden layer's
 * information-plane point on all inputs at log-spaced epochs, with each estimator given.
 *
 * <pre>{@code
 * Trajectory t = InformationPlaneTraining.builder().setEpochs(1500).optL2(1e-3)
 *         .setEstimators(List.of(InformationPlane.adaptiveBinning(30))).build()
 *         .run(net, all, train, test, seed, manager);
 * }</pre>
 */
public final class InformationPlaneTraining {

    /**
     * What one training run measured.
     *
     * @param epochs the measured epochs (1-based)
     * @param points {@code points[estimator][checkpoint]}: every hidden layer's point
     * @param testAccuracy accuracy on the held-out inputs after training
     */
    public record Trajectory(int[] epochs, List<List<List<InformationPlane.Point>>> points, double testAccuracy) {

        /** One layer's {@code I(T;X)} over the measured epochs (layer from 1). */
        public double[] ix(int estimator, int layer) {
            return points.get(estimator).stream().mapToDouble(p -> p.get(layer - 1).ix()).toArray();
        }

        /** One layer's {@code I(T;Y)} over the measured epochs (layer from 1). */
        public double[] iy(int estimator, int layer) {
            return points.get(estimator).stream().mapToDouble(p -> p.get(layer - 1).iy()).toArray();
        }

        /** {@link InformationPlane#compression} of one layer's {@code I(T;X)}. */
        public double compression(int estimator, int layer) {
            return InformationPlane.compression(ix(estimator, layer));
        }
    }

    private final int epochs;
    private final int checkpoints;
    private final float learningRate;
    private final double l2;
    private final List<InformationPlane> estimators;

    private InformationPlaneTraining(Builder b) {
        epochs = b.epochs;
        checkpoints = b.checkpoints;
        learningRate = b.learningRate;
        l2 = b.l2;
        estimators = List.copyOf(b.estimators);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** About {@code count} distinct epochs from 1 to {@code epochs}, evenly spaced on a log scale. */
    public static int[] logSpacedEpochs(int epochs, int count) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int k = 0; k < count; k++) {
            set.add((int) Math.round(Math.exp(Math.log(epochs) * k / Math.max(1, count - 1))));
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Trains {@code net} on {@code train} from the engine's current seed (seed it before), shuffling with
     * {@code shuffleSeed}, and measures the information plane on {@code all} (every input, each equally likely).
     */
    public Trajectory run(InformationPlaneNetwork net, LabeledData all, LabeledData train, LabeledData test,
            long shuffleSeed, NDManager manager) {
        int[] measured = logSpacedEpochs(epochs, checkpoints);
        TreeSet<Integer> at = new TreeSet<>();
        for (int e : measured) {
            at.add(e);
        }
        List<List<List<InformationPlane.Point>>> points = new ArrayList<>();
        for (int k = 0; k < estimators.size(); k++) {
            points.add(new ArrayList<>());
        }
        int[] labels = all.labelsArray();
        int[] widths = net.widths();
        try (NDManager m = manager.newSubManager()) {
            NDArray x = all.featuresNd(m);
            net.block().initialize(m, DataType.FLOAT32, new Shape(train.size(), train.features()));
            TrainingLoop.builder().setEpochs(epochs).setBatchSize(train.size()).optAdam(learningRate)
                    .optShuffleSeed(shuffleSeed).optObjective(net.l2Objective(l2))
                    .optName(net.activation().name().toLowerCase() + (l2 > 0 ? " + L2" : ""))
                    .optOnBatch((e, step, xb, yb) -> {
                        if (at.contains(e + 1)) {
                            List<double[]> t = net.hiddenActivations(x, m);
                            for (int k = 0; k < estimators.size(); k++) {
                                points.get(k).add(estimators.get(k).measure(t, widths, labels));
                            }
                        }
                    })
                    .build().fit(net.block(), train, null, m);
            double accuracy = TrainingLoop.accuracy(net.block(), test, m);
            return new Trajectory(measured, points, accuracy);
        }
    }

    /** Builds an {@link InformationPlaneTraining}. */
    public static final class Builder {
        private int epochs;
        private int checkpoints = 30;
        private float learningRate = 1e-3f;
        private double l2;
        private List<InformationPlane> estimators = List.of(InformationPlane.adaptiveBinning(30));

        /** Full-batch epochs (required). */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** About how many log-spaced epochs are measured; default 30. */
        public Builder optCheckpoints(int checkpoints) {
            this.checkpoints = checkpoints;
            return this;
        }

        /** Adam's learning rate; default 1e-3. */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** The L2 penalty λ on the weights; default 0. */
        public Builder optL2(double l2) {
            this.l2 = l2;
            return this;
        }

        /** The estimators measured at each checkpoint; default adaptive binning with 30 bins. */
        public Builder setEstimators(List<InformationPlane> estimators) {
            this.estimators = estimators;
            return this;
        }

        /** The training. */
        public InformationPlaneTraining build() {
            if (epochs < 1 || checkpoints < 2 || estimators.isEmpty()) {
                throw new IllegalArgumentException("needs setEpochs(≥ 1), optCheckpoints(≥ 2) and an estimator");
            }
            return new InformationPlaneTraining(this);
        }
    }
}
