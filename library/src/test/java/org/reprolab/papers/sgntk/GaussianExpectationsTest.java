package org.reprolab.papers.sgntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.reprolab.math.SpecialFunctions;

class GaussianExpectationsTest {

    /** Covariances (a, b, c) tried throughout: equal and unequal variances, positive, negative and near-one ρ. */
    private static final double[][] COVARIANCES = {{1, 1, 0.3}, {0.51, 0.51, -0.2}, {0.8, 1.7, 0.9}, {2.0, 0.5, 0.99},
        {0.51, 0.51, 0.5}};

    /** E[f(u, v)] by Monte Carlo with n samples, and its standard error. */
    private static double[] monteCarlo(DoubleBinaryOperator f, double a, double b, double c, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double l21 = c / Math.sqrt(a);
        double l22 = Math.sqrt(b - l21 * l21);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            double v = f.applyAsDouble(Math.sqrt(a) * z1, l21 * z1 + l22 * z2);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt((sumSq / n - mean * mean) / n)};
    }

    @Test
    void gaussHermiteRuleIntegratesNormalMomentsExactly() {
        for (int nodes : new int[] {8, 16, 64}) {
            double[][] rule = GaussianExpectations.rule(nodes);
            double doubleFactorial = 1;
            for (int k = 0; k < 2 * nodes && k <= 20; k += 2) {
                final int power = k;
                double moment = GaussianExpectations.expectation(z -> Math.pow(z, power), nodes);
                assertEquals(doubleFactorial, moment, 1e-10 * doubleFactorial, "E[z^" + k + "] with " + nodes + " nodes");
                double odd = GaussianExpectations.expectation(z -> Math.pow(z, power + 1), nodes);
                assertEquals(0, odd, 1e-9 * doubleFactorial);
                doubleFactorial *= k + 1;
            }
            assertEquals(nodes, rule[0].length);
        }
    }

    @Test
    void erfArcsineKernelMatchesQuadrature() {
        for (double[] p : COVARIANCES) {
            for (double[] mk : new double[][] {{1, 1}, {0.5, 2}, {1.5, 0.7}}) {
                double quad = GaussianExpectations.quadrature(
                        (u, v) -> SpecialFunctions.erf(mk[0] * u) * SpecialFunctions.erf(mk[1] * v), p[0], p[1], p[2], 64);
                assertEquals(quad, GaussianExpectations.erfErf(mk[0], mk[1], p[0], p[1], p[2]), 1e-6);
            }
        }
    }

    @Test
    void erfArcsineKernelMatchesMonteCarloForSteepErf() {
        double[] p = {0.51, 0.51, 0.4};
        double m = 5;
        double[] mc = monteCarlo((u, v) -> SpecialFunctions.erf(m * u) * SpecialFunctions.erf(m * v), p[0], p[1], p[2],
                400_000, 1);
        assertEquals(mc[0], GaussianExpectations.erfErf(m, m, p[0], p[1], p[2]), 4 * mc[1]);
    }

    @Test
    void erfDerivativeProductMatchesQuadrature() {
        Derivative d1 = Derivative.erf(1);
        Derivative d2 = Derivative.erf(0.6);
        for (double[] p : COVARIANCES) {
            double quad = GaussianExpectations.quadrature((u, v) -> d1.at(u) * d2.at(v), p[0], p[1], p[2], 64);
            assertEquals(quad, GaussianExpectations.erfBumps(1, 0.6, p[0], p[1], p[2]), 1e-8);
            assertEquals(quad, GaussianExpectations.derivativeProduct(d1, d2, p[0], p[1], p[2]), 1e-8);
        }
    }

    @Test
    void signArcsineKernelMatchesMonteCarlo() {
        for (double[] p : COVARIANCES) {
            double[] mc = monteCarlo((u, v) -> Math.signum(u) * Math.signum(v), p[0], p[1], p[2], 200_000, 2);
            assertEquals(mc[0], GaussianExpectations.signSign(p[0], p[1], p[2]), 4 * mc[1] + 1e-12);
        }
        // ρ = 0 gives 0, ρ = 1 gives 1.
        assertEquals(0, GaussianExpectations.signSign(1, 1, 0), 1e-15);
        assertEquals(1, GaussianExpectations.signSign(0.7, 0.7, 0.7), 1e-15);
    }

    @Test
    void reluArccosineKernelsMatchMonteCarlo() {
        for (double[] p : COVARIANCES) {
            double[] relu = monteCarlo((u, v) -> Math.max(0, u) * Math.max(0, v), p[0], p[1], p[2], 200_000, 3);
            assertEquals(relu[0], GaussianExpectations.reluRelu(p[0], p[1], p[2]), 4 * relu[1]);
            double[] step = monteCarlo((u, v) -> (u > 0 ? 1 : 0) * (v > 0 ? 1 : 0), p[0], p[1], p[2], 200_000, 4);
            assertEquals(step[0], GaussianExpectations.heavisides(p[0], p[1], p[2]), 4 * step[1]);
        }
        // On the diagonal E[relu(u)²] = a/2 and P(u > 0) = 1/2.
        assertEquals(0.65, GaussianExpectations.reluRelu(1.3, 1.3, 1.3), 1e-15);
        assertEquals(0.5, GaussianExpectations.heavisides(1.3, 1.3, 1.3), 1e-15);
    }

    @Test
    void deltaTimesErfBumpIsTheLimitOfSteepErfDerivatives() {
        for (double[] p : COVARIANCES) {
            double limit = GaussianExpectations.deltaErfBump(2, p[0], p[1], p[2]);
            // Eq. E2 approaches Eq. E6 with relative corrections O(1/m²) (about 1e-6 at m = 3000; larger m loses
            // digits to cancellation in E2's determinant).
            double steep = GaussianExpectations.erfBumps(3000, 2, p[0], p[1], p[2]);
            assertEquals(limit, steep, 1e-5 * limit);
            // And against its definition, 2·p_u(0)·E[erf_2'(v) | u = 0], by one-dimensional quadrature.
            double s = Math.sqrt(p[1] - p[2] * p[2] / p[0]);
            double conditional = GaussianExpectations.expectation(z -> Derivative.erf(2).at(s * z), 150);
            assertEquals(2 * SpecialFunctions.normalPdf(0) / Math.sqrt(p[0]) * conditional, limit, 1e-10 * limit);
        }
    }

    @Test
    void deltaTimesDeltaIsFiniteOffTheDiagonalAndInfiniteOnIt() {
        double off = GaussianExpectations.deltaDelta(0.51, 0.51, 0.3);
        assertEquals(off, GaussianExpectations.erfBumps(3000, 3000, 0.51, 0.51, 0.3), 1e-5 * off);
        assertEquals(Double.POSITIVE_INFINITY, GaussianExpectations.deltaDelta(0.51, 0.51, 0.51));
        // Steep erf derivatives on the diagonal grow linearly in m: E[erf_m'(u)²] ≈ 2m/(π√a).
        double m = 1e4;
        assertEquals(2 * m / (Math.PI * Math.sqrt(0.51)), GaussianExpectations.erfBumps(m, m, 0.51, 0.51, 0.51),
                1e-3 * m);
    }

    @Test
    void mixedBumpAndStepMatchesQuadratureOfTheConditionalProbability() {
        // E[erf_k'(u)·Φ(E[v|u]/s)], one-dimensional, with enough nodes for the narrow bump; near ρ = ±1 the
        // conditional probability becomes a step that quadrature resolves poorly (Monte Carlo covers that case).
        for (double[] p : COVARIANCES) {
            double s = Math.sqrt(p[1] - p[2] * p[2] / p[0]);
            if (s < 0.3) {
                continue;
            }
            double quad = GaussianExpectations.expectation(z -> {
                double u = Math.sqrt(p[0]) * z;
                return Derivative.erf(3).at(u) * SpecialFunctions.normalCdf(p[2] / p[0] * u / s);
            }, 200);
            assertEquals(quad, GaussianExpectations.erfBumpHeaviside(3, p[0]), 1e-6 * quad);
        }
    }

    @Test
    void mixedBumpAndStepMatchesMonteCarlo() {
        Derivative bump = Derivative.erf(1.5);
        Derivative step = Derivative.heaviside();
        for (double[] p : COVARIANCES) {
            double[] mc = monteCarlo((u, v) -> bump.at(u) * step.at(v), p[0], p[1], p[2], 200_000, 5);
            assertEquals(mc[0], GaussianExpectations.derivativeProduct(bump, step, p[0], p[1], p[2]), 4 * mc[1]);
            double[] swapped = monteCarlo((u, v) -> step.at(u) * bump.at(v), p[0], p[1], p[2], 200_000, 6);
            assertEquals(swapped[0], GaussianExpectations.derivativeProduct(step, bump, p[0], p[1], p[2]),
                    4 * swapped[1]);
        }
    }

    @Test
    void quadratureOfAProductOfLinearFunctionsIsTheCovariance() {
        for (double[] p : COVARIANCES) {
            assertEquals(p[2], GaussianExpectations.quadrature((u, v) -> u * v, p[0], p[1], p[2], 8), 1e-12);
            assertTrue(GaussianExpectations.quadrature((u, v) -> u * u, p[0], p[1], p[2], 8) - p[0] < 1e-12);
        }
    }
}
