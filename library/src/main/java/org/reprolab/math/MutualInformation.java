package org.reprolab.math;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.reprolab.engine.Interrupts;

/**
 * Entropy and mutual information in bits: plug-in estimates of discrete variables, binning of continuous vectors
 * (fixed-width bins, or adaptive equal-mass bins whose edges are quantiles), and the Gaussian-kernel (KDE)
 * mixture estimate of a noisy representation. Rows of a matrix are samples; a matrix is a row-major
 * {@code double[]} with {@code cols} columns.
 *
 * <p>Discrete: {@code H(A) = −Σ p(a) log2 p(a)}, {@code I(A;B) = H(A) + H(B) − H(A,B)}. Binned: each row is mapped to
 * the vector of its bin indices and that vector is one symbol. KDE: a deterministic representation {@code T} plus
 * Gaussian noise of standard deviation σ is a mixture of N Gaussians; its information about the (uniformly drawn)
 * input is {@code I(T;X) = −(1/N) Σ_i log2 ((1/N) Σ_j exp(−‖t_i − t_j‖² / 2σ²))} (the pairwise-distance estimate of
 * the mixture's entropy with KL distances, minus the noise's: an upper bound, Kolchinsky and Tracey 2017; twice the
 * σ gives their Bhattacharyya lower bound), at most {@code log2 N}; with labels {@code y},
 * {@code I(T;Y) = I(T;X) − Σ_y p(y) I(T;X | Y = y)}.
 */
public final class MutualInformation {

    private static final double LN2 = Math.log(2);

    private MutualInformation() {}

    /** The closed form of two jointly Gaussian variables with correlation ρ: {@code −½ log2(1 − ρ²)} bits. */
    public static double gaussianBits(double rho) {
        return -0.5 * Math.log(1 - rho * rho) / LN2;
    }

    /** Plug-in entropy in bits of integer symbols. */
    public static double entropyBits(int[] symbols) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int s : symbols) {
            counts.merge(s, 1, Integer::sum);
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / symbols.length;
            h -= p * Math.log(p);
        }
        return h / LN2;
    }

    /** Plug-in mutual information in bits of two symbol sequences of equal length. */
    public static double bits(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        int[] joint = new int[a.length];
        Map<Long, Integer> ids = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            joint[i] = ids.computeIfAbsent(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), k -> ids.size());
        }
        return Math.max(0, entropyBits(a) + entropyBits(b) - entropyBits(joint));
    }

    /**
     * Equal-mass bin edges: the {@code bins − 1} interior quantiles of all values pooled (ties may merge bins, as
     * they do for ReLU's zeros).
     */
    public static double[] quantileEdges(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be ≥ 1");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] edges = new double[bins - 1];
        for (int k = 1; k < bins; k++) {
            edges[k - 1] = sorted[(int) Math.min(sorted.length - 1, (long) k * sorted.length / bins)];
        }
        return edges;
    }

    /** Evenly spaced interior edges of {@code bins} bins over [lo, hi]. */
    public static double[] uniformEdges(double lo, double hi, int bins) {
        double[] edges = new double[bins - 1];
        for (int k = 1; k < bins; k++) {
            edges[k - 1] = lo + (hi - lo) * k / bins;
        }
        return edges;
    }

    /** The bin of {@code v}: the number of edges at most {@code v} (values equal to an edge go above it). */
    public static int bin(double v, double[] edges) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Each row's vector of bin indices, as one symbol per row (equal vectors, equal symbols). */
    public static int[] binCodes(double[] matrix, int cols, double[] edges) {
        int rows = matrix.length / cols;
        int[] codes = new int[rows];
        Map<Key, Integer> ids = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            int[] v = new int[cols];
            for (int j = 0; j < cols; j++) {
                v[j] = bin(matrix[i * cols + j], edges);
            }
            codes[i] = ids.computeIfAbsent(new Key(v), k -> ids.size());
        }
        return codes;
    }

    /** Adaptive (entropy-based) binning: equal-mass bins pooled over all columns and rows, then {@link #binCodes}. */
    public static int[] adaptiveBinCodes(double[] matrix, int cols, int bins) {
        return binCodes(matrix, cols, quantileEdges(matrix, bins));
    }

    /** Fixed binning: {@code bins} equal-width bins over [lo, hi], then {@link #binCodes}. */
    public static int[] fixedBinCodes(double[] matrix, int cols, int bins, double lo, double hi) {
        return binCodes(matrix, cols, uniformEdges(lo, hi, bins));
    }

    /** Mutual information in bits of two continuous variables, each binned into {@code bins} equal-mass bins. */
    public static double adaptiveBinnedBits(double[] a, double[] b, int bins) {
        return bits(adaptiveBinCodes(a, 1, bins), adaptiveBinCodes(b, 1, bins));
    }

    /**
     * KDE estimate of {@code I(T;X)} in bits for the rows of {@code matrix} (each row one equally likely input)
     * with Gaussian noise of standard deviation {@code sigma}: at most {@code log2 rows}.
     */
    public static double kdeBits(double[] matrix, int cols, double sigma) {
        int[] none = new int[matrix.length / cols];
        return kdeBits(matrix, cols, none, sigma)[0];
    }

    /**
     * KDE estimates {@code {I(T;X), I(T;Y)}} in bits for the rows of {@code matrix} with labels {@code labels}
     * and noise standard deviation {@code sigma} (one pass over the pairs).
     */
    public static double[] kdeBits(double[] matrix, int cols, int[] labels, double sigma) {
        int n = matrix.length / cols;
        if (labels.length != n) {
            throw new IllegalArgumentException("one label per row");
        }
        double[] all = new double[n];
        double[] same = new double[n];
        double scale = -1 / (2 * sigma * sigma);
        for (int i = 0; i < n; i++) {
            if ((i & 63) == 0) {
                Interrupts.check();
            }
            all[i] += 1;
            same[i] += 1;
            for (int j = i + 1; j < n; j++) {
                double d2 = 0;
                for (int c = 0; c < cols; c++) {
                    double d = matrix[i * cols + c] - matrix[j * cols + c];
                    d2 += d * d;
                }
                double k = Math.exp(scale * d2);
                all[i] += k;
                all[j] += k;
                if (labels[i] == labels[j]) {
                    same[i] += k;
                    same[j] += k;
                }
            }
        }
        Map<Integer, Integer> classSize = new HashMap<>();
        for (int y : labels) {
            classSize.merge(y, 1, Integer::sum);
        }
        double ix = 0;
        double conditional = 0;
        for (int i = 0; i < n; i++) {
            ix -= Math.log(all[i] / n);
            conditional -= Math.log(same[i] / classSize.get(labels[i]));
        }
        ix /= n * LN2;
        conditional /= n * LN2; // Σ_y p(y) I(T;X | Y = y): each row weighs 1/n = p(y)/n_y
        return new double[] {ix, ix - conditional};
    }

    private record Key(int[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(v, k.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
