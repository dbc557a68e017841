package org.reprolab.papers.selu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.math.SpecialFunctions;

class SeluMomentMapTest {

    private static double selu(double z, double lambda, double alpha) {
        return z > 0 ? lambda * z : lambda * alpha * Math.expm1(z);
    }

    /** E[f(z)] for z ~ N(m, v) by Simpson's rule over m ± 14σ: an oracle independent of the closed form. */
    private static double expect(java.util.function.DoubleUnaryOperator f, double m, double v) {
        double sd = Math.sqrt(v);
        int n = 200_000;
        double a = m - 14 * sd;
        double h = 28 * sd / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = a + i * h;
            double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * f.applyAsDouble(z) * SpecialFunctions.normalPdf((z - m) / sd) / sd;
        }
        return sum * h / 3;
    }

    @Test
    void closedFormMomentsMatchNumericalIntegration() {
        SeluMomentMap g = SeluMomentMap.paper();
        double[][] points = {{0, 0, 1, 1}, {0.3, 0.8, 1.4, 1.05}, {-0.5, 0.6, 0.7, 0.9}, {1.0, 1.0, 2.0, 1.0}};
        for (double[] p : points) {
            double m = p[0] * p[1];
            double v = p[2] * p[3];
            double mean = expect(z -> selu(z, g.lambda(), g.alpha()), m, v);
            double second = expect(z -> Math.pow(selu(z, g.lambda(), g.alpha()), 2), m, v);
            assertEquals(mean, g.mean(p[0], p[1], p[2], p[3]), 1e-9);
            assertEquals(second, g.secondMoment(p[0], p[1], p[2], p[3]), 1e-9);
        }
    }

    @Test
    void paperConstantsMakeZeroOneAFixedPoint() {
        double[] out = SeluMomentMap.paper().apply(0, 1, 0, 1);
        assertEquals(0, out[0], 1e-15);
        assertEquals(1, out[1], 1e-14);
    }

    @Test
    void spectralNormOfDiagonalAndRotationMatrices() {
        assertEquals(3, SeluMomentMap.spectralNorm(new double[][] {{3, 0}, {0, -2}}), 1e-15);
        double c = Math.cos(0.4);
        double s = Math.sin(0.4);
        assertEquals(1, SeluMomentMap.spectralNorm(new double[][] {{c, -s}, {s, c}}), 1e-15);
        // [[0, b], [0, d]] has norm sqrt(b² + d²).
        assertEquals(Math.hypot(0.3, 0.4), SeluMomentMap.spectralNorm(new double[][] {{0, 0.3}, {0, 0.4}}), 1e-15);
    }

    @Test
    void jacobianAtTheFixedPointHasTheKnownEntries() {
        double[][] j = SeluMomentMap.paper().jacobian(0, 1, 0, 1);
        // With ω = 0 the outputs do not depend on μ.
        assertEquals(0, j[0][0], 1e-9);
        assertEquals(0, j[1][0], 1e-9);
        assertTrue(j[0][1] > 0.088 && j[0][1] < 0.089, "∂μ̃/∂ν = " + j[0][1]);
        assertTrue(j[1][1] > 0.782 && j[1][1] < 0.783, "∂ν̃/∂ν = " + j[1][1]);
    }

    @Test
    void maxSpectralNormOnTheDomainIsTheLargestOverItsGrid() {
        SeluMomentMap g = SeluMomentMap.paper();
        SeluMomentMap.DomainMaximum m = g.maxSpectralNormOnTheorem1Domain(3);
        double largest = 0;
        for (double mu : new double[] {-0.1, 0, 0.1}) {
            for (double omega : new double[] {-0.1, 0, 0.1}) {
                for (double nu : new double[] {0.8, 1.15, 1.5}) {
                    for (double tau : new double[] {0.95, 1.025, 1.1}) {
                        largest = Math.max(largest, SeluMomentMap.spectralNorm(g.jacobian(mu, nu, omega, tau)));
                    }
                }
            }
        }
        // the grid's coordinates are computed, not typed, so they differ in the last bits: 1e-9
        assertEquals(largest, m.norm(), 1e-9);
        assertEquals(m.norm(), SeluMomentMap.spectralNorm(g.jacobian(m.mu(), m.nu(), m.omega(), m.tau())), 1e-12);
        assertTrue(m.norm() < 1, "Theorem 1: a contraction on the domain");
    }

    @Test
    void iteratingTheMapApproachesTheFixedPoint() {
        SeluMomentMap g = SeluMomentMap.paper();
        double[][] path = g.iterate(0.5, 2.0, 30);
        assertEquals(31, path.length);
        assertEquals(0.5, path[0][0], 0);
        assertEquals(g.apply(0.5, 2.0, 0, 1)[1], path[1][1], 0);
        assertEquals(0, path[30][0], 1e-3);
        assertEquals(1, path[30][1], 1e-3);
    }
}
