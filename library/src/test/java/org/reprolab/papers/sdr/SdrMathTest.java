package org.reprolab.papers.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SdrMathTest {

    @Test
    void binomialCoefficients() {
        assertEquals(BigInteger.valueOf(252), SdrMath.binomial(10, 5));
        assertEquals(BigInteger.ONE, SdrMath.binomial(7, 0));
        assertEquals(BigInteger.ZERO, SdrMath.binomial(3, 4));
        assertEquals(new BigInteger("100891344545564193334812497256"), SdrMath.binomial(100, 50));
    }

    /** Counts, over all a-subsets of n cells, those with at least θ cells among 0..s-1. */
    private static double bruteForceFalseMatch(int n, int a, int s, int theta) {
        long hits = 0;
        long total = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != a) {
                continue;
            }
            total++;
            if (Integer.bitCount(mask & ((1 << s) - 1)) >= theta) {
                hits++;
            }
        }
        return (double) hits / total;
    }

    @Test
    void falseMatchEqualsExhaustiveEnumeration() {
        assertEquals(bruteForceFalseMatch(14, 4, 3, 2), SdrMath.falseMatch(14, 4, 3, 2).doubleValue(), 1e-15);
        assertEquals(bruteForceFalseMatch(16, 6, 5, 3), SdrMath.falseMatch(16, 6, 5, 3).doubleValue(), 1e-15);
        assertEquals(1.0, SdrMath.falseMatch(16, 6, 5, 0).doubleValue(), 1e-15);
    }

    @Test
    void missEqualsExhaustiveEnumeration() {
        // a = 10 pattern cells, noisy = 4 of them replaced (cells 0..3), s = 5 synapses on the pattern.
        int a = 10;
        int noisy = 4;
        int s = 5;
        int theta = 3;
        long misses = 0;
        long total = 0;
        for (int mask = 0; mask < 1 << a; mask++) {
            if (Integer.bitCount(mask) != s) {
                continue;
            }
            total++;
            if (Integer.bitCount(mask >>> noisy) < theta) {
                misses++;
            }
        }
        assertEquals((double) misses / total, SdrMath.miss(a, s, theta, noisy).doubleValue(), 1e-15);
    }

    @Test
    void reproducesTable1bOfThePaper() {
        assertEquals(6.35308872941916e-11, SdrMath.falseMatch(100_000, 2000, 6, 6).doubleValue(), 6.4e-11 * 1e-13);
        assertEquals(8.58694100276592e-15, SdrMath.falseMatch(100_000, 2000, 24, 12).doubleValue(), 8.6e-15 * 1e-13);
    }

    @Test
    void monteCarloAgreesWithTheClosedForm() {
        double p = SdrMath.falseMatch(64, 8, 8, 3).doubleValue();
        long trials = 200_000;
        long hits = SdrSimulator.falseMatches(64, 8, 8, 3, trials, new SplittableRandom(1));
        double z = (hits - trials * p) / Math.sqrt(trials * p * (1 - p));
        assertEquals(0, z, 5, "z-score of the simulated false-match count");
    }

    @Test
    void simulationIsDeterministicForASeed() {
        assertEquals(SdrSimulator.falseMatches(128, 8, 6, 2, 50_000, new SplittableRandom(9)),
                SdrSimulator.falseMatches(128, 8, 6, 2, 50_000, new SplittableRandom(9)));
    }

    @Test
    void falseMatchByThresholdEqualsEq1AtEveryThreshold() {
        int[][] cases = {{100_000, 2000, 24}, {1024, 8, 4}, {64, 3, 10}, {30, 25, 10}, {17_000, 510, 50},
            {190_000, 5700, 50}, {10_000, 50, 50}};
        for (int[] c : cases) {
            double[] all = SdrMath.falseMatchByThreshold(c[0], c[1], c[2]);
            assertEquals(c[2] + 1, all.length);
            for (int theta = 0; theta <= c[2]; theta++) {
                double one = SdrMath.falseMatch(c[0], c[1], c[2], theta).doubleValue();
                assertEquals(one, all[theta], Math.abs(one) * 1e-12, "n=" + c[0] + " a=" + c[1] + " s=" + c[2]
                        + " θ=" + theta);
            }
        }
    }

    @Test
    void missByThresholdEqualsEq2AtEveryThreshold() {
        int[][] cases = {{40, 20, 12}, {2000, 40, 1000}, {10, 5, 4}, {30, 30, 0}};
        for (int[] c : cases) {
            double[] all = SdrMath.missByThreshold(c[0], c[1], c[2]);
            assertEquals(0, all[0], 0, "no segment misses θ = 0");
            for (int theta = 0; theta <= c[1]; theta++) {
                double one = SdrMath.miss(c[0], c[1], theta, c[2]).doubleValue();
                assertEquals(one, all[theta], Math.abs(one) * 1e-14, "a=" + c[0] + " s=" + c[1] + " θ=" + theta);
            }
        }
    }

    @Test
    void balancedThresholdMinimisesTheSumOfBothErrors() {
        int n = 5000;
        int a = 100;
        int s = 30;
        int best = SdrMath.balancedThreshold(n, a, s, a / 2);
        double atBest = SdrMath.falseMatch(n, a, s, best).doubleValue() + SdrMath.miss(a, s, best, a / 2).doubleValue();
        for (int theta = 1; theta <= s; theta++) {
            double sum = SdrMath.falseMatch(n, a, s, theta).doubleValue() + SdrMath.miss(a, s, theta, a / 2).doubleValue();
            assertTrue(atBest <= sum, "θ=" + theta + " has a smaller total error than θ*=" + best);
        }
        // Without noise a miss needs fewer than θ of the s synapses active, impossible for θ ≤ s: θ* = s.
        assertEquals(s, SdrMath.balancedThreshold(n, a, s, 0));
    }

    @Test
    void simulatedRateRatioIsTheWilsonIntervalOverTheExactRate() {
        SimulatedRate r = new SimulatedRate("toy", 0.01, 1_000, 100_000);
        var e = r.ratio();
        assertEquals(1.0, e.value(), 1e-12);
        assertEquals(org.reprolab.math.Estimate.proportion(1_000, 100_000).lo() / 0.01, e.lo(), 1e-12);
        assertTrue(e.lo() < 1 && e.hi() > 1);
        assertEquals(1_000, r.expectedEvents(), 1e-9);
    }

    @Test
    void furthestFromExactPicksTheWidestMissAmongRatesWithEnoughEvents() {
        SimulatedRate close = new SimulatedRate("close", 0.01, 1_000, 100_000);
        SimulatedRate off = new SimulatedRate("off", 0.01, 1_100, 100_000);
        SimulatedRate rare = new SimulatedRate("rare", 1e-5, 5, 100_000);      // 1 expected event: cannot judge
        assertEquals("off", SimulatedRate.furthestFromExact(java.util.List.of(close, off, rare), 500).setting());
    }
}
