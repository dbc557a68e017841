package org.reprolab.math;

import java.util.Arrays;

/**
 * Householder QR with column pivoting (Businger–Golub) of an m × n matrix A, stopped at the numerical rank r where
 * every remaining column is below {@code relativeTolerance} times A's largest column: A P ≈ Q R with R r × n.
 * It gives the rank-truncated least-squares solution (the basic solution, zero on the dropped columns) and A's
 * singular values to the truncation's accuracy (those of R, by one-sided Jacobi, which keeps small singular values
 * relatively accurate). Costs O(m n r), so low-rank matrices with many columns are cheap.
 */
public final class PivotedQr {

    private final int n;
    private final int rank;
    /** Column j of the factored matrix (permuted order): R above the diagonal, reflectors below are kept apart. */
    private final double[][] cols;
    private final double[][] reflectors;
    private final double[] betas;
    private final int[] perm;

    private PivotedQr(int n, int rank, double[][] cols, double[][] reflectors, double[] betas, int[] perm) {
        this.n = n;
        this.rank = rank;
        this.cols = cols;
        this.reflectors = reflectors;
        this.betas = betas;
        this.perm = perm;
    }

    /** Factors the matrix given by its {@code columns} (n arrays of length m; not modified). */
    public static PivotedQr ofColumns(double[][] columns, double relativeTolerance) {
        int n = columns.length;
        int m = columns[0].length;
        double[][] c = new double[n][];
        for (int j = 0; j < n; j++) {
            c[j] = columns[j].clone();
        }
        int[] perm = new int[n];
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        double[] norm2 = new double[n];
        double largest = 0;
        for (int j = 0; j < n; j++) {
            norm2[j] = dot(c[j], c[j], 0);
            largest = Math.max(largest, norm2[j]);
        }
        double stop = relativeTolerance * relativeTolerance * largest;
        int steps = Math.min(m, n);
        double[][] refl = new double[steps][];
        double[] betas = new double[steps];
        int k = 0;
        for (; k < steps; k++) {
            int p = k;
            for (int j = k; j < n; j++) {
                norm2[j] = dot(c[j], c[j], k);
                if (norm2[j] > norm2[p]) {
                    p = j;
                }
            }
            if (!(norm2[p] > stop)) {
                break;
            }
            swap(c, k, p);
            swap(norm2, k, p);
            int t = perm[k];
            perm[k] = perm[p];
            perm[p] = t;
            double[] x = c[k];
            double alpha = -Math.copySign(Math.sqrt(norm2[k]), x[k]);
            double[] v = new double[m];
            System.arraycopy(x, k, v, k, m - k);
            v[k] -= alpha;
            double vv = dot(v, v, k);
            double beta = vv == 0 ? 0 : 2 / vv;
            Arrays.fill(x, k + 1, m, 0);
            x[k] = alpha;
            for (int j = k + 1; j < n; j++) {
                applyReflector(v, beta, c[j], k);
            }
            refl[k] = v;
            betas[k] = beta;
        }
        return new PivotedQr(n, k, c, refl, betas, perm);
    }

    /** Factors the m × n matrix {@code a} (rows; not modified). */
    public static PivotedQr of(double[][] a, double relativeTolerance) {
        double[][] columns = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                columns[j][i] = a[i][j];
            }
        }
        return ofColumns(columns, relativeTolerance);
    }

    /** The numerical rank r at the factorisation's tolerance. */
    public int rank() {
        return rank;
    }

    /** The columns of A in pivot order (the permutation P). */
    public int[] permutation() {
        return perm.clone();
    }

    /** The rank-truncated least-squares solution x of A x ≈ y (zero on the columns beyond the rank). */
    public double[] solve(double[] y) {
        double[] z = y.clone();
        for (int k = 0; k < rank; k++) {
            applyReflector(reflectors[k], betas[k], z, k);
        }
        double[] xp = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double s = z[i];
            for (int j = i + 1; j < rank; j++) {
                s -= cols[j][i] * xp[j];
            }
            xp[i] = s / cols[i][i];
        }
        double[] x = new double[n];
        for (int i = 0; i < rank; i++) {
            x[perm[i]] = xp[i];
        }
        return x;
    }

    /** The singular values of R (r × n), A's to the truncation's accuracy, in decreasing order. */
    public double[] singularValues() {
        // One-sided Jacobi on Rᵀ (n × r): its r columns are the rows of R.
        double[][] a = new double[rank][n];
        for (int i = 0; i < rank; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = cols[j][i];
            }
        }
        return jacobiColumnNorms(a);
    }

    /**
     * The singular values of the matrix whose columns are {@code a} (modified: orthogonalised in place), by one-sided
     * (Hestenes) Jacobi rotations until every pair of columns is orthogonal to working precision, decreasing.
     */
    static double[] jacobiColumnNorms(double[][] a) {
        int r = a.length;
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < r - 1; p++) {
                for (int q = p + 1; q < r; q++) {
                    double alpha = dot(a[p], a[p], 0);
                    double beta = dot(a[q], a[q], 0);
                    double gamma = dot(a[p], a[q], 0);
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.copySign(1, zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double cs = 1 / Math.sqrt(1 + t * t);
                    double sn = cs * t;
                    double[] ap = a[p];
                    double[] aq = a[q];
                    for (int i = 0; i < ap.length; i++) {
                        double u = ap[i];
                        double w = aq[i];
                        ap[i] = cs * u - sn * w;
                        aq[i] = sn * u + cs * w;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] s = new double[r];
        for (int i = 0; i < r; i++) {
            s[i] = Math.sqrt(dot(a[i], a[i], 0));
        }
        Arrays.sort(s);
        for (int i = 0; i < r / 2; i++) {
            double t = s[i];
            s[i] = s[r - 1 - i];
            s[r - 1 - i] = t;
        }
        return s;
    }

    /** The ε-rank: how many singular values (decreasing) exceed ε times the largest. */
    public static int epsilonRank(double[] singularValues, double eps) {
        int count = 0;
        for (double s : singularValues) {
            if (s > eps * singularValues[0]) {
                count++;
            }
        }
        return count;
    }

    private static void applyReflector(double[] v, double beta, double[] x, int from) {
        double s = beta * dot(v, x, from);
        if (s != 0) {
            for (int i = from; i < x.length; i++) {
                x[i] -= s * v[i];
            }
        }
    }

    private static double dot(double[] a, double[] b, int from) {
        double s = 0;
        for (int i = from; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void swap(double[][] a, int i, int j) {
        double[] t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
