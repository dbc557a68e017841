package org.reprolab.math;

import java.util.Arrays;
import org.reprolab.engine.Interrupts;

/**
 * Dense linear algebra in double precision on {@code double[][]} (rows), for the small systems of kernel
 * regression, kernel classifiers and spline fits: Cholesky and LU solves, least squares, inverse, and the
 * eigenvalues of a symmetric matrix. Long loops check for an interrupt, so a notebook's stop button ends them.
 */
public final class LinearAlgebra {

    private LinearAlgebra() {}

    /** Solves A·x = b by LU with partial pivoting. A is not modified. */
    public static double[] solve(double[][] a, double[] b) {
        int n = square(a);
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            if ((c & 31) == 0) {
                Interrupts.check();
            }
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            if (m[p][c] == 0) {
                throw new ArithmeticException("singular matrix (column " + c + ")");
            }
            double[] t = m[p];
            m[p] = m[c];
            m[c] = t;
            double tb = x[p];
            x[p] = x[c];
            x[c] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                if (f != 0) {
                    for (int k = c; k < n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                    x[r] -= f * x[c];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /**
     * Solves A·x = b for a symmetric A by Cholesky, falling back to LU when A is not numerically positive
     * definite. A is not modified.
     */
    public static double[] solveSymmetric(double[][] a, double[] b) {
        double[][] l = cholesky(a);
        return l == null ? solve(a, b) : choleskySolve(l, b);
    }

    /**
     * The lower-triangular factor L (row i holds its first i + 1 entries) with L·Lᵀ = A, for a symmetric A; null
     * when A is not numerically positive definite.
     */
    public static double[][] cholesky(double[][] a) {
        int n = square(a);
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            if ((i & 31) == 0) {
                Interrupts.check();
            }
            double[] li = new double[i + 1];
            double[] ai = a[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = j == i ? li : l[j];
                double s = ai[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (j == i) {
                    if (!(s > 0)) {
                        return null;
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
            l[i] = li;
        }
        return l;
    }

    /** Solves L·Lᵀ·x = b given the factor of {@link #cholesky}. */
    public static double[] choleskySolve(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /**
     * Least squares for several targets at once: for each row {@code y[t]} (one value per design row), the
     * coefficients c minimising ‖A·c − y[t]‖², through the normal equations (AᵀA + λI)·c = Aᵀy by Cholesky. The
     * ridge λ is {@code relativeRidge} times AᵀA's mean diagonal: with a tiny value it only matters when a
     * column is all zeros, and then sets that coefficient to zero instead of failing.
     */
    public static double[][] leastSquares(double[][] design, double[][] y, double relativeRidge) {
        int n = design.length;
        int p = design[0].length;
        double[][] ata = new double[p][p];
        double[][] aty = new double[y.length][p];
        for (int r = 0; r < n; r++) {
            if ((r & 255) == 0) {
                Interrupts.check();
            }
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
        double ridge = relativeRidge * Math.max(trace / p, Double.MIN_NORMAL);
        for (int i = 0; i < p; i++) {
            ata[i][i] += ridge;
        }
        double[][] l = cholesky(ata);
        if (l == null) {
            throw new ArithmeticException("normal equations not positive definite; raise the ridge");
        }
        double[][] out = new double[y.length][];
        for (int t = 0; t < y.length; t++) {
            out[t] = choleskySolve(l, aty[t]);
        }
        return out;
    }

    /** A⁻¹, column by column (LU). */
    public static double[][] inverse(double[][] a) {
        int n = square(a);
        double[][] inv = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            double[] col = solve(a, e);
            for (int r = 0; r < n; r++) {
                inv[r][c] = col[r];
            }
        }
        return inv;
    }

    /** Eigenvalues of a symmetric matrix (cyclic Jacobi rotations, {@link SymmetricEigen}), ascending. */
    public static double[] symmetricEigenvalues(double[][] a) {
        double[] ev = SymmetricEigen.of(a).values().clone();
        Arrays.sort(ev);
        return ev;
    }

    /** The product A·B. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double ail = a[i][l];
                if (ail != 0) {
                    for (int j = 0; j < m; j++) {
                        c[i][j] += ail * b[l][j];
                    }
                }
            }
        }
        return c;
    }

    /** The transpose Aᵀ. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** The product A·x. */
    public static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** The element-wise sum A + B. */
    public static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    /** s·A. */
    public static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = s * a[i][j];
            }
        }
        return c;
    }

    /** The Frobenius norm ‖A‖_F = √(Σ a_ij²). */
    public static double frobeniusNorm(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** The element-wise difference A − B. */
    public static double[][] subtract(double[][] a, double[][] b) {
        return add(a, scale(b, -1));
    }

    /** max |a_ij − b_ij| / |b_ij|: how far A is from B, relatively, at its worst entry. */
    public static double maxRelativeDeviation(double[][] a, double[][] b) {
        double dev = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                dev = Math.max(dev, Math.abs(a[i][j] - b[i][j]) / Math.abs(b[i][j]));
            }
        }
        return dev;
    }

    /** The symmetric part (A + Aᵀ)/2 of a square matrix. */
    public static double[][] symmetricPart(double[][] a) {
        int n = square(a);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return s;
    }

    /** The n×n identity. */
    public static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    /** The size of a square matrix; a one-line error otherwise. */
    public static int requireSquare(double[][] a) {
        return square(a);
    }

    private static int square(double[][] a) {
        int n = a.length;
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix must be square, got " + n + " rows of " + row.length);
            }
        }
        return n;
    }
}
