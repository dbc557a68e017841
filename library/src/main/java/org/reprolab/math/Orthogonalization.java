package org.reprolab.math;

/** Orthonormal bases by modified Gram–Schmidt. */
public final class Orthogonalization {

    private Orthogonalization() {}

    /**
     * The columns of {@code a} (m × n, m ≥ n, full column rank) made orthonormal by modified Gram–Schmidt, in
     * order: the Q of a = QR.
     */
    public static double[][] orthonormalColumns(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        if (n > m) {
            throw new IllegalArgumentException("need m ≥ n for orthonormal columns, got " + m + " × " + n);
        }
        double[][] q = new double[m][];
        for (int i = 0; i < m; i++) {
            q[i] = a[i].clone();
        }
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += q[i][p] * q[i][j];
                }
                for (int i = 0; i < m; i++) {
                    q[i][j] -= dot * q[i][p];
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += q[i][j] * q[i][j];
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-12) {
                throw new IllegalArgumentException("columns are linearly dependent at column " + j);
            }
            for (int i = 0; i < m; i++) {
                q[i][j] /= norm;
            }
        }
        return q;
    }
}
