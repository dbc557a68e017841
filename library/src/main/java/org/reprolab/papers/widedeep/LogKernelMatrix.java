package org.reprolab.papers.widedeep;

/**
 * A kernel matrix stored entrywise as sign and ln|K|, from {@link DeepKernel#matrix}. Classifiers only need
 * it up to a positive factor per test column, so {@link #columnScaled()} and {@link #scaled(double)} turn it
 * into doubles without overflow (entries more than e^{−745} below the scale become 0, which cannot change a
 * sign).
 *
 * @param log ln|K_ij| (−∞ for 0), rows × cols
 * @param sign sign of K_ij, rows × cols
 */
public record LogKernelMatrix(double[][] log, byte[][] sign) {

    /** Number of rows (training points, for a train-test matrix). */
    public int rows() {
        return log.length;
    }

    /** Number of columns. */
    public int cols() {
        return log.length == 0 ? 0 : log[0].length;
    }

    /** Entry (i, j). */
    public SignedLog get(int i, int j) {
        return new SignedLog(sign[i][j], log[i][j]);
    }

    /** The largest ln|K_ij|. */
    public double maxLog() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : log) {
            for (double v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** K·e^{−offset} as doubles. */
    public double[][] scaled(double offset) {
        double[][] out = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                out[i][j] = sign[i][j] * Math.exp(log[i][j] - offset);
            }
        }
        return out;
    }

    /** Each column divided by its largest |entry| (a zero column stays zero). */
    public double[][] columnScaled() {
        int n = rows();
        int m = cols();
        double[] max = new double[m];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                max[j] = Math.max(max[j], log[i][j]);
            }
        }
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = max[j] == Double.NEGATIVE_INFINITY ? 0 : sign[i][j] * Math.exp(log[i][j] - max[j]);
            }
        }
        return out;
    }

    /**
     * The median over distinct pairs i &lt; j of \(K_{ij} / K_{ii}\) of a square (training) matrix: how far the
     * off-diagonal entries have flattened towards a constant fraction of the diagonal.
     */
    public double medianOffDiagonalRatio() {
        int n = rows();
        if (n != cols() || n < 2) {
            throw new IllegalArgumentException("need a square matrix of at least 2 points, got " + n + " × " + cols());
        }
        double[] ratios = new double[n * (n - 1) / 2];
        int r = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                ratios[r++] = sign[a][b] * Math.exp(log[a][b] - log[a][a]);
            }
        }
        return org.reprolab.math.Stats.median(ratios);
    }
}
