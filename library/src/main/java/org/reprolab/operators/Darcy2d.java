package org.reprolab.operators;

import org.reprolab.engine.Interrupts;

/**
 * The 2-D Darcy problem −∇·(a∇u) = f on (0, 1)² with u = 0 on the boundary, discretised by the five-point
 * finite-volume stencil on n × n interior nodes (h = 1/(n + 1)), with the coefficient between two nodes the
 * harmonic mean of theirs (boundary faces take the interior node's value):
 * Σ_{faces} a_face (u_P − u_N) / h² = f_P. The symmetric positive definite system is solved exactly by a banded
 * Cholesky factorisation (bandwidth n, O(n⁴) per solve: about a million operations at n = 31).
 */
public final class Darcy2d {

    private Darcy2d() {}

    /**
     * The discrete solution u[i][j] (row i = y index, column j = x index) for coefficient a[i][j] > 0 and source
     * f[i][j] on the n × n interior nodes.
     */
    public static double[][] solve(double[][] a, double[][] f) {
        int n = a.length;
        int size = n * n;
        double inv = (n + 1.0) * (n + 1.0);
        // Band storage: band[r][k] = A[r][r - k], k = 0..n (lower band).
        double[][] band = new double[size][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int r = i * n + j;
                double diag = 0;
                double[] faces = {
                    j > 0 ? harmonic(a[i][j], a[i][j - 1]) : a[i][j],
                    j < n - 1 ? harmonic(a[i][j], a[i][j + 1]) : a[i][j],
                    i > 0 ? harmonic(a[i][j], a[i - 1][j]) : a[i][j],
                    i < n - 1 ? harmonic(a[i][j], a[i + 1][j]) : a[i][j]};
                for (double w : faces) {
                    diag += w * inv;
                }
                band[r][0] = diag;
                if (j > 0) {
                    band[r][1] = -faces[0] * inv;
                }
                if (i > 0) {
                    band[r][n] = -faces[2] * inv;
                }
            }
        }
        double[] rhs = new double[size];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rhs[i * n + j] = f[i][j];
            }
        }
        double[] x = BandedCholesky.solve(band, rhs);
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * n, u[i], 0, n);
        }
        return u;
    }

    /** The residual max |Σ a_face (u_P − u_N)/h² − f_P| of u (a check of any solver, including this one). */
    public static double residual(double[][] a, double[][] f, double[][] u) {
        int n = a.length;
        double inv = (n + 1.0) * (n + 1.0);
        double worst = 0;
        int[][] nb = {{0, -1}, {0, 1}, {-1, 0}, {1, 0}};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int[] d : nb) {
                    int ii = i + d[0];
                    int jj = j + d[1];
                    boolean inside = ii >= 0 && ii < n && jj >= 0 && jj < n;
                    double w = inside ? harmonic(a[i][j], a[ii][jj]) : a[i][j];
                    s += w * inv * (u[i][j] - (inside ? u[ii][jj] : 0));
                }
                worst = Math.max(worst, Math.abs(s - f[i][j]));
            }
        }
        return worst;
    }

    private static double harmonic(double p, double q) {
        return 2 * p * q / (p + q);
    }

    /** Cholesky factorisation and solve of a symmetric positive definite band matrix (lower band storage). */
    static final class BandedCholesky {

        private BandedCholesky() {}

        /** Solves A x = b with band[r][k] = A[r][r − k] for k = 0..w; the band is overwritten by L. */
        static double[] solve(double[][] band, double[] b) {
            int size = band.length;
            int w = band[0].length - 1;
            for (int r = 0; r < size; r++) {
                if ((r & 255) == 0) {
                    Interrupts.check();
                }
                for (int k = w; k >= 1; k--) {
                    int c = r - k;
                    if (c < 0) {
                        continue;
                    }
                    double s = band[r][k];
                    // L[r][c] = (A[r][c] − Σ_{m<c} L[r][m] L[c][m]) / L[c][c]
                    for (int m = Math.max(0, r - w); m < c; m++) {
                        if (c - m <= w) {
                            s -= band[r][r - m] * band[c][c - m];
                        }
                    }
                    band[r][k] = s / band[c][0];
                }
                double d = band[r][0];
                for (int k = 1; k <= w && r - k >= 0; k++) {
                    d -= band[r][k] * band[r][k];
                }
                if (d <= 0) {
                    throw new ArithmeticException("matrix not positive definite at row " + r);
                }
                band[r][0] = Math.sqrt(d);
            }
            double[] y = b.clone();
            for (int r = 0; r < size; r++) {
                double s = y[r];
                for (int k = 1; k <= w && r - k >= 0; k++) {
                    s -= band[r][k] * y[r - k];
                }
                y[r] = s / band[r][0];
            }
            for (int r = size - 1; r >= 0; r--) {
                double s = y[r];
                for (int k = 1; k <= w && r + k < size; k++) {
                    s -= band[r + k][k] * y[r + k];
                }
                y[r] = s / band[r][0];
            }
            return y;
        }
    }
}
