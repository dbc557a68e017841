package org.reprolab.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.reprolab.math.Estimate;

class CriterionTest {

    private static Estimate interval(double lo, double hi) {
        return Estimate.of((lo + hi) / 2, lo, hi, 5, "test");
    }

    @Test
    void anIntervalThatClearsTheBoundPassesOneOnTheWrongSideFailsOneAcrossItIsInconclusive() {
        Criterion c = Criterion.atLeast(0);
        assertEquals(Outcome.PASS, c.decide(interval(0.001, 0.02)));
        assertEquals(Outcome.PASS, c.decide(interval(0, 0.02)), "the bound itself meets ≥");
        assertEquals(Outcome.FAIL, c.decide(interval(-0.03, -0.001)));
        assertEquals(Outcome.INCONCLUSIVE, c.decide(interval(-0.01, 0.01)));
    }

    @Test
    void upperBoundsMirrorLowerOnes() {
        assertEquals(Outcome.PASS, Criterion.atMost(1.2).decide(interval(0.9, 1.1)));
        assertEquals(Outcome.FAIL, Criterion.atMost(1.2).decide(interval(1.3, 2)));
        assertEquals(Outcome.INCONCLUSIVE, Criterion.below(1.2).decide(interval(1.0, 1.2)));
        assertEquals(Outcome.FAIL, Criterion.above(0).decide(interval(-1, 0)));
    }

    @Test
    void anEquivalenceMarginNeedsTheWholeIntervalInsideAndFailsOnlyWhenItIsWhollyOutside() {
        Criterion c = Criterion.within(0, 0.01);
        assertEquals(Outcome.PASS, c.decide(interval(-0.005, 0.008)));
        assertEquals(Outcome.INCONCLUSIVE, c.decide(interval(-0.005, 0.02)));
        assertEquals(Outcome.FAIL, c.decide(interval(0.011, 0.02)));
        assertEquals(Outcome.FAIL, c.decide(interval(-0.3, -0.02)));
    }

    @Test
    void aValueWithoutIntervalPassesOrFails() {
        assertEquals(Outcome.PASS, Criterion.atMost(1e-12).decide(Estimate.exact(1e-15)));
        assertEquals(Outcome.FAIL, Criterion.atMost(1e-12).decide(Estimate.exact(1e-9)));
    }

    @Test
    void nanNeverPasses() {
        assertFalse(Criterion.atMost(1).holds(Double.NaN));
        assertEquals(Outcome.FAIL, Criterion.atMost(1).decide(Estimate.exact(Double.NaN)));
    }

    @Test
    void aPredicateCannotDecideAnInterval() {
        Criterion c = Criterion.of(v -> v == 1, "is true");
        assertEquals(Outcome.PASS, c.decide(Estimate.exact(1)));
        assertThrows(IllegalStateException.class, () -> c.decide(interval(0, 2)));
    }

    @Test
    void criteriaDescribeThemselves() {
        assertEquals("0.7877 ± 1e-4", Criterion.within(0.7877, 1e-4).describe());
        assertEquals("≤ 1e-12", Criterion.atMost(1e-12).describe());
        assertEquals("in [0.5, 2]", Criterion.between(0.5, 2).describe());
        assertEquals("≥ -0.02", Criterion.atLeast(-0.02).describe());
    }
}
