package org.reprolab.math;

import java.util.Arrays;
import java.util.Comparator;
import org.reprolab.engine.Interrupts;

/**
 * Eigenvalues and orthonormal eigenvectors of a symmetric matrix by cyclic Jacobi rotations, in double precision,
 * sorted by decreasing eigenvalue: A = V·diag(λ)·Vᵀ. For the small covariance matrices of principal components
 * and whitening (tens to a few hundred dimensions), and what it gives for subspaces: principal
 * angles between two subspaces and the second moment a subspace captures.
 *
 * <pre>{@code
 * SymmetricEigen pca = SymmetricEigen.of(SymmetricEigen.covariance(x));  // values descending, vectors as rows
 * double[] cos = SymmetricEigen.principalCosines(basis, pca.top(k));     // cosines of the principal angles
 * }</pre>
 *
 * @param values eigenvalues, largest first
 * @param vectors {@code vectors[i]} is the unit eigenvector of {@code values[i]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    /**
     * The decomposition of the symmetric matrix {@code a} (not modified): sweeps of rotations until the squared
     * off-diagonal mass is below 1e-30 (at most 100 sweeps).
     */
    public static SymmetricEigen of(double[][] a) {
        int n = LinearAlgebra.requireSquare(a);
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[][] v = LinearAlgebra.identity(n);
        for (int sweep = 0; sweep < 100; sweep++) {
            Interrupts.check();
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(m[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] mm = m;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -mm[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            values[r] = m[order[r]][order[r]];
            for (int k = 0; k < n; k++) {
                vectors[r][k] = v[k][order[r]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The covariance of the rows of {@code x} (samples × dimensions) about the column means, divided by n − 1. */
    public static double[][] covariance(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] c = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - mean[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= n - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /**
     * The symmetric matrix V·diag(f(λ))·Vᵀ, e.g. the ZCA whitening matrix with f(λ) = 1/√(λ + ε).
     */
    public double[][] apply(java.util.function.DoubleUnaryOperator f) {
        int n = values.length;
        double[][] out = new double[n][n];
        for (int r = 0; r < n; r++) {
            double fr = f.applyAsDouble(values[r]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += fr * vectors[r][i] * vectors[r][j];
                }
            }
        }
        return out;
    }

    /** The first k eigenvectors (rows): an orthonormal basis of the top-k eigenspace. */
    public double[][] top(int k) {
        return Arrays.copyOf(vectors, k);
    }

    /** The sum of the k largest eigenvalues. */
    public double topSum(int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += values[i];
        }
        return s;
    }

    /**
     * The cosines of the principal angles between the spans of two orthonormal row bases of equal size, descending
     * (1 = a shared direction, 0 = orthogonal): the singular values of A Bᵀ.
     */
    public static double[] principalCosines(double[][] a, double[][] b) {
        double[][] m = LinearAlgebra.multiply(a, LinearAlgebra.transpose(b));
        double[] ev = LinearAlgebra.symmetricEigenvalues(LinearAlgebra.multiply(m, LinearAlgebra.transpose(m)));
        double[] cos = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            cos[i] = Math.sqrt(Math.max(0, Math.min(1, ev[ev.length - 1 - i])));
        }
        return cos;
    }

    /** trace(Q C Qᵀ) for rows Q: the second moment of C captured by the span of the orthonormal rows of Q. */
    public static double captured(double[][] q, double[][] c) {
        double s = 0;
        for (double[] row : q) {
            s += dot(row, LinearAlgebra.multiply(c, row));
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
