package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuadratureTest {

    @Test
    void simpsonIsExactForCubics() {
        assertEquals(4.0 - 2.0 + 2.0, Quadrature.simpson(x -> x * x * x - x + 1, 0, 2, 2), 1e-14);   // x⁴/4 − x²/2 + x
    }

    @Test
    void simpsonIntegratesTheNormalDensityAndItsSecondMoment() {
        double c = 1 / Math.sqrt(2 * Math.PI);
        assertEquals(1, Quadrature.simpson(x -> c * Math.exp(-x * x / 2), -10, 10, 2_000), 1e-12);
        assertEquals(1, Quadrature.simpson(x -> x * x * c * Math.exp(-x * x / 2), -10, 10, 2_000), 1e-12);
        // The entropy of N(0, 1): ½ log(2πe).
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E), Quadrature.simpson(x -> {
            double p = c * Math.exp(-x * x / 2);
            return -p * Math.log(p);
        }, -12, 12, 4_000), 1e-10);
    }

    @Test
    void anOddNumberOfIntervalsIsRoundedUpAndEmptyRangesAreRefused() {
        assertEquals(Math.PI / 2, Quadrature.simpson(Math::sin, 0, Math.PI, 1_001) * Math.PI / 4, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Quadrature.simpson(Math::sin, 1, 1, 10));
    }
}
