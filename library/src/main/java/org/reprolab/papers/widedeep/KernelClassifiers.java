package org.reprolab.papers.widedeep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.LinearAlgebra;

/**
 * Binary classifiers with labels y ∈ {−1, +1}: the interpolating kernel classifier that an infinitely wide
 * network trained to zero loss computes, and the classical rules the paper's taxonomy names. Every method
 * returns predictions in {−1, 0, +1} (0 for an exact tie).
 */
public final class KernelClassifiers {

    private KernelClassifiers() {}

    /**
     * Interpolating kernel regression, then its sign: \( ŷ(x) = \mathrm{sign}(y^T K(X, X)^{−1} K(X, x)) \).
     * The training matrix is solved after scaling by its largest entry, each test column after scaling by its
     * own: neither changes the sign.
     */
    public static double[] interpolating(LogKernelMatrix train, LogKernelMatrix test, double[] y) {
        double[] coef = LinearAlgebra.solveSymmetric(train.scaled(train.maxLog()), y);
        return signsOf(coef, test.columnScaled());
    }

    /**
     * The classifier of the infinitely wide network whose kernel is {@code kernel}, trained to zero loss on
     * ({@code train}, {@code y}): {@link #interpolating} with the kernel's matrices (rows projected onto the sphere).
     */
    public static double[] interpolating(DeepKernel kernel, double[][] train, double[] y, double[][] test) {
        return interpolating(kernel.matrix(train, train), kernel.matrix(train, test), y);
    }

    /** A binary classifier: trained on (train, y), it labels the test points. */
    @FunctionalInterface
    public interface Rule {
        /** The predictions in {−1, 0, +1} for {@code test}. */
        double[] predict(double[][] train, double[] y, double[][] test);
    }

    /** The infinitely wide network with kernel {@code kernel}, trained to zero loss: {@link #interpolating}. */
    public static Rule network(DeepKernel kernel) {
        return (train, y, test) -> interpolating(kernel, train, y, test);
    }

    /**
     * The classical classifier that the infinitely deep network with dual {@code dual} becomes, by its
     * {@linkplain DualActivation#regime() regime}: 1-NN, the singular kernel rule with exponent α
     * ({@link #hilbert}), or majority vote.
     */
    public static Rule limit(DualActivation dual) {
        return switch (dual.regime()) {
            case NEAREST_NEIGHBOUR -> KernelClassifiers::nearestNeighbour;
            case SINGULAR_KERNEL -> (train, y, test) -> hilbert(train, y, test, dual.singularExponent());
            case MAJORITY_VOTE -> (train, y, test) -> majorityVote(y, test.length);
            case UNCLASSIFIED -> throw new IllegalArgumentException(dual.name() + ": no limiting classifier derived");
        };
    }

    /** The name of {@link #limit}'s classifier: "1-NN", "Hilbert α=2", "majority vote". */
    public static String limitName(DualActivation dual) {
        return switch (dual.regime()) {
            case NEAREST_NEIGHBOUR -> "1-NN";
            case SINGULAR_KERNEL -> "Hilbert α=" + org.reprolab.math.SignificantDigits.format(dual.singularExponent());
            case MAJORITY_VOTE -> "majority vote";
            case UNCLASSIFIED -> "none";
        };
    }

    /** The kernel-sum (Nadaraya-Watson numerator) classifier \( \mathrm{sign} \sum_i y_i K(x_i, x) \). */
    public static double[] kernelSum(LogKernelMatrix test, double[] y) {
        return signsOf(y, test.columnScaled());
    }

    /**
     * The Hilbert-kernel (Devroye) classifier \( \mathrm{sign} \sum_i y_i \|x − x_i\|^{−α} \); on the sphere
     * S^d it is consistent for α = d (Devroye, Györfi and Krzyżak 1998). Computed in log space; a test point
     * equal to training points takes their labels' sum.
     */
    public static double[] hilbert(double[][] train, double[] y, double[][] test, double alpha) {
        double[] out = new double[test.length];
        double[] lw = new double[train.length];
        for (int j = 0; j < test.length; j++) {
            if ((j & 63) == 0) {
                Interrupts.check();
            }
            double max = Double.NEGATIVE_INFINITY;
            double exact = 0;
            boolean hit = false;
            for (int i = 0; i < train.length; i++) {
                double d2 = squaredDistance(train[i], test[j]);
                if (d2 == 0) {
                    hit = true;
                    exact += y[i];
                }
                lw[i] = -0.5 * alpha * Math.log(d2);
                max = Math.max(max, lw[i]);
            }
            if (hit) {
                out[j] = Math.signum(exact);
                continue;
            }
            double s = 0;
            for (int i = 0; i < train.length; i++) {
                s += y[i] * Math.exp(lw[i] - max);
            }
            out[j] = Math.signum(s);
        }
        return out;
    }

    /** 1-nearest neighbour in Euclidean distance (the first of equally near points wins). */
    public static double[] nearestNeighbour(double[][] train, double[] y, double[][] test) {
        double[] out = new double[test.length];
        for (int j = 0; j < test.length; j++) {
            if ((j & 63) == 0) {
                Interrupts.check();
            }
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < train.length; i++) {
                double d2 = squaredDistance(train[i], test[j]);
                if (d2 < best) {
                    best = d2;
                    out[j] = y[i];
                }
            }
        }
        return out;
    }

    /** The majority vote: every test point gets the label of the larger training class. */
    public static double[] majorityVote(double[] y, int testSize) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        double[] out = new double[testSize];
        java.util.Arrays.fill(out, Math.signum(s));
        return out;
    }

    /**
     * Out-of-split predictions of several rules on a two-class data set: for every split, the features are
     * standardised on its training part and projected onto the unit sphere, each rule is trained on the training
     * part and labels the test part; the test parts' predictions and labels are concatenated in split order.
     *
     * @param byRule each rule's predictions, by name in the map's order
     * @param labels the test points' ±1 labels
     */
    public record Predictions(Map<String, double[]> byRule, double[] labels) {

        /** Runs {@code rules} on {@code splits}. */
        public static Predictions onSphere(Map<String, Rule> rules, List<LabeledData.Split> splits) {
            Map<String, List<double[]>> parts = new LinkedHashMap<>();
            List<double[]> labels = new ArrayList<>();
            for (LabeledData.Split raw : splits) {
                LabeledData.Split split = raw.standardized();
                double[][] x = DeepKernel.unitRows(split.train());
                double[] y = signedLabels(split.train());
                double[][] test = DeepKernel.unitRows(split.test());
                rules.forEach((name, rule) -> parts.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(rule.predict(x, y, test)));
                labels.add(signedLabels(split.test()));
            }
            Map<String, double[]> byRule = new LinkedHashMap<>();
            parts.forEach((name, p) -> byRule.put(name, concat(p)));
            return new Predictions(byRule, concat(labels));
        }

        /** The accuracy of rule {@code name}. */
        public double accuracy(String name) {
            return KernelClassifiers.accuracy(byRule.get(name), labels);
        }

        private static double[] concat(List<double[]> parts) {
            return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        }
    }

    /** The labels of a two-class {@code d} as ±1: +1 for class 1, −1 for class 0. */
    public static double[] signedLabels(LabeledData d) {
        if (d.classes() != 2) {
            throw new IllegalArgumentException(d.name() + " has " + d.classes() + " classes, not 2");
        }
        double[] y = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            y[i] = d.label(i) == 1 ? 1 : -1;
        }
        return y;
    }

    /** Fraction of positions where two prediction vectors are equal. */
    public static double agreement(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /** Fraction of predictions equal to the labels (a tie, 0, is wrong). */
    public static double accuracy(double[] predictions, double[] y) {
        return agreement(predictions, y);
    }

    private static double[] signsOf(double[] coef, double[][] k) {
        int m = k.length == 0 ? 0 : k[0].length;
        double[] s = new double[m];
        for (int i = 0; i < coef.length; i++) {
            double c = coef[i];
            double[] row = k[i];
            for (int j = 0; j < m; j++) {
                s[j] += c * row[j];
            }
        }
        for (int j = 0; j < m; j++) {
            s[j] = Math.signum(s[j]);
        }
        return s;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
