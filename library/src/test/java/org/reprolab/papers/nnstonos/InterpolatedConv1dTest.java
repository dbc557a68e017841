package org.reprolab.papers.nnstonos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.operators.PeriodicField;
import org.reprolab.operators.Resample;

class InterpolatedConv1dTest {

    @Test
    void interpolationKeepsTheTapsAtTheirPositionsAndTheKernelsIntegral() {
        // k = 3, s = 2: k' = 5; taps at positions 0, 2, 4 keep w, midpoints average neighbours, all times k/k' = 3/5.
        float[] m = InterpolatedConv1d.interpolation(3, 2);
        float[] w = {1, 3, 5};
        float[] wk = new float[5];
        for (int j = 0; j < 5; j++) {
            for (int t = 0; t < 3; t++) {
                wk[j] += w[t] * m[t * 5 + j];
            }
        }
        assertArrayEquals(new float[] {0.6f, 1.2f, 1.8f, 2.4f, 3f}, wk, 1e-6f);
    }

    @Test
    void aConstantInputGivesTheQuadratureOfTheKernelAndOutputsConverge() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray w = m.create(new float[] {1, -2, 4, 0.5f, 3}, new Shape(1, 1, 5));
            for (int n : new int[] {16, 32, 64}) {
                float[] y = InterpolatedConv1d.interpolatedConv(m.ones(new Shape(1, 1, n)), w, 16).toFloatArray();
                // Σ_j' κ(j'/s) = s·(trapezoid integral 4.5) + (end taps 1 + 3)/2, times k/k' = 5/(4s + 1).
                int s = n / 16;
                double expected = (s * 4.5 + 2) * 5 / (4.0 * s + 1);
                assertEquals(expected, y[0], 1e-4);
            }
            PeriodicField f = PeriodicField.gaussian(6, 2, 3, new java.util.SplittableRandom(4));
            double[] prev = null;
            double lastDiff = Double.NaN;
            double firstDiff = Double.NaN;
            for (int n : new int[] {32, 64, 128, 256}) {
                float[] v = new float[n];
                double[] fs = f.sample(n);
                for (int i = 0; i < n; i++) {
                    v[i] = (float) fs[i];
                }
                float[] y = InterpolatedConv1d.interpolatedConv(m.create(v, new Shape(1, 1, n)), w, 32).toFloatArray();
                double[] yd = new double[n];
                for (int i = 0; i < n; i++) {
                    yd[i] = y[i];
                }
                if (prev != null) {
                    double d = Resample.relativeL2(Resample.subsample(yd, 2), prev);
                    firstDiff = Double.isNaN(firstDiff) ? d : firstDiff;
                    lastDiff = d;
                }
                prev = yd;
            }
            assertTrue(lastDiff < firstDiff / 2, "differences shrink: " + firstDiff + " then " + lastDiff);
        }
    }
}
