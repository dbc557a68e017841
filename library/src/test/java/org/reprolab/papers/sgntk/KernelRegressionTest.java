package org.reprolab.papers.sgntk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelRegressionTest {

    private static final double[][] K = {{2.0, 0.5, 0.1}, {0.5, 1.5, 0.3}, {0.1, 0.3, 1.0}};
    private static final double[] Y = {1, -2, 0.5};

    @Test
    void gradientDescentOperatorEqualsTheDirectSum() {
        double eta = 0.3;
        int steps = 37;
        double[][] p = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p[i][j] = (i == j ? 1 : 0) - eta * K[i][j];
            }
        }
        double[][] sum = new double[3][3];
        double[][] power = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    sum[i][j] += eta * power[i][j];
                }
            }
            power = org.reprolab.math.LinearAlgebra.multiply(power, p);
        }
        double[][] m = KernelRegression.gradientDescentOperator(K, eta, steps);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(sum[i], m[i], 1e-13);
        }
    }

    @Test
    void longGradientDescentBecomesKernelRegressionAndInterpolates() {
        double[] converged = KernelRegression.gradientDescentMean(K, K, Y, 0.4, 10_000);
        assertArrayEquals(KernelRegression.mean(K, K, Y), converged, 1e-12);
        assertArrayEquals(Y, converged, 1e-12);
    }

    @Test
    void simulatedGradientDescentOnResidualsMatchesTheOperator() {
        // Linear model in function space: r ← r − η·K·r from r₀ = f₀ − y, f₀ = 0, with a test row k(x, X).
        double[][] testRow = {{0.4, 0.2, 0.9}};
        double eta = 0.25;
        int steps = 12;
        double[] r = {-Y[0], -Y[1], -Y[2]};
        double f = 0;
        for (int t = 0; t < steps; t++) {
            double[] kr = org.reprolab.math.LinearAlgebra.multiply(K, r);
            f -= eta * (testRow[0][0] * r[0] + testRow[0][1] * r[1] + testRow[0][2] * r[2]);
            for (int i = 0; i < 3; i++) {
                r[i] -= eta * kr[i];
            }
        }
        assertEquals(f, KernelRegression.gradientDescentMean(testRow, K, Y, eta, steps)[0], 1e-13);
    }

    @Test
    void spreadIsThePriorBeforeTrainingAndVanishesOnConvergedTrainingPoints() {
        double[] diag = {K[0][0], K[1][1], K[2][2]};
        KernelRegression.Prediction start = KernelRegression.gradientDescent(K, K, diag, K, K, Y, 0.3, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.sqrt(K[i][i]), start.std()[i], 1e-14);
            assertEquals(0, start.mean()[i], 1e-14);
        }
        KernelRegression.Prediction end = KernelRegression.gradientDescent(K, K, diag, K, K, Y, 0.3, Long.MAX_VALUE);
        assertArrayEquals(new double[3], end.std(), 1e-6);
        assertArrayEquals(Y, end.mean(), 1e-12);
    }

    @Test
    void coverageSpreadRatioAndBandOfAPrediction() {
        KernelRegression.Prediction p = new KernelRegression.Prediction(new double[] {0, 10}, new double[] {1, 2});
        double[] samples = {0.5, 13, 3, 10, -2.5, 8};                   // 3 networks × 2 inputs, row-major
        assertEquals(4.0 / 6, p.coverage(samples, 2), 1e-15);            // 3 and −2.5 lie outside ±2σ at input 0
        double dev = 0.25 + 9 + 9 + 0 + 6.25 + 4;
        assertEquals(Math.sqrt(dev / (3 * (1 + 4))), p.spreadRatio(samples), 1e-15);
        assertEquals(14, p.band(2)[1], 0);
    }
}
