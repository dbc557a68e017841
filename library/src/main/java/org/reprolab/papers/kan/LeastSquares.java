package org.reprolab.papers.kan;

/**
 * Linear least squares in double precision for the coefficient fits of grid update and grid extension:
 * min_c ‖A c − y‖² through the normal equations (AᵀA + λI) c = Aᵀy, solved by Cholesky, with a ridge λ of
 * 1e-12 of AᵀA's mean diagonal (it only matters when a basis function has no sample in its support, and then
 * sets its coefficient to zero instead of failing).
 */
public final class LeastSquares {

    /** Ridge relative to the mean diagonal of AᵀA. */
    public static final double RELATIVE_RIDGE = 1e-12;

    private LeastSquares() {}

    /**
     * Coefficients {@code (rows of y, columns of design)}: for each target row {@code y[j]} (one value per
     * design row), the least-squares solution.
     */
    public static double[][] solve(double[][] design, double[][] y) {
        int n = design.length;
        int p = design[0].length;
        double[][] ata = new double[p][p];
        double[][] aty = new double[y.length][p];
        for (int r = 0; r < n; r++) {
            double[] a = design[r];
            for (int i = 0; i < p; i++) {
                double ai = a[i];
                if (ai == 0) {
                    continue;
                }
                for (int j = i; j < p; j++) {
                    ata[i][j] += ai * a[j];
                }
                for (int t = 0; t < y.length; t++) {
                    aty[t][i] += ai * y[t][r];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < p; i++) {
            trace += ata[i][i];
            for (int j = 0; j < i; j++) {
                ata[i][j] = ata[j][i];
            }
        }
        double ridge = RELATIVE_RIDGE * Math.max(trace / p, Double.MIN_NORMAL);
        for (int i = 0; i < p; i++) {
            ata[i][i] += ridge;
        }
        double[][] l = cholesky(ata);
        double[][] out = new double[y.length][];
        for (int t = 0; t < y.length; t++) {
            out[t] = cholSolve(l, aty[t]);
        }
        return out;
    }

    /** The lower-triangular L with L Lᵀ = a (a symmetric positive definite). */
    static double[][] cholesky(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int q = 0; q < j; q++) {
                    s -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("normal equations not positive definite at " + i);
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] cholSolve(double[][] l, double[] b) {
        int p = b.length;
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int q = 0; q < i; q++) {
                s -= l[i][q] * z[q];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int q = i + 1; q < p; q++) {
                s -= l[q][i] * x[q];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
