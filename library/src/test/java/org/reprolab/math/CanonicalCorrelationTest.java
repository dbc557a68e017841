package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalCorrelationTest {

    @Test
    void anInvertibleLinearMapOfTheSameVariablesHasAllCorrelationsOne() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] x = gaussian(200, 4, rng);
        double[][] a = {{2, 1, 0, 0}, {0, 1, 3, 0}, {0, 0, 1, -1}, {1, 0, 0, 1}};
        double[][] y = LinearAlgebra.multiply(x, a);
        for (int i = 0; i < y.length; i++) {
            y[i][0] += 5; // an offset too: CCA centres
        }
        for (double c : CanonicalCorrelation.of(x, y)) {
            assertEquals(1, c, 1e-9);
        }
    }

    @Test
    void oneSharedSignalGivesItsPearsonCorrelationThenZero() {
        // x = (s, e1), y = (s + n, e2) with s, n, e orthogonal by construction: correlations (r, 0).
        int n = 8;
        double[] s = {1, -1, 1, -1, 1, -1, 1, -1};
        double[] noise = {1, 1, -1, -1, 1, 1, -1, -1};
        double[] e1 = {1, 1, 1, 1, -1, -1, -1, -1};
        double[] e2 = {1, -1, -1, 1, 1, -1, -1, 1};
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {s[i], e1[i]};
            y[i] = new double[] {s[i] + 0.5 * noise[i], e2[i]};
        }
        double[] c = CanonicalCorrelation.of(x, y);
        assertEquals(1 / Math.sqrt(1.25), c[0], 1e-12); // corr(s, s + n/2) = 1/√(1 + 1/4)
        assertEquals(0, c[1], 1e-7);
    }

    @Test
    void independentSetsHaveSmallCorrelationsAndTopComponentsOfTheSameDynamicsMatch() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] x = gaussian(2000, 3, rng);
        double[][] z = gaussian(2000, 3, rng);
        assertTrue(CanonicalCorrelation.of(x, z)[0] < 0.1);
        // 3 latent signals of very different scales embedded in 10 units, plus tiny noise, vs the latents themselves
        double[][] mix = gaussian(3, 10, rng);
        double[][] u = LinearAlgebra.multiply(LinearAlgebra.multiply(x, new double[][] {{3, 0, 0}, {0, 2, 0},
            {0, 0, 1}}), mix);
        for (double[] row : u) {
            for (int j = 0; j < row.length; j++) {
                row[j] += 1e-3 * rng.nextGaussian();
            }
        }
        assertEquals(1, CanonicalCorrelation.meanOfTopComponents(u, x, 3), 1e-4);
        double[][] scores = CanonicalCorrelation.principalScores(u, 3);
        assertTrue(Stats.variance(column(scores, 0)) > Stats.variance(column(scores, 1)));
    }

    private static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }

    private static double[][] gaussian(int n, int d, SplittableRandom rng) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return x;
    }
}
