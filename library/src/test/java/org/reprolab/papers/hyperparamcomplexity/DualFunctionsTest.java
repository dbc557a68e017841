package org.reprolab.papers.hyperparamcomplexity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class DualFunctionsTest {

    private static final double[][] U = {{1, 0, 2}, {3, 2, 0}, {2, 1, 1}, {0, 1, 3}};

    @Test
    void ermPicksTheLeastMeanLossOnTheSample() {
        assertArrayEquals(new double[] {2, 1, 1}, DualFunctions.meanCurve(U, new int[] {0, 1}), 1e-12);
        assertEquals(1, DualFunctions.erm(U, new int[] {0, 1})); // first of the tied least
        assertEquals(2, DualFunctions.erm(U, new int[] {1}));
    }

    @Test
    void uniformDeviationIsTheLargestGapBetweenMeanCurves() {
        // sample {0}: (1, 0, 2); population {0, 1, 2, 3}: (1.5, 1, 1.5); gaps (0.5, 1, 0.5)
        assertEquals(1.0, DualFunctions.uniformDeviation(U, new int[] {0}, new int[] {0, 1, 2, 3}), 1e-12);
        assertEquals(0.0, DualFunctions.uniformDeviation(U, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}), 1e-12);
    }

    @Test
    void localExtremaOfASampledSineAndJumpsOfAStep() {
        double[] sine = new double[201];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = Math.sin(i * 4 * Math.PI / 200); // two periods: maxima at π/2, 5π/2, minima at 3π/2, 7π/2
        }
        assertEquals(4, DualFunctions.localExtrema(sine));
        assertEquals(0, DualFunctions.localExtrema(new double[] {1, 1, 2, 2, 3}));
        assertEquals(1, DualFunctions.jumps(new double[] {0, 0.01, 0.02, 1, 1.01}, 0.5));
    }

    @Test
    void theInterpolatedActivationIsTanhAtZeroAndReluAtOne() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            float[] x = {-2f, -0.5f, 0f, 0.5f, 2f};
            float[] tanh = InterpolatedActivation.apply(m.create(x), 0).toFloatArray();
            float[] relu = InterpolatedActivation.apply(m.create(x), 1).toFloatArray();
            float[] half = InterpolatedActivation.apply(m.create(x), 0.5).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(Math.tanh(x[i]), tanh[i], 1e-6);
                assertEquals(Math.max(0, x[i]), relu[i], 1e-6);
                assertEquals(InterpolatedActivation.value(x[i], 0.5), half[i], 1e-6);
            }
        }
    }
}
