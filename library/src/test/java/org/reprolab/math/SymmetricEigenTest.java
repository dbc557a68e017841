package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void decompositionReconstructsTheMatrixWithOrthonormalVectors() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 12;
        double[][] b = new double[n][n];
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] a = LinearAlgebra.multiply(b, SymmetricEigen.transpose(b));
        SymmetricEigen.Decomposition d = SymmetricEigen.decompose(a);
        double[][] v = d.vectors();
        assertEquals(0, LinearAlgebra.frobeniusNorm(LinearAlgebra.subtract(LinearAlgebra.multiply(v,
                SymmetricEigen.transpose(v)), LinearAlgebra.identity(n))), 1e-10);
        for (int i = 0; i < n; i++) {
            double[] av = LinearAlgebra.multiply(a, v[i]);
            for (int k = 0; k < n; k++) {
                assertEquals(d.values()[i] * v[i][k], av[k], 1e-8);
            }
            if (i > 0) {
                assertEquals(true, d.values()[i - 1] >= d.values()[i]);
            }
        }
        double[] asc = LinearAlgebra.symmetricEigenvalues(a);
        assertEquals(asc[n - 1], d.values()[0], 1e-8);
    }

    @Test
    void diagonalMatrixGivesItsEntriesAndAxes() {
        double[][] a = {{1, 0, 0}, {0, 5, 0}, {0, 0, 3}};
        SymmetricEigen.Decomposition d = SymmetricEigen.decompose(a);
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
                SymmetricEigen.orthonormalRows(new double[][] {{1, 1, 0}, {1, -2, 0}})), 1e-12);
    }

    @Test
    void capturedSecondMomentOfTheTopEigenvectorsIsTheirEigenvalueSum() {
        double[][] a = {{4, 1, 0}, {1, 3, 0}, {0, 0, 1}};
        SymmetricEigen.Decomposition d = SymmetricEigen.decompose(a);
        assertEquals(d.topSum(2), SymmetricEigen.captured(d.top(2), a), 1e-12);
        assertEquals(7, d.topSum(2) + 0, 1e-12);                           // trace 8 minus the eigenvalue 1
    }
}
