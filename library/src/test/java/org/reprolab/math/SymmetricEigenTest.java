package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoHasItsHandComputedEigenpairs() {
        // [[2, 1], [1, 2]]: λ = 3 with (1, 1)/√2, λ = 1 with (1, −1)/√2.
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, e.values(), 1e-14);
        assertEquals(1 / Math.sqrt(2), Math.abs(e.vectors()[0][0]), 1e-14);
        assertEquals(e.vectors()[0][0], e.vectors()[0][1], 1e-14);
        assertEquals(-e.vectors()[1][0], e.vectors()[1][1], 1e-14);
    }

    @Test
    void randomMatrixIsReconstructedByOrthonormalVectorsAndMatchesTheEigenvalueRoutine() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 12;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = r.nextGaussian();
            }
        }
        double[][] a = LinearAlgebra.symmetricPart(b);
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] ascending = LinearAlgebra.symmetricEigenvalues(a);
        for (int i = 0; i < n; i++) {
            assertEquals(ascending[n - 1 - i], e.values()[i], 1e-10);
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += e.vectors()[i][k] * e.vectors()[j][k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
        }
        assertEquals(0, LinearAlgebra.frobeniusNorm(LinearAlgebra.subtract(e.apply(x -> x), a)), 1e-10);
    }

    @Test
    void zcaWhiteningOfACovarianceGivesTheIdentity() {
        double[][] c = {{4, 1, 0}, {1, 3, 0.5}, {0, 0.5, 2}};
        double[][] w = SymmetricEigen.of(c).apply(x -> 1 / Math.sqrt(x));
        double[][] white = LinearAlgebra.multiply(LinearAlgebra.multiply(w, c), w);
        assertEquals(0, LinearAlgebra.frobeniusNorm(LinearAlgebra.subtract(white, LinearAlgebra.identity(3))), 1e-12);
    }

    @Test
    void covarianceOfTwoPointsIsHalfTheSquaredDifference() {
        double[][] c = SymmetricEigen.covariance(new double[][] {{0, 0}, {2, 4}});
        // n − 1 = 1: var x = 2, var y = 8, cov = 4.
        assertArrayEquals(new double[] {2, 4}, c[0], 1e-15);
        assertArrayEquals(new double[] {4, 8}, c[1], 1e-15);
    }

    @Test
    void diagonalMatrixGivesItsEntriesAndAxes() {
        double[][] a = {{1, 0, 0}, {0, 5, 0}, {0, 0, 3}};
        SymmetricEigen d = SymmetricEigen.of(a);
        assertArrayEquals(new double[] {5, 3, 1}, d.values(), 1e-15);
        assertEquals(1, Math.abs(d.vectors()[0][1]), 1e-15);
        assertEquals(8, d.topSum(2), 1e-15);
    }

    @Test
    void principalAnglesOfPlanesInThreeDimensions() {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] xy = {{1, 0, 0}, {0, 1, 0}};
        double[][] tilted = {{1, 0, 0}, {0, c, s}};                         // shares x, tilted by 0.3 rad
        assertArrayEquals(new double[] {1, c}, SymmetricEigen.principalCosines(xy, tilted), 1e-12);
        assertArrayEquals(new double[] {1, 1}, SymmetricEigen.principalCosines(xy,
                Orthogonalization.orthonormalRows(new double[][] {{1, 1, 0}, {1, -2, 0}})), 1e-12);
    }

    @Test
    void capturedSecondMomentOfTheTopEigenvectorsIsTheirEigenvalueSum() {
        double[][] a = {{4, 1, 0}, {1, 3, 0}, {0, 0, 1}};
        SymmetricEigen d = SymmetricEigen.of(a);
        assertEquals(d.topSum(2), SymmetricEigen.captured(d.top(2), a), 1e-12);
        assertEquals(7, d.topSum(2) + 0, 1e-12);                           // trace 8 minus the eigenvalue 1
    }
}
