package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void pearsonOfAHandComputedCase() {
        // x = (1, 2, 3), y = (1, 3, 2): Σ dx dy = 1, Σ dx² = 2, Σ dy² = 2, r = 1/2.
        assertEquals(0.5, Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-15);
        assertEquals(-1, Correlation.pearson(new double[] {1, 2, 3}, new double[] {6, 4, 2}), 1e-15);
    }

    @Test
    void spearmanIsOneForAnyIncreasingMapAndMatchesTheNoTieFormula() {
        double[] x = {0.1, 0.5, 0.2, 0.9, 0.7};
        double[] cubed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cubed[i] = Math.exp(10 * x[i]);
        }
        assertEquals(1, Correlation.spearman(x, cubed), 1e-15);
        // Without ties ρ = 1 − 6 Σ d² / (n (n² − 1)); ranks of y = (2, 1, 4, 3, 5) against x's (1, 3, 2, 5, 4).
        double[] y = {2, 1, 4, 3, 5};
        double d2 = 1 + 4 + 4 + 4 + 1;
        assertEquals(1 - 6 * d2 / (5 * 24), Correlation.spearman(x, y), 1e-12);
    }
}
