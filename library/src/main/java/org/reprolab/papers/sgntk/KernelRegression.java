package org.reprolab.papers.sgntk;

import org.reprolab.engine.Interrupts;
import org.reprolab.math.LinearAlgebra;

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
    public record Prediction(double[] mean, double[] std) {

        /**
         * The share of the predictions {@code samples} (B networks × M test inputs, row-major) that lie within
         * mean ± z·std: about 95.4% for z = 2 when the networks are draws of this Gaussian process.
         */
        public double coverage(double[] samples, double z) {
            int m = mean.length;
            long inside = 0;
            for (int i = 0; i < samples.length; i++) {
                inside += Math.abs(samples[i] - mean[i % m]) <= z * std[i % m] ? 1 : 0;
            }
            return (double) inside / samples.length;
        }

        /** √(mean squared deviation of {@code samples} from the mean / mean variance): 1 when the spread matches. */
        public double spreadRatio(double[] samples) {
            int m = mean.length;
            double dev = 0;
            double var = 0;
            for (int i = 0; i < samples.length; i++) {
                double d = samples[i] - mean[i % m];
                dev += d * d;
                var += std[i % m] * std[i % m];
            }
            return Math.sqrt(dev / var);
        }

        /** mean ± z·std at every test input. */
        public double[] band(double z) {
            double[] out = new double[mean.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = mean[i] + z * std[i];
            }
            return out;
        }
    }

    /** M_T = η·Σ_{t&lt;T} (1 − η·I)^t (Eq. 6), by binary splitting: O(N³·log T). */
    public static double[][] gradientDescentOperator(double[][] kernelTrain, double eta, long steps) {
        int n = LinearAlgebra.requireSquare(kernelTrain);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
        double[][] p = LinearAlgebra.identity(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] -= eta * kernelTrain[i][j];                       // P = 1 − η·I
            }
        }
        // (S_t, P^t) with S_t = Σ_{s<t} P^s; S_{t+u} = S_t + P^t·S_u.
        double[][] sum = new double[n][n];
        double[][] power = LinearAlgebra.identity(n);
        double[][] blockSum = LinearAlgebra.identity(n);    // S_{2^k}
        double[][] blockPower = p;            // P^{2^k}
        long rest = steps;
        while (rest > 0) {
            Interrupts.check();
            if ((rest & 1) == 1) {
                sum = LinearAlgebra.add(sum, LinearAlgebra.multiply(power, blockSum));
                power = LinearAlgebra.multiply(power, blockPower);
            }
            rest >>= 1;
            if (rest > 0) {
                blockSum = LinearAlgebra.add(blockSum, LinearAlgebra.multiply(blockPower, blockSum));
                blockPower = LinearAlgebra.multiply(blockPower, blockPower);
            }
        }
        return LinearAlgebra.scale(sum, eta);
    }

    /** E[f_T(x)] = I(x, X)·M_T·Y after T steps of gradient descent (Eq. 6). */
    public static double[] gradientDescentMean(double[][] kernelTestTrain, double[][] kernelTrain, double[] y,
            double eta, long steps) {
        return LinearAlgebra.multiply(kernelTestTrain, LinearAlgebra.multiply(gradientDescentOperator(kernelTrain, eta,
                steps), y));
    }

    /** E[f_∞(x)] = I(x, X)·I(X, X)⁻¹·Y: kernel regression (Eq. 7). */
    public static double[] mean(double[][] kernelTestTrain, double[][] kernelTrain, double[] y) {
        return LinearAlgebra.multiply(kernelTestTrain, LinearAlgebra.solve(kernelTrain, y));
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
        double[][] m = steps == Long.MAX_VALUE ? LinearAlgebra.inverse(kernelTrain)
                : gradientDescentOperator(kernelTrain, eta, steps);
        double[][] v = LinearAlgebra.multiply(kernelTestTrain, m);                              // (M, N)
        int tests = v.length;
        int n = y.length;
        double[] mean = LinearAlgebra.multiply(v, y);
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
}
