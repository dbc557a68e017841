package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BtfConstraintTest {

    /** A random block: n inputs, the given free mask, entries uniform in [−1.5, 1.5]; fixed inputs ±1. */
    private static double[][] block(SplittableRandom rng, boolean[] free) {
        int n = free.length;
        double[] w = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 3 * rng.nextDouble() - 1.5;
            x[i] = free[i] ? 3 * rng.nextDouble() - 1.5 : (rng.nextBoolean() ? 1 : -1);
        }
        return new double[][] {w, x};
    }

    private static boolean[] randomMask(SplittableRandom rng, int n) {
        boolean[] free = new boolean[n];
        for (int i = 0; i < n; i++) {
            free[i] = rng.nextBoolean();
        }
        return free;
    }

    private static double dist2(double[] w, double[] x, double y, double[] w2, double[] x2, double y2) {
        double d = (y2 - y) * (y2 - y);
        for (int i = 0; i < w.length; i++) {
            d += (w2[i] - w[i]) * (w2[i] - w[i]) + (x2[i] - x[i]) * (x2[i] - x[i]);
        }
        return d;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Brute force over the free inputs: for each x' on a grid (spacing h over [−range, range] per free entry) and
     * each sign s, the nearest w' is the projection of w onto the half-space {s w'·x' ≥ c}, whose squared
     * distance is max(0, c − s w·x')²/|x'|². Returns the smallest total squared distance found.
     */
    private static double gridOracle(double[] w, double[] x, boolean[] free, double y, double c, double range,
            double h) {
        int n = w.length;
        int[] freeIdx = java.util.stream.IntStream.range(0, n).filter(i -> free[i]).toArray();
        int steps = (int) Math.round(2 * range / h) + 1;
        long total = 1;
        for (int k = 0; k < freeIdx.length; k++) {
            total *= steps;
        }
        double best = Double.POSITIVE_INFINITY;
        double[] xp = x.clone();
        for (long cell = 0; cell < total; cell++) {
            long rem = cell;
            double moved = 0;
            for (int i : freeIdx) {
                xp[i] = -range + h * (rem % steps);
                rem /= steps;
                moved += (xp[i] - x[i]) * (xp[i] - x[i]);
            }
            double norm2 = dot(xp, xp);
            double wx = dot(w, xp);
            for (int s = -1; s <= 1; s += 2) {
                double gap = Math.max(0, c - s * wx);
                double cost = moved + (norm2 > 0 ? gap * gap / norm2 : (gap > 0 ? Double.POSITIVE_INFINITY : 0))
                        + (s - y) * (s - y);
                best = Math.min(best, cost);
            }
        }
        return best;
    }

    @Test
    void projectionLandsInTheSetAndKeepsFixedInputs() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int t = 0; t < 2000; t++) {
            int n = 1 + rng.nextInt(7);
            boolean[] free = randomMask(rng, n);
            double[][] b = block(rng, free);
            double y = 3 * rng.nextDouble() - 1.5;
            double c = 2 * rng.nextDouble();
            double[] w2 = new double[n];
            double[] x2 = new double[n];
            double y2 = BtfConstraint.project(b[0], b[1], free, y, c, w2, x2);
            assertTrue(y2 == 1 || y2 == -1);
            assertTrue(y2 * dot(w2, x2) >= c - 1e-9 * (1 + c), "margin " + y2 * dot(w2, x2) + " < " + c);
            for (int i = 0; i < n; i++) {
                if (!free[i]) {
                    assertEquals(b[1][i], x2[i], 0.0);
                }
            }
        }
    }

    @Test
    void projectionIsIdempotent() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int t = 0; t < 2000; t++) {
            int n = 1 + rng.nextInt(7);
            boolean[] free = randomMask(rng, n);
            double[][] b = block(rng, free);
            double c = 2 * rng.nextDouble();
            double[] w2 = new double[n];
            double[] x2 = new double[n];
            double y2 = BtfConstraint.project(b[0], b[1], free, 3 * rng.nextDouble() - 1.5, c, w2, x2);
            double[] w3 = new double[n];
            double[] x3 = new double[n];
            double y3 = BtfConstraint.project(w2, x2, free, y2, c, w3, x3);
            assertEquals(y2, y3, 0.0);
            assertArrayEquals(w2, w3, 1e-9);
            assertArrayEquals(x2, x3, 1e-9);
        }
    }

    @Test
    void projectionIsTheNearestPointAgainstBruteForce() {
        SplittableRandom rng = new SplittableRandom(3);
        boolean[][] masks = {
            {true, false},              // one upstream copy and a bias
            {true, false, false},       // one copy, one data input, a bias
            {true, true},               // two copies, no fixed input
            {true, true, false},        // two copies and a bias
            {false, false, false},      // first layer: a half-space projection in w
        };
        for (boolean[] free : masks) {
            int freeCount = 0;
            for (boolean f : free) {
                freeCount += f ? 1 : 0;
            }
            double h = freeCount == 1 ? 2e-4 : 6e-3;
            for (int t = 0; t < (freeCount == 1 ? 12 : 6); t++) {
                double[][] b = block(rng, free);
                double y = 3 * rng.nextDouble() - 1.5;
                double c = 1.5 * rng.nextDouble();
                int n = free.length;
                double[] w2 = new double[n];
                double[] x2 = new double[n];
                double y2 = BtfConstraint.project(b[0], b[1], free, y, c, w2, x2);
                double ours = dist2(b[0], b[1], y, w2, x2, y2);
                double range = 3;
                for (double v : x2) {
                    range = Math.max(range, 1.2 * Math.abs(v));
                }
                double oracle = gridOracle(b[0], b[1], free, y, c, range, h);
                // The grid minimum is never below the true minimum, and lies above it by O(h²).
                assertTrue(ours <= oracle + 1e-9, "a grid point is nearer: " + oracle + " < " + ours);
                assertEquals(oracle, ours, freeCount == 1 ? 1e-6 : 5e-4);
            }
        }
    }

    @Test
    void degenerateBlockWithCopiesOppositeToWeightsIsStillNearest() {
        // x_f = −w_f: p = 0, the root of h(λ) sits at λ = 1 and the direction of p' is free.
        boolean[] free = {true, false};
        double[] w = {0.4, -0.2};
        double[] x = {-0.4, 1};
        double c = 1.0;
        double[] w2 = new double[2];
        double[] x2 = new double[2];
        double y2 = BtfConstraint.project(w, x, free, 0.9, c, w2, x2);
        assertTrue(y2 * dot(w2, x2) >= c - 1e-9);
        double ours = dist2(w, x, 0.9, w2, x2, y2);
        assertEquals(gridOracle(w, x, free, 0.9, c, 3, 2e-4), ours, 1e-6);
    }

    @Test
    void firstLayerProjectionIsTheHalfSpaceProjection() {
        // All inputs fixed: P(w) = w + λ y x with λ = (c − y w·x)/|x|², for the sign y nearest overall.
        double[] w = {0.3, -0.1, 0.2};
        double[] x = {1, 1, -1};
        boolean[] free = {false, false, false};
        double c = 1;
        double[] w2 = new double[3];
        double[] x2 = new double[3];
        double y2 = BtfConstraint.project(w, x, free, 0.8, c, w2, x2);
        assertEquals(1, y2, 0.0);
        double lambda = (c - dot(w, x)) / 3;
        assertArrayEquals(new double[] {0.3 + lambda, -0.1 + lambda, 0.2 - lambda}, w2, 1e-15);
        assertEquals(c, dot(w2, x), 1e-15);
    }

    /**
     * Brute force for the Boolean set: every sign pattern (x'_f, y'), and for each a grid search over w' in
     * [−range, range]^n with spacing h (no closed form involved). Returns the smallest squared distance found.
     */
    private static double booleanGridOracle(double[] w, double[] x, boolean[] free, double y, double fixedSign,
            double c, double range, double h) {
        int n = w.length;
        int[] freeIdx = java.util.stream.IntStream.range(0, n).filter(i -> free[i]).toArray();
        int steps = (int) Math.round(2 * range / h) + 1;
        double best = Double.POSITIVE_INFINITY;
        double[] xp = x.clone();
        double[] wp = new double[n];
        for (int pattern = 0; pattern < 1 << freeIdx.length; pattern++) {
            double moved = 0;
            for (int q = 0; q < freeIdx.length; q++) {
                xp[freeIdx[q]] = ((pattern >> q) & 1) == 1 ? 1 : -1;
                moved += (xp[freeIdx[q]] - x[freeIdx[q]]) * (xp[freeIdx[q]] - x[freeIdx[q]]);
            }
            for (int s = -1; s <= 1; s += 2) {
                if (fixedSign != 0 && s != fixedSign) {
                    continue;
                }
                long total = 1;
                for (int i = 0; i < n; i++) {
                    total *= steps;
                }
                for (long cell = 0; cell < total; cell++) {
                    long rem = cell;
                    double dw = 0;
                    for (int i = 0; i < n; i++) {
                        wp[i] = -range + h * (rem % steps);
                        rem /= steps;
                        dw += (wp[i] - w[i]) * (wp[i] - w[i]);
                    }
                    if (s * dot(wp, xp) >= c) {
                        best = Math.min(best, moved + dw + (s - y) * (s - y));
                    }
                }
            }
        }
        return best;
    }

    @Test
    void booleanProjectionIsTheNearestPointAgainstBruteForce() {
        SplittableRandom rng = new SplittableRandom(11);
        boolean[][] masks = {{true, false}, {false, false}, {true, true}, {true, true, false}};
        for (boolean[] free : masks) {
            int n = free.length;
            double h = n == 2 ? 0.01 : 0.06;
            for (int t = 0; t < (n == 2 ? 10 : 4); t++) {
                double[][] b = block(rng, free);
                double y = 3 * rng.nextDouble() - 1.5;
                double c = 1.5 * rng.nextDouble();
                double fixedSign = t % 3 == 2 ? (rng.nextBoolean() ? 1 : -1) : 0;   // sometimes an output node
                double[] w2 = new double[n];
                double[] x2 = new double[n];
                double y2 = BtfConstraint.projectBoolean(b[0], b[1], free, y, fixedSign, c, w2, x2);
                if (fixedSign != 0) {
                    assertEquals(fixedSign, y2, 0.0);
                }
                for (int i = 0; i < n; i++) {
                    assertTrue(free[i] ? Math.abs(x2[i]) == 1 : x2[i] == b[1][i]);
                }
                assertTrue(y2 * dot(w2, x2) >= c - 1e-12);
                double ours = dist2(b[0], b[1], y, w2, x2, y2);
                double oracle = booleanGridOracle(b[0], b[1], free, y, fixedSign, c, 3, h);
                assertTrue(ours <= oracle + 1e-9, "a grid point is nearer: " + oracle + " < " + ours);
                // The grid optimum is within half a grid step of the true one in every weight.
                assertEquals(oracle, ours, n * h * (2 * Math.sqrt(ours) + n * h));
            }
        }
    }

    @Test
    void booleanProjectionIsIdempotent() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int t = 0; t < 2000; t++) {
            int n = 1 + rng.nextInt(7);
            boolean[] free = randomMask(rng, n);
            double[][] b = block(rng, free);
            double c = 2 * rng.nextDouble();
            double[] w2 = new double[n];
            double[] x2 = new double[n];
            double y2 = BtfConstraint.projectBoolean(b[0], b[1], free, 3 * rng.nextDouble() - 1.5, 0, c, w2, x2);
            double[] w3 = new double[n];
            double[] x3 = new double[n];
            double y3 = BtfConstraint.projectBoolean(w2, x2, free, y2, 0, c, w3, x3);
            assertEquals(y2, y3, 0.0);
            assertArrayEquals(w2, w3, 1e-12);
            assertArrayEquals(x2, x3, 0.0);
        }
    }
}
