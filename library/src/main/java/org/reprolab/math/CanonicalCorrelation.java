package org.reprolab.math;

/**
 * Canonical correlation analysis (CCA) between two sets of variables observed on the same samples, optionally after
 * reducing each set to its top principal components (the "PCA then CCA" similarity of population dynamics).
 *
 * <p>Each data matrix has one row per sample and one column per variable. The canonical correlations are the
 * cosines of the principal angles between the column spans of the two centred matrices, descending in [0, 1]; they
 * are unchanged by any invertible linear map of either set's variables.
 */
public final class CanonicalCorrelation {

    private CanonicalCorrelation() {}

    /** The canonical correlations between the columns of {@code x} and {@code y} (rows = samples), descending. */
    public static double[] of(double[][] x, double[][] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y need the same samples: " + x.length + " vs " + y.length);
        }
        double[][] qx = LinearAlgebra.transpose(Orthogonalization.orthonormalColumns(centred(x)));
        double[][] qy = LinearAlgebra.transpose(Orthogonalization.orthonormalColumns(centred(y)));
        double[][] m = LinearAlgebra.multiply(qx, LinearAlgebra.transpose(qy));
        double[][] small = m.length <= m[0].length ? LinearAlgebra.multiply(m, LinearAlgebra.transpose(m))
                : LinearAlgebra.multiply(LinearAlgebra.transpose(m), m);
        double[] ev = LinearAlgebra.symmetricEigenvalues(small);
        double[] cos = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            cos[i] = Math.sqrt(Math.max(0, Math.min(1, ev[ev.length - 1 - i])));
        }
        return cos;
    }

    /**
     * The mean of the canonical correlations between the top {@code k} principal-component scores of {@code x} and
     * of {@code y}: 1 when the two populations span the same k-dimensional dynamics up to a linear map.
     */
    public static double meanOfTopComponents(double[][] x, double[][] y, int k) {
        return Stats.mean(of(principalScores(x, k), principalScores(y, k)));
    }

    /** The scores of the centred rows of {@code x} on its top {@code k} principal components (samples × k). */
    public static double[][] principalScores(double[][] x, int k) {
        double[][] c = centred(x);
        SymmetricEigen eig = SymmetricEigen.of(SymmetricEigen.covariance(c));
        double[][] scores = new double[c.length][k];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < k; j++) {
                double[] v = eig.vectors()[j];
                double s = 0;
                for (int d = 0; d < v.length; d++) {
                    s += c[i][d] * v[d];
                }
                scores[i][j] = s;
            }
        }
        return scores;
    }

    /** {@code x} with each column's mean removed. */
    public static double[][] centred(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = x[i][j] - mean[j];
            }
        }
        return out;
    }
}
