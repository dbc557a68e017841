package org.reprolab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void firstStepMovesEachParameterByTheRateAgainstItsGradientSign() {
        // bias correction makes m̂ = g and v̂ = g² at step 1, so the step is rate·g/(|g| + ε)
        double[] theta = {1, -2, 0.5};
        new Adam(3, 0.1).update(theta, new double[] {4, -0.25, 1e-3});
        assertEquals(1 - 0.1 * 4 / (4 + 1e-8), theta[0], 1e-15);
        assertEquals(-2 + 0.1 * 0.25 / (0.25 + 1e-8), theta[1], 1e-15);
        assertEquals(0.5 - 0.1 * 1e-3 / (1e-3 + 1e-8), theta[2], 1e-15);
    }

    @Test
    void aScaledGradientEqualsTheGradientTimesTheScale() {
        double[] a = {0.3, -0.7};
        double[] b = a.clone();
        Adam one = new Adam(2, 0.05);
        Adam two = new Adam(2, 0.05);
        for (int step = 0; step < 5; step++) {
            one.update(a, new double[] {0.5 * (a[0] - 1), 0.5 * (a[1] + 2)});
            two.update(b, new double[] {b[0] - 1, b[1] + 2}, 0.5);
        }
        assertEquals(a[0], b[0], 0);
        assertEquals(a[1], b[1], 0);
        assertEquals(5, two.steps());
    }

    @Test
    void minimisesAQuadratic() {
        double[] theta = {5, -3};
        Adam adam = new Adam(2, 0.05);
        for (int step = 0; step < 2_000; step++) {
            adam.update(theta, new double[] {2 * (theta[0] - 1), 20 * (theta[1] + 0.5)});
        }
        assertEquals(1, theta[0], 1e-3);
        assertEquals(-0.5, theta[1], 1e-3);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(2, 0.1).update(new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Adam(2, -0.1));
    }
}
