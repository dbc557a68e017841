package org.reprolab.papers.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
