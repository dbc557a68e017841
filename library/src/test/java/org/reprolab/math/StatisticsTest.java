package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void descriptiveStatisticsMatchHandComputedValues() {
        double[] v = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5, Stats.mean(v), 0);
        assertEquals(Math.sqrt(32.0 / 7), Stats.sd(v), 1e-15);
        assertEquals(2, Stats.populationSd(v), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), Stats.standardError(v), 1e-15);
        assertEquals(4.5, Stats.median(v), 0);
        assertEquals(4, Stats.quantile(0.25, v), 0);
        assertEquals(4, Stats.geometricMean(2, 8), 1e-15);
    }

    @Test
    void oneValueHasNoSpreadAndEmptyInputHasNoMean() {
        assertTrue(Double.isNaN(Stats.sd(3)));
        assertTrue(Double.isNaN(Stats.mean()));
        assertTrue(Double.isNaN(Stats.geometricMean(1, -1)));
    }

    @Test
    void rmsIsTheQuadraticMean() {
        assertEquals(Math.sqrt(12.5), Stats.rms(3, 4), 1e-15);
        assertEquals(5, Stats.rms(Stats.differences(new double[] {3, 4}, new double[] {-2, 9})), 1e-15);
        assertTrue(Double.isNaN(Stats.rms()));
    }

    @Test
    void argMinFindsTheFirstSmallestAndSkipsNaN() {
        assertEquals(1, Stats.argMin(3, 1, 2, 1));
        assertEquals(2, Stats.argMin(Double.NaN, 5, 4));
        assertEquals(-1, Stats.argMin());
    }

    @Test
    void ranksShareTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Stats.ranks(0.1, 0.5, 0.5, 0.9), 0);
        assertArrayEquals(new double[] {3, 1, 2}, Stats.ranks(9, 1, 5), 0);
    }

    @Test
    void studentTQuantilesMatchTheTables() {
        // Two-sided 95% critical values, e.g. any statistics textbook's t table.
        assertEquals(12.706, StudentT.critical(0.95, 1), 5e-4);
        assertEquals(4.303, StudentT.critical(0.95, 2), 5e-4);
        assertEquals(2.776, StudentT.critical(0.95, 4), 5e-4);
        assertEquals(2.262, StudentT.critical(0.95, 9), 5e-4);
        assertEquals(1.984, StudentT.critical(0.95, 100), 5e-4);
        assertEquals(0.5, StudentT.cdf(0, 3), 1e-15);
        assertEquals(0.975, StudentT.cdf(StudentT.quantile(0.975, 7), 7), 1e-10);
        assertEquals(-StudentT.quantile(0.9, 5), StudentT.quantile(0.1, 5), 1e-10);
    }

    @Test
    void logGammaMatchesFactorials() {
        assertEquals(Math.log(120), StudentT.logGamma(6), 1e-12);
        assertEquals(0.5 * Math.log(Math.PI), StudentT.logGamma(0.5), 1e-12);
        assertEquals(2.252712651734206, StudentT.logGamma(0.1), 1e-13);          // moved from DirichletSphere
        assertEquals(857.9336698258574, StudentT.logGamma(200), 1e-10);
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        assertEquals(1.959964, SpecialFunctions.normalQuantile(0.975), 1e-6);
        assertEquals(0, SpecialFunctions.normalQuantile(0.5), 1e-12);
        assertEquals(-2.326348, SpecialFunctions.normalQuantile(0.01), 1e-6);
    }

    @Test
    void aMeanOverSeedsCarriesItsTInterval() {
        Estimate e = Estimate.mean(1, 2, 3, 4, 5);
        assertEquals(3, e.value(), 0);
        double half = 2.776445 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3 - half, e.lo(), 1e-5);
        assertEquals(3 + half, e.hi(), 1e-5);
        assertEquals("95% t-interval over 5 seeds", e.method());
        assertFalse(Estimate.mean(0.8).hasInterval(), "one seed has no interval");
    }

    @Test
    void pairingRemovesTheSharedSeedEffect() {
        double[] a = {0.80, 0.85, 0.90};
        double[] b = {0.79, 0.84, 0.89};
        Estimate paired = Estimate.pairedDifference(a, b);
        assertEquals(0.01, paired.value(), 1e-12);
        assertEquals(0.01, paired.lo(), 1e-9, "constant differences: a zero-width interval");
        assertTrue(paired.method().endsWith("paired"));
        Estimate ratio = Estimate.pairedRatio(new double[] {2, 8}, new double[] {1, 2});
        assertEquals(Math.sqrt(8), ratio.value(), 1e-12);
    }

    @Test
    void theWilsonIntervalStaysInsideZeroAndOne() {
        Estimate none = Estimate.proportion(0, 20);
        assertEquals(0, none.lo(), 0);
        assertEquals(0.1611, none.hi(), 1e-4); // Wilson upper bound for 0 of 20 at 95%
        Estimate half = Estimate.proportion(25, 40);
        assertEquals(0.4703, half.lo(), 1e-4); // (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.96
        assertEquals(0.7578, half.hi(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> Estimate.proportion(3, 2));
    }

    @Test
    void aLineFitRecoversItsSlopeWithAnInterval() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2.1, 3.9, 6.2, 7.8, 10.1};
        LinearFit f = LinearFit.of(x, y);
        assertEquals(1.99, f.slope(), 1e-12);
        assertEquals(0.05, f.intercept(), 1e-12);
        Estimate s = f.slopeEstimate();
        assertTrue(s.lo() < 1.99 && s.hi() > 1.99 && s.hi() - s.lo() < 0.5, s.toString());
        LinearFit power = LinearFit.logLog(new double[] {1, 2, 4, 8}, new double[] {1, 0.25, 0.0625, 0.015625});
        assertEquals(-2, power.slope(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LinearFit.logLog(new double[] {1, 2}, new double[] {1, 0}));
    }

    @Test
    void estimatesOfIndependentRunsPoolIntoTheEstimateOfAllTheirSamples() {
        double[] a = {0.80, 0.85, 0.90, 0.82, 0.88, 0.81};
        double[] b = {0.79, 0.84, 0.91, 0.80, 0.85, 0.80};
        Estimate whole = Estimate.pairedDifference(a, b);
        Estimate pooled = Estimate.pool(java.util.List.of(
                Estimate.pairedDifference(java.util.Arrays.copyOfRange(a, 0, 3), java.util.Arrays.copyOfRange(b, 0, 3)),
                Estimate.pairedDifference(java.util.Arrays.copyOfRange(a, 3, 6), java.util.Arrays.copyOfRange(b, 3, 6))));
        assertEquals(whole, pooled, "bit for bit");
        assertEquals(Estimate.proportion(30, 50), Estimate.pool(java.util.List.of(Estimate.proportion(10, 20),
                Estimate.proportion(20, 30))));
        assertEquals(Estimate.exact(2), Estimate.pool(java.util.List.of(Estimate.exact(2), Estimate.exact(2))));
        Estimate differing = Estimate.pool(java.util.List.of(Estimate.exact(1), Estimate.exact(3)));
        assertTrue(differing.hasInterval() && differing.method().contains("differs between runs"), differing.method());
        Estimate ratio = Estimate.pool(java.util.List.of(Estimate.pairedRatio(new double[] {2}, new double[] {1}),
                Estimate.pairedRatio(new double[] {8}, new double[] {2})));
        assertEquals(Estimate.pairedRatio(new double[] {2, 8}, new double[] {1, 2}), ratio);
        assertThrows(IllegalArgumentException.class, () -> Estimate.pool(java.util.List.of(Estimate.exact(1),
                Estimate.mean(1, 2))));
    }
}
