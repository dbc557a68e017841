package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearAlgebraTest {

    private static final double[][] K = {{2.0, 0.5, 0.1}, {0.5, 1.5, 0.3}, {0.1, 0.3, 1.0}};

    @Test
    void choleskyAndLuSolveKnownSystems() {
        double[][] spd = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        double[] x = {1, -2, 0.5};
        double[] b = LinearAlgebra.multiply(spd, x);
        assertArrayEquals(x, LinearAlgebra.solveSymmetric(spd, b), 1e-13);
        assertArrayEquals(x, LinearAlgebra.solve(spd, b), 1e-13);
        double[][] indefinite = {{0, 1}, {1, 0}};
        assertNull(LinearAlgebra.cholesky(indefinite));
        assertArrayEquals(new double[] {3, 2}, LinearAlgebra.solveSymmetric(indefinite, new double[] {2, 3}), 1e-15);
        assertThrows(ArithmeticException.class, () -> LinearAlgebra.solve(new double[][] {{1, 2}, {2, 4}},
                new double[] {1, 1}));
    }

    @Test
    void solveInverseAndEigenvaluesAgree() {
        double[] y = {1, -1, 0.5};
        double[] x = LinearAlgebra.solve(K, y);
        assertArrayEquals(y, LinearAlgebra.multiply(K, x), 1e-13);
        double[][] id = LinearAlgebra.multiply(K, LinearAlgebra.inverse(K));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 1 : 0, id[i][j], 1e-13);
            }
        }
        assertArrayEquals(new double[] {1, 3}, LinearAlgebra.symmetricEigenvalues(new double[][] {{2, 1}, {1, 2}}),
                1e-13);
        double[] ev = LinearAlgebra.symmetricEigenvalues(K);
        assertEquals(4.5, ev[0] + ev[1] + ev[2], 1e-12);                          // trace
        double det = 2.0 * (1.5 - 0.09) - 0.5 * (0.5 - 0.03) + 0.1 * (0.15 - 0.15);
        assertEquals(det, ev[0] * ev[1] * ev[2], 1e-12);                           // determinant
    }

    @Test
    void leastSquaresRecoversALineAndZeroesAnEmptyColumn() {
        double[][] design = {{1, 0, 0}, {1, 1, 0}, {1, 2, 0}, {1, 3, 0}};
        double[][] y = {{1, 3, 5, 7}, {0, 1, 2, 3}};
        double[][] c = LinearAlgebra.leastSquares(design, y, 1e-12);
        assertArrayEquals(new double[] {1, 2, 0}, c[0], 1e-9);
        assertArrayEquals(new double[] {0, 1, 0}, c[1], 1e-9);
    }

    @Test
    void aNonSquareMatrixIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearAlgebra.solve(new double[][] {{1, 2}}, new double[] {1}));
        assertEquals("matrix must be square, got 1 rows of 2", e.getMessage());
    }

    @Test
    void frobeniusNormDifferenceAndSymmetricPartOfASmallMatrix() {
        double[][] a = {{1, 2}, {4, 3}};
        assertEquals(Math.sqrt(30), LinearAlgebra.frobeniusNorm(a), 1e-15);
        assertArrayEquals(new double[] {0, 1}, LinearAlgebra.subtract(a, new double[][] {{1, 1}, {1, 1}})[0], 0);
        double[][] s = LinearAlgebra.symmetricPart(a);
        assertArrayEquals(new double[] {1, 3}, s[0], 0);
        assertArrayEquals(new double[] {3, 3}, s[1], 0);
        assertEquals(0.5, LinearAlgebra.maxRelativeDeviation(new double[][] {{1, 3}}, new double[][] {{1, 2}}), 0);
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        double[][] t = LinearAlgebra.transpose(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 4}, t[0], 0);
        assertArrayEquals(new double[] {3, 6}, t[2], 0);
    }
}
