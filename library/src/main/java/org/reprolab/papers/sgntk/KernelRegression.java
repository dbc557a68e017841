package org.reprolab.papers.sgntk;

import org.reprolab.engine.Interrupts;

/**
 * What a network trained by (surrogate) gradient descent on ½‖f(X) − Y‖² predicts in the kernel regime, where
 * the function evolves linearly under a fixed kernel I (the NTK or SG-NTK) and starts as a centred Gaussian
 * process with covariance K (the NNGP kernel).
 *
 * <p>Gradient descent with step η for T steps gives (numbering ours):
 * <pre>
 *   f_T(x) = f₀(x) − I(x, X)·M_T·(f₀(X) − Y),   M_T = η·Σ_{t&lt;T} (1 − η·I(X, X))^t        (Eq. 6)
 * </pre>
 * and M_T → I(X, X)⁻¹ as T → ∞ (kernel regression, Eq. 7). Averaged over initialisations,
 * E[f_T(x)] = I(x, X)·M_T·Y; the deviation f₀(x) − v·f₀(X), v = I(x, X)·M_T, has variance
 * K(x, x) − 2·v·K(X, x) + v·K(X, X)·vᵀ (Eq. 8).
 *
 * <p>Matrices are {@code double[rows][cols]}; I may be asymmetric (SG-NTK), K must be the NNGP covariance.
 */
public final class KernelRegression {

    private KernelRegression() {}

    /** Mean and standard deviation over initialisations at each test input. */
    public record Prediction(double[] mean, double[] std) {}

    /** M_T = η·Σ_{t&lt;T} (1 − η·I)^t (Eq. 6), by binary splitting: O(N³·log T). */
    public static double[][] gradientDescentOperator(double[][] kernelTrain, double eta, long steps) {
        int n = square(kernelTrain);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
        double[][] p = identity(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] -= eta * kernelTrain[i][j];                       // P = 1 − η·I
            }
        }
        // (S_t, P^t) with S_t = Σ_{s<t} P^s; S_{t+u} = S_t + P^t·S_u.
        double[][] sum = new double[n][n];
        double[][] power = identity(n);
        double[][] blockSum = identity(n);    // S_{2^k}
        double[][] blockPower = p;            // P^{2^k}
        long rest = steps;
        while (rest > 0) {
            Interrupts.check();
            if ((rest & 1) == 1) {
                sum = add(sum, multiply(power, blockSum));
                power = multiply(power, blockPower);
            }
            rest >>= 1;
            if (rest > 0) {
                blockSum = add(blockSum, multiply(blockPower, blockSum));
                blockPower = multiply(blockPower, blockPower);
            }
        }
        return scale(sum, eta);
    }

    /** E[f_T(x)] = I(x, X)·M_T·Y after T steps of gradient descent (Eq. 6). */
    public static double[] gradientDescentMean(double[][] kernelTestTrain, double[][] kernelTrain, double[] y,
            double eta, long steps) {
        return multiply(kernelTestTrain, multiply(gradientDescentOperator(kernelTrain, eta, steps), y));
    }

    /** E[f_∞(x)] = I(x, X)·I(X, X)⁻¹·Y: kernel regression (Eq. 7). */
    public static double[] mean(double[][] kernelTestTrain, double[][] kernelTrain, double[] y) {
        return multiply(kernelTestTrain, solve(kernelTrain, y));
    }

    /**
     * Mean and spread of f_T over initialisations (Eqs. 6, 8).
     *
     * @param kernelTestTrain I(x, X), (M, N)
     * @param kernelTrain I(X, X), (N, N)
     * @param nngpTestDiag K(x, x) for each test input, (M)
     * @param nngpTrainTest K(X, x), (N, M)
     * @param nngpTrain K(X, X), (N, N)
     * @param y targets, (N)
     * @param eta step size η
     * @param steps T; {@code Long.MAX_VALUE} for the converged limit (Eq. 7)
     */
    public static Prediction gradientDescent(double[][] kernelTestTrain, double[][] kernelTrain, double[] nngpTestDiag,
            double[][] nngpTrainTest, double[][] nngpTrain, double[] y, double eta, long steps) {
        double[][] m = steps == Long.MAX_VALUE ? inverse(kernelTrain)
                : gradientDescentOperator(kernelTrain, eta, steps);
        double[][] v = multiply(kernelTestTrain, m);                              // (M, N)
        int tests = v.length;
        int n = y.length;
        double[] mean = multiply(v, y);
        double[] std = new double[tests];
        for (int t = 0; t < tests; t++) {
            double var = nngpTestDiag[t];
            for (int i = 0; i < n; i++) {
                var -= 2 * v[t][i] * nngpTrainTest[i][t];
                for (int j = 0; j < n; j++) {
                    var += v[t][i] * nngpTrain[i][j] * v[t][j];                   // Eq. 8
                }
            }
            std[t] = Math.sqrt(Math.max(0, var));
        }
        return new Prediction(mean, std);
    }

    /** Solves A·x = b by Gaussian elimination with partial pivoting. */
    public static double[] solve(double[][] a, double[] b) {
        int n = square(a);
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        eliminate(m, n);
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    /** A⁻¹, column by column. */
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

    /** Eigenvalues of a symmetric matrix (cyclic Jacobi rotations), ascending. */
    public static double[] symmetricEigenvalues(double[][] a) {
        int n = square(a);
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
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
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
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
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = m[i][i];
        }
        java.util.Arrays.sort(ev);
        return ev;
    }

    private static void eliminate(double[][] m, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (m[pivot][col] == 0) {
                throw new ArithmeticException("singular matrix (column " + col + ")");
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                if (f != 0) {
                    for (int c = col; c < m[r].length; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
    }

    static double[][] multiply(double[][] a, double[][] b) {
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

    static double[] multiply(double[][] a, double[] x) {
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

    private static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = s * a[i][j];
            }
        }
        return c;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
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
