package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PivotedQrTest {

    @Test
    void singularValuesOfATwoByTwoMatchTheEigenvaluesOfItsGram() {
        // AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5.
        double[] s = PivotedQr.of(new double[][] {{3, 0}, {4, 5}}, 1e-14).singularValues();
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, s, 1e-13);
    }

    @Test
    void gradedSingularValuesAreRecoveredToRelativeAccuracy() {
        // A = U diag(1, 1e-5, 1e-10) Vᵀ with U, V Householder reflections: σ_3 / σ_1 = 1e-10 must survive.
        double[] sigma = {1, 1e-5, 1e-10};
        double[][] u = reflection(new double[] {1, 2, -1, 3, 0.5});
        double[][] v = reflection(new double[] {2, -1, 1});
        double[][] a = new double[5][3];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    a[i][j] += u[i][k] * sigma[k] * v[j][k];
                }
            }
        }
        double[] s = PivotedQr.of(a, 1e-15).singularValues();
        for (int k = 0; k < 3; k++) {
            assertEquals(1, s[k] / sigma[k], 1e-5, "σ_" + k);
        }
        assertEquals(2, PivotedQr.epsilonRank(s, 1e-8));
        assertEquals(3, PivotedQr.epsilonRank(s, 1e-11));
    }

    @Test
    void aSumOfTwoOuterProductsHasRankTwoAndItsFrobeniusNormIsKept() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] a = new double[30][20];
        double[][] f = new double[4][30];
        for (double[] row : f) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextGaussian();
            }
        }
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 20; j++) {
                a[i][j] = f[0][i] * f[1][j] + f[2][i] * f[3][j];
            }
        }
        PivotedQr qr = PivotedQr.of(a, 1e-12);
        assertEquals(2, qr.rank());
        double[] s = qr.singularValues();
        assertEquals(LinearAlgebra.frobeniusNorm(a), Math.hypot(s[0], s[1]), 1e-10 * s[0]);
    }

    @Test
    void fullRankLeastSquaresMatchesTheNormalEquations() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] a = new double[12][4];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 4; j++) {
                a[i][j] = r.nextGaussian();
            }
            y[i] = r.nextGaussian();
        }
        double[][] gram = new double[4][4];
        double[] rhs = new double[4];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 4; j++) {
                rhs[j] += a[i][j] * y[i];
                for (int k = 0; k < 4; k++) {
                    gram[j][k] += a[i][j] * a[i][k];
                }
            }
        }
        assertArrayEquals(LinearAlgebra.solve(gram, rhs), PivotedQr.of(a, 1e-14).solve(y), 1e-10);
    }

    @Test
    void aRankDeficientSystemIsSolvedExactlyOnItsRange() {
        // Columns 2 and 3 repeat column 1 scaled: y in the range is fitted exactly, the dropped columns get zero.
        double[][] a = {{1, 2, 0}, {1, 2, 1}, {1, 2, 2}, {1, 2, 3}};
        double[] y = {1, 3, 5, 7};
        PivotedQr qr = PivotedQr.of(a, 1e-12);
        assertEquals(2, qr.rank());
        double[] x = qr.solve(y);
        double[] fitted = LinearAlgebra.multiply(a, x);
        assertArrayEquals(y, fitted, 1e-12);
    }

    private static double[][] reflection(double[] w) {
        double ww = 0;
        for (double v : w) {
            ww += v * v;
        }
        double[][] h = new double[w.length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                h[i][j] = (i == j ? 1 : 0) - 2 * w[i] * w[j] / ww;
            }
        }
        return h;
    }
}
