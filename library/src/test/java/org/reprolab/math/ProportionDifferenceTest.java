package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProportionDifferenceTest {

    /** Newcombe (1998), Table II, method 10 (score interval without continuity correction). */
    @Test
    void newcombesHybridScoreIntervalMatchesHisTable() {
        check(56, 70, 48, 80, 0.0524, 0.3339);
        check(9, 10, 3, 10, 0.1705, 0.8090);
        check(6, 7, 2, 7, 0.0582, 0.8062);
        check(5, 56, 0, 29, -0.0381, 0.1926);
        check(0, 10, 0, 20, -0.1611, 0.2775);
        check(0, 10, 0, 10, -0.2775, 0.2775);
        check(10, 10, 0, 20, 0.6791, 1.0000);
        check(10, 10, 0, 10, 0.6075, 1.0000);
    }

    @Test
    void allSuccessesOnBothSidesLeaveAnIntervalAroundZero() {
        Estimate e = Estimate.proportionDifference(20, 20, 20, 20);
        assertEquals(0, e.value(), 0);
        assertEquals(-0.1611, e.lo(), 1e-4);                      // the Wilson interval of 20 of 20 is [0.8389, 1]
        assertEquals(0.1611, e.hi(), 1e-4);
        assertEquals(20, e.n());
    }

    @Test
    void poolingAddsTheTrialsOfEachSide() {
        Estimate pooled = Estimate.pool(java.util.List.of(Estimate.proportionDifference(9, 10, 3, 10),
                Estimate.proportionDifference(47, 60, 45, 70)));
        assertEquals(Estimate.proportionDifference(56, 70, 48, 80), pooled);
    }

    private static void check(int k1, int n1, int k2, int n2, double lo, double hi) {
        Estimate e = Estimate.proportionDifference(k1, n1, k2, n2);
        assertEquals((double) k1 / n1 - (double) k2 / n2, e.value(), 1e-15);
        assertEquals(lo, e.lo(), 1e-4, k1 + "/" + n1 + " − " + k2 + "/" + n2 + " lower");
        assertEquals(hi, e.hi(), 1e-4, k1 + "/" + n1 + " − " + k2 + "/" + n2 + " upper");
    }
}
