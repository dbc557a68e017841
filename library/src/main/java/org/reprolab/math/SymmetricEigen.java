package org.reprolab.math;

import java.util.Arrays;
import java.util.Comparator;
import org.reprolab.engine.Interrupts;

/**
 * The eigendecomposition of a symmetric matrix by cyclic Jacobi rotations, eigenvectors included, and what it gives
 * for subspaces: orthonormal bases, principal angles between two subspaces and the variance a subspace captures.
 *
 * <pre>{@code
 * SymmetricEigen.Decomposition d = SymmetricEigen.decompose(covariance);   // values descending, vectors as rows
 * double[] cos = SymmetricEigen.principalCosines(basisA, d.top(k));         // cosines of the principal angles
 * }</pre>
 */
public final class SymmetricEigen {

    private SymmetricEigen() {}

    /**
     * Eigenvalues in descending order and their unit eigenvectors, {@code vectors[i]} for {@code values[i]}.
     *
     * @param values eigenvalues, descending
     * @param vectors eigenvectors as rows
     */
    public record Decomposition(double[] values, double[][] vectors) {

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
    }

    /** The eigendecomposition of the symmetric matrix {@code a} (cyclic Jacobi, to machine precision). */
    public static Decomposition decompose(double[][] a) {
        int n = LinearAlgebra.requireSquare(a);
        double[][] m = new double[n][];
        double[][] v = LinearAlgebra.identity(n);                    // columns accumulate the rotations
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            Interrupts.check();
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += m[i][i] * m[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
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
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> m[i][i]).reversed());
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            values[r] = m[order[r]][order[r]];
            for (int k = 0; k < n; k++) {
                vectors[r][k] = v[k][order[r]];
            }
        }
        return new Decomposition(values, vectors);
    }

    /** An orthonormal basis (rows) of the span of the rows of {@code a}, by modified Gram-Schmidt (full row rank). */
    public static double[][] orthonormalRows(double[][] a) {
        double[][] q = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] r = a[i].clone();
            for (int j = 0; j < i; j++) {
                double d = dot(r, q[j]);
                for (int k = 0; k < r.length; k++) {
                    r[k] -= d * q[j][k];
                }
            }
            double norm = Math.sqrt(dot(r, r));
            if (!(norm > 0)) {
                throw new IllegalArgumentException("rows are linearly dependent at row " + i);
            }
            for (int k = 0; k < r.length; k++) {
                r[k] /= norm;
            }
            q[i] = r;
        }
        return q;
    }

    /**
     * The cosines of the principal angles between the spans of two orthonormal row bases of equal size, descending
     * (1 = a shared direction, 0 = orthogonal): the singular values of A Bᵀ.
     */
    public static double[] principalCosines(double[][] a, double[][] b) {
        double[][] m = LinearAlgebra.multiply(a, transpose(b));
        double[] ev = LinearAlgebra.symmetricEigenvalues(LinearAlgebra.multiply(m, transpose(m)));
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

    /** Aᵀ. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
