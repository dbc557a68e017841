package org.reprolab.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class OperatorLayersTest {

    @Test
    void gridConvMatchesAHandComputedCrossCorrelation() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 4));
            NDArray w = m.create(new float[] {1, 10, 100}, new Shape(1, 1, 3));
            // y_i = x_{i−1} + 10 x_i + 100 x_{i+1}, zero outside
            assertArrayEquals(new float[] {210, 321, 432, 43}, GridConv.conv(x, w, 1).toFloatArray(), 1e-4f);
            NDArray x2 = m.arange(9f).reshape(1, 1, 3, 3);
            NDArray w2 = m.zeros(new Shape(1, 1, 3, 3));
            w2.set(new float[] {0, 0, 0, 0, 0, 1, 0, 0, 0}); // picks the right neighbour
            assertArrayEquals(new float[] {1, 2, 0, 4, 5, 0, 7, 8, 0}, GridConv.conv(x2, w2, 1).toFloatArray(), 0f);
        }
    }

    @Test
    void spectralConvWithUnitWeightsKeepsTheFirstModesAtEveryResolution() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            PeriodicField f = new PeriodicField(new double[] {0.5, 0, 0.2}, new double[] {1, 0.3, 0});
            PeriodicField low = new PeriodicField(new double[] {0.5, 0}, new double[] {1, 0.3});
            NDArray wr = m.ones(new Shape(3, 1, 1)); // modes 0, 1, 2 kept: mode 3 is dropped
            NDArray wi = m.zeros(new Shape(3, 1, 1));
            for (int n : new int[] {16, 64}) {
                NDArray x = m.create(toFloat(f.sample(n)), new Shape(1, 1, n));
                float[] y = SpectralConv1d.spectralConv(x, wr, wi).toFloatArray();
                assertArrayEquals(toFloat(low.sample(n)), y, 1e-5f);
            }
        }
    }

    @Test
    void cnnDepthMatchesTheParameterBudget() {
        // width 4, 1-D, kernel 3: ends 3·4 + 4 + 3·4 + 1 = 29, middle 3·16 + 4 = 52 per layer.
        assertEquals(2 + 3, OperatorNets.cnnDepthFor(1, 3, 1, 4, 1, 29 + 3 * 52 + 10));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
