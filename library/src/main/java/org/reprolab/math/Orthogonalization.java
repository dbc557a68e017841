package org.reprolab.math;

/** Orthonormal bases by modified Gram–Schmidt. */
public final class Orthogonalization {

    private Orthogonalization() {}

    /**
     * The columns of {@code a} (m × n, m ≥ n, full column rank) made orthonormal by modified Gram–Schmidt, in
     * order: the Q of a = QR.
     */
    public static double[][] orthonormalColumns(double[][] a) {
        if (a[0].length > a.length) {
            throw new IllegalArgumentException("need m ≥ n for orthonormal columns, got " + a.length + " × "
                    + a[0].length);
        }
        return LinearAlgebra.transpose(orthonormalRows(LinearAlgebra.transpose(a)));
    }

    /**
     * An orthonormal basis (rows) of the span of the rows of {@code a} (full row rank) by modified Gram–Schmidt,
     * in order.
     */
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
            // Absolute, as the inputs here are of order one; catches rank deficiency, not ill-conditioning.
            if (norm < 1e-12) {
                throw new IllegalArgumentException("linearly dependent at vector " + i + " (rank-deficient input)");
            }
            for (int k = 0; k < r.length; k++) {
                r[k] /= norm;
            }
            q[i] = r;
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
