package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidualsTest {

    @Test
    void summariesMatchHandComputedValues() {
        // residuals 3, −1, 0, 1, −3 (predicted − target)
        Residuals r = Residuals.of(new double[] {4, 1, 2, 5, 0}, new double[] {1, 2, 2, 4, 3});
        assertEquals(Math.sqrt(20.0 / 5), r.rms(), 1e-15);
        assertEquals(3, r.maxAbs(), 0);
        assertEquals(1, r.rootMedianSquare(), 0);                  // squares 0, 1, 1, 9, 9: median 1
        assertEquals(18.0 / 20, r.shareOfLargestSquares(2), 1e-15);
        assertEquals(1, r.shareOfLargestSquares(9), 0);
    }

    @Test
    void oneOutlierMovesTheRmsButNotTheMedian() {
        double[] target = new double[101];
        double[] predicted = new double[101];
        for (int i = 0; i < 101; i++) {
            predicted[i] = i % 2 == 0 ? 1e-3 : -1e-3;
        }
        predicted[50] = 1;
        Residuals r = Residuals.of(predicted, target);
        assertEquals(1e-3, r.rootMedianSquare(), 1e-18);
        assertTrue(r.rms() > 0.09, "rms " + r.rms());
        assertEquals(1, r.shareOfLargestSquares(1), 1e-3);
    }

    @Test
    void noResidualsGiveNaN() {
        Residuals r = Residuals.of(new double[0], new double[0]);
        assertTrue(Double.isNaN(r.rms()));
        assertTrue(Double.isNaN(r.maxAbs()));
        assertTrue(Double.isNaN(r.rootMedianSquare()));
    }
}
