package org.reprolab.papers.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class DualActivationTest {

    /** Mean and standard error of f(u)g(v) over correlated standard normals (u, v) with correlation ρ. */
    private static double[] monteCarlo(java.util.function.DoubleUnaryOperator f, java.util.function.DoubleUnaryOperator g,
            double rho, int n, long seed) {
        org.reprolab.math.Estimate e = Duals.monteCarlo(f, g, rho, n, new SplittableRandom(seed));
        return new double[] {e.value(), (e.hi() - e.value()) / 1.959963984540054};
    }

    private static void assertDualMatchesMonteCarlo(DualActivation dual) {
        long seed = 11;
        for (double rho : new double[] {-0.7, 0, 0.35, 0.9}) {
            double[] mc = monteCarlo(dual::activation, dual::activation, rho, 400_000, seed++);
            assertEquals(dual.xi(rho), mc[0], 5 * mc[1], dual.name() + ": ξ(" + rho + ") vs E[φ(u)φ(v)]");
            double[] mcd = monteCarlo(dual::activationDerivative, dual::activationDerivative, rho, 400_000, seed++);
            assertEquals(dual.xiPrime(rho), mcd[0], 5 * mcd[1], dual.name() + ": ξ′(" + rho + ") vs E[φ′(u)φ′(v)]");
        }
    }

    @Test
    void hermiteDualEqualsSumOfSquaredCoefficientsTimesRhoToTheK() {
        // φ = Σ a_k He_k/√k! with a = (0.3, 0.5, 0.4, √0.5) has ξ = Σ a_k² ρ^k, checked against Monte Carlo.
        HermiteDual d = HermiteDual.builder().setCoefficients(0.3, 0.5, 0.4, Math.sqrt(0.5)).build();
        assertEquals(0.09 + 0.25 * 0.6 + 0.16 * 0.36 + 0.5 * 0.216, d.xi(0.6), 1e-15);
        assertDualMatchesMonteCarlo(d);
        assertDualMatchesMonteCarlo(HermiteDual.optimalForSphere(4));
        assertDualMatchesMonteCarlo(HermiteDual.monomial(2));
    }

    @Test
    void closedFormDualsEqualMonteCarlo() {
        assertDualMatchesMonteCarlo(Duals.erf());
        assertDualMatchesMonteCarlo(Duals.relu());
        assertDualMatchesMonteCarlo(Duals.sine(2.676));
    }

    @Test
    void dualsAreNormalisedAndDerivativesMatchFiniteDifferences() {
        List<DualActivation> duals = List.of(Duals.erf(), Duals.relu(), Duals.sine(6.13539),
                HermiteDual.optimalForSphere(1), HermiteDual.optimalForSphere(8), HermiteDual.fromDual(0.1, 0.3, 0, 0.6));
        for (DualActivation d : duals) {
            assertEquals(1, d.xi(1), 1e-12, d.name() + " ξ(1)");
            for (double rho : new double[] {-0.5, 0.1, 0.7}) {
                double h = 1e-6;
                double fd = (d.xi(rho + h) - d.xi(rho - h)) / (2 * h);
                assertEquals(fd, d.xiPrime(rho), 1e-7, d.name() + " ξ′(" + rho + ")");
            }
            DualActivation.PowerTerm t = d.leadingTerm();
            double small = 1e-13;
            assertEquals(t.coefficient() * Math.pow(small, t.power()), d.xi(small),
                    1e-11 * Math.abs(d.xi(small)) + 1e-300, d.name() + " leading term");
        }
    }

    @Test
    void fastArcFunctionsEqualTheJdkOnes() {
        for (int i = 0; i <= 2000; i++) {
            double x = -1 + i / 1000.0;
            assertEquals(Math.acos(x), Duals.acos(x), 4e-16 * Math.PI);
            assertEquals(Math.asin(x), Duals.asin(x), 4e-16 * Math.PI);
        }
        assertEquals(Math.acos(1 - 1e-12), Duals.acos(1 - 1e-12), 1e-15 * Math.acos(1 - 1e-12));
    }

    @Test
    void hermitePolynomialsFollowTheRecurrence() {
        // He_3(x) = x³ − 3x, He_4(x) = x⁴ − 6x² + 3.
        for (double x : new double[] {-1.7, 0, 0.4, 2.5}) {
            assertEquals((x * x * x - 3 * x) / Math.sqrt(6), HermiteDual.monomial(3).activation(x), 1e-13);
            assertEquals((x * x * x * x - 6 * x * x + 3) / Math.sqrt(24), HermiteDual.monomial(4).activation(x), 1e-13);
            assertEquals((4 * x * x * x - 12 * x) / Math.sqrt(24), HermiteDual.monomial(4).activationDerivative(x), 1e-13);
        }
        // The paper's S² example: φ(x) = x/√2 + (x³ − 3x)/√12.
        double x = 1.3;
        assertEquals(x / Math.sqrt(2) + (x * x * x - 3 * x) / Math.sqrt(12), HermiteDual.optimalForSphere(2).activation(x), 1e-13);
    }

    @Test
    void ndArrayActivationEqualsTheScalarOne() {
        HermiteDual d = HermiteDual.optimalForSphere(4);
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] xs = {-2, -0.5, 0, 0.3, 1.9};
            NDArray y = d.activation(m.create(xs));
            double[] got = y.toDoubleArray();
            for (int i = 0; i < xs.length; i++) {
                assertEquals(d.activation(xs[i]), got[i], 1e-12);
            }
        }
    }

    @Test
    void singularExponentOfThePapersOptimalDualsEqualsTheSphereDimension() {
        for (int d : new int[] {1, 2, 4, 8}) {
            assertEquals(d, HermiteDual.optimalForSphere(d).singularExponent(), 1e-12, "S^" + d);
        }
        // sine duals of the authors' code, a chosen for α = 2, 4, 8 (to their 4-6 printed digits)
        assertEquals(2, Duals.sine(2.676).singularExponent(), 2e-3);
        assertEquals(4, Duals.sine(6.13539).singularExponent(), 1e-4);
        assertEquals(8, Duals.sine(13.8258).singularExponent(), 1e-4);
        // erf: ξ′(0) = (2/3)/arcsin(2/3) = 0.9135828, ξ′(1) = (2/3)/(√(5/9)·arcsin(2/3)) = 1.2257000, α = 0.888215
        DualActivation erf = Duals.erf();
        assertEquals(0.9135828, erf.slopeAtZero(), 1e-7);
        assertEquals(1.2257000, erf.slopeAtOne(), 1e-7);
        assertEquals(0.888215, erf.singularExponent(), 1e-6);
    }

    @Test
    void withExponentSolvesForTheLinearCoefficient() {
        assertEquals(0.5, HermiteDual.withExponent(2, 3).dualCoefficients()[1], 1e-12);
        assertEquals(0.5, HermiteDual.withExponent(1, 7).dualCoefficients()[1], 1e-12);
        HermiteDual d29 = HermiteDual.withExponent(29, 3);
        assertEquals(29, d29.singularExponent(), 1e-9);
        assertTrue(d29.dualCoefficients()[1] < 1e-6);
    }

    @Test
    void regimesFollowXiAtZeroAndTheSlopes() {
        assertEquals(DualActivation.Regime.NEAREST_NEIGHBOUR, HermiteDual.monomial(2).regime());
        assertEquals(Double.POSITIVE_INFINITY, HermiteDual.monomial(3).singularExponent());
        assertEquals(DualActivation.Regime.SINGULAR_KERNEL, HermiteDual.optimalForSphere(2).regime());
        assertEquals(DualActivation.Regime.SINGULAR_KERNEL, Duals.erf().regime());
        assertEquals(DualActivation.Regime.MAJORITY_VOTE, HermiteDual.fromDual(0.1, 0.3, 0, 0.6).regime());
        assertEquals(DualActivation.Regime.MAJORITY_VOTE, Duals.relu().regime());
        assertEquals(DualActivation.Regime.UNCLASSIFIED, HermiteDual.monomial(1).regime());
        assertTrue(Double.isNaN(Duals.relu().singularExponent()));
    }

    @Test
    void builderRejectsUnnormalisedCoefficients() {
        assertThrows(IllegalArgumentException.class, () -> HermiteDual.builder().setCoefficients(1, 1).build());
        HermiteDual d = HermiteDual.builder().setCoefficients(1, 1).optNormalize(true).build();
        assertEquals(0.5 + 0.5 * 0.2, d.xi(0.2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> HermiteDual.fromDual(0.5, -0.1));
    }
}
