package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrthogonalizationTest {

    @Test
    void columnsBecomeOrthonormalAndSpanTheSameSpace() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] a = new double[7][4];
        for (double[] row : a) {
            for (int j = 0; j < 4; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] q = Orthogonalization.orthonormalColumns(a);
        double[][] qtq = LinearAlgebra.multiply(LinearAlgebra.transpose(q), q);
        assertEquals(0, LinearAlgebra.frobeniusNorm(LinearAlgebra.subtract(qtq, LinearAlgebra.identity(4))), 1e-12);
        // R = Qᵀ A is upper triangular and Q R = A.
        double[][] r = LinearAlgebra.multiply(LinearAlgebra.transpose(q), a);
        assertEquals(0, r[1][0], 1e-12);
        assertEquals(0, r[3][2], 1e-12);
        assertEquals(0, LinearAlgebra.frobeniusNorm(LinearAlgebra.subtract(LinearAlgebra.multiply(q, r), a)), 1e-12);
    }

    @Test
    void firstColumnIsTheNormalisedFirstColumn() {
        double[][] q = Orthogonalization.orthonormalColumns(new double[][] {{3, 1}, {4, 0}});
        assertEquals(0.6, q[0][0], 1e-15);
        assertEquals(0.8, q[1][0], 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> Orthogonalization.orthonormalColumns(new double[][] {{1, 2}, {2, 4}}));
    }
}
