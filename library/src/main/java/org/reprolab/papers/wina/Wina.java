package org.reprolab.papers.wina;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.reprolab.math.Orthogonalization;
import org.reprolab.sparsity.InputSparsifier;
import org.reprolab.sparsity.TopK;

/**
 * WINA's selection rule (Chen et al. 2025): for a linear map y = W x, keep the k inputs with the largest
 * |x_j| · ‖W_{:,j}‖₂ and zero the rest, y ≈ W (m ⊙ x) (Eq. 1, numbering ours). TEAL keeps the largest |x_j|
 * ({@link InputSparsifier#magnitude}). If W's columns are orthogonal, ‖W x − W (m ⊙ x)‖² = Σ_{dropped j} x_j² c_j²
 * with c_j = ‖W_{:,j}‖, so WINA's top-k is the best of all masks of size k (the paper's Theorem, numbering ours);
 * the double-array methods below test that against brute force.
 */
public final class Wina {

    private Wina() {}

    /** The column norms c_j = ‖W_{:,j}‖₂ of W (out, in), shape (in). */
    public static NDArray columnNorms(NDArray weight) {
        return weight.square().sum(new int[] {0}).sqrt();
    }

    /** WINA's sparsifier: keeps each row's top 1 − sparsity fraction of inputs by |x_j| · ‖W_{:,j}‖. */
    public static InputSparsifier sparsifier(double sparsity) {
        return InputSparsifier.scored(sparsity, (x, w) -> x.abs().mul(columnNorms(w)));
    }

    /** WINA's scores |x_j| · ‖W_{:,j}‖ for W given as rows (m × n). */
    public static double[] scores(double[][] w, double[] x) {
        double[] s = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double c = 0;
            for (double[] row : w) {
                c += row[j] * row[j];
            }
            s[j] = Math.abs(x[j]) * Math.sqrt(c);
        }
        return s;
    }

    /** The squared output error ‖W x − W (m ⊙ x)‖² = ‖W ((1 − m) ⊙ x)‖² of keeping the inputs where m is true. */
    public static double error(double[][] w, double[] x, boolean[] keep) {
        double sum = 0;
        for (double[] row : w) {
            double r = 0;
            for (int j = 0; j < x.length; j++) {
                r += keep[j] ? 0 : row[j] * x[j];
            }
            sum += r * r;
        }
        return sum;
    }

    /** WINA's mask of size k. */
    public static boolean[] winaMask(double[][] w, double[] x, int k) {
        return TopK.mask(scores(w, x), k);
    }

    /** TEAL's mask of size k (largest |x_j|). */
    public static boolean[] tealMask(double[] x, int k) {
        double[] a = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            a[j] = Math.abs(x[j]);
        }
        return TopK.mask(a, k);
    }

    /** The smallest {@link #error} over all C(n, k) masks of size k, by enumeration (small n only). */
    public static double bruteForceMinimum(double[][] w, double[] x, int k) {
        int n = x.length;
        if (n > 24) {
            throw new IllegalArgumentException("brute force over 2^" + n + " subsets is too large");
        }
        double best = Double.POSITIVE_INFINITY;
        boolean[] keep = new boolean[n];
        for (int bits = 0; bits < 1 << n; bits++) {
            if (Integer.bitCount(bits) != k) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                keep[j] = (bits >> j & 1) == 1;
            }
            best = Math.min(best, error(w, x, keep));
        }
        return best;
    }

    /**
     * A random m × n matrix (rows) with orthogonal columns of random norms: Gaussian columns made orthonormal,
     * column j then scaled by c_j drawn uniformly from [minNorm, maxNorm].
     */
    public static double[][] orthogonalColumns(int m, int n, double minNorm, double maxNorm, SplittableRandom rng) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] q = Orthogonalization.orthonormalColumns(a);
        for (int j = 0; j < n; j++) {
            double c = minNorm + (maxNorm - minNorm) * rng.nextDouble();
            for (double[] row : q) {
                row[j] *= c;
            }
        }
        return q;
    }
}
