package org.reprolab.operators;

/**
 * The 1-D Poisson problem −u″ = f on (0, 1) with u(0) = u(1) = 0, discretised by the three-point finite
 * difference on n interior nodes x_i = i·h, h = 1/(n + 1): (−u_{i−1} + 2u_i − u_{i+1}) / h² = f_i, solved exactly
 * (Thomas algorithm, O(n)).
 */
public final class Poisson1d {

    private Poisson1d() {}

    /** The interior nodes x_i = i / (n + 1), i = 1..n. */
    public static double[] nodes(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 1.0) / (n + 1);
        }
        return x;
    }

    /** The discrete solution u of (−u_{i−1} + 2u_i − u_{i+1}) / h² = f_i with zero boundary values. */
    public static double[] solve(double[] f) {
        int n = f.length;
        double h2 = 1.0 / ((n + 1.0) * (n + 1.0));
        // Thomas algorithm on tridiag(−1, 2, −1) u = h² f.
        double[] c = new double[n];
        double[] d = new double[n];
        double b = 2;
        c[0] = -1 / b;
        d[0] = h2 * f[0] / b;
        for (int i = 1; i < n; i++) {
            double m = 2 + c[i - 1];
            c[i] = -1 / m;
            d[i] = (h2 * f[i] + d[i - 1]) / m;
        }
        double[] u = new double[n];
        u[n - 1] = d[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            u[i] = d[i] - c[i] * u[i + 1];
        }
        return u;
    }

    /** The k-th eigenvalue (4/h²)·sin²(kπh/2) of the discrete operator, whose eigenvector is sin(kπx_i). */
    public static double eigenvalue(int n, int k) {
        double h = 1.0 / (n + 1);
        double s = Math.sin(k * Math.PI * h / 2);
        return 4 * s * s / (h * h);
    }
}
