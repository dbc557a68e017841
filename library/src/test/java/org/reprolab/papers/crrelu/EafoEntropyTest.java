package org.reprolab.papers.crrelu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EafoEntropyTest {

    /** For the identity, H₊ is half of N(0,1)'s entropy terms: ∫₀^∞ −φ log φ = ¼ log(2π) + ¼. */
    @Test
    void reluEntropyIsTheHalfNormalClosedForm() {
        assertEquals(0.25 * Math.log(2 * Math.PI) + 0.25, EafoEntropy.Curve.relu().entropy(), 1e-12);
    }

    /** A linear map f = a·x shifts the entropy by log a times the mass ½. */
    @Test
    void scalingTheActivationShiftsTheEntropyByHalfLogA() {
        double base = EafoEntropy.Curve.relu().entropy();
        assertEquals(base + 0.5 * Math.log(3), EafoEntropy.positiveHalf(x -> 3), 1e-12);
    }

    @Test
    void crReluChangesTheEntropyByEpsilonOverFourRootTwoToFirstOrder() {
        double relu = EafoEntropy.Curve.relu().entropy();
        for (double eps : new double[] {-1e-3, 1e-3}) {
            double change = EafoEntropy.Curve.crRelu(eps).entropy() - relu;
            assertEquals(EafoEntropy.firstOrderChange(eps), change, eps * eps);      // the second order is O(ε²)
        }
        assertTrue(EafoEntropy.Curve.crRelu(-0.05).entropy() < relu);     // the EAFO direction lowers H₊
    }

    @Test
    void functionalDerivativeIsTheDensitysSlope() {
        double h = 1e-6;
        for (double x : new double[] {0.3, 1, 2}) {
            double slope = (EafoEntropy.phi(x + h) - EafoEntropy.phi(x - h)) / (2 * h);
            assertEquals(slope, EafoEntropy.functionalDerivativeAtIdentity(x), 1e-9);
        }
    }

    @Test
    void geluAndSiluDerivativesMatchFiniteDifferences() {
        for (EafoEntropy.Curve c : new EafoEntropy.Curve[] {EafoEntropy.Curve.gelu(), EafoEntropy.Curve.silu()}) {
            for (double x : new double[] {-1.5, 0.2, 2.5}) {
                double h = 1e-6;
                double fd = (c.value().applyAsDouble(x + h) - c.value().applyAsDouble(x - h)) / (2 * h);
                assertEquals(fd, c.derivative().applyAsDouble(x), 1e-8, c.name() + " at " + x);
            }
        }
    }

    @Test
    void aDecreasingActivationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EafoEntropy.positiveHalf(x -> 1 - x));
    }
}
