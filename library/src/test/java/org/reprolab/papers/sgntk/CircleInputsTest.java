package org.reprolab.papers.sgntk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class CircleInputsTest {

    @Test
    void pointsLieOnTheUnitCircleAtTheirAngles() {
        double[][] x = CircleInputs.circle(8);
        assertEquals(8, x.length);
        assertArrayEquals(new double[] {1, 0}, x[0], 0);
        assertArrayEquals(new double[] {0, 1}, x[2], 1e-15);
        for (double[] p : x) {
            assertEquals(1, p[0] * p[0] + p[1] * p[1], 1e-15);
        }
        assertEquals(Math.PI / 4, CircleInputs.angles(8)[1], 1e-15);
    }

    @Test
    void randomAnglesAreSortedInOneTurn() {
        double[] a = CircleInputs.randomAngles(50, new SplittableRandom(3));
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i] >= 0 && a[i] < 2 * Math.PI && (i == 0 || a[i] >= a[i - 1]));
        }
    }

    @Test
    void ndIsOneRowPerPoint() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            var nd = CircleInputs.nd(m, CircleInputs.points(0, Math.PI));
            assertEquals(new Shape(2, 2), nd.getShape());
            assertArrayEquals(new double[] {1, 0, -1, Math.sin(Math.PI)}, nd.toDoubleArray(), 0);
        }
    }
}
