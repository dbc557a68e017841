package org.reprolab.papers.bitbudget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.spiking.DeepSpikingMlp;

class BitBudgetTest {

    @Test
    void ternaryWeightsTakeThreeSymmetricValues() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray w = m.create(new float[] {-0.9f, -0.4f, 0.1f, 0.46f, 0.6f, 0.9f});
            assertArrayEquals(new float[] {-0.9f, 0f, 0f, 0.9f, 0.9f, 0.9f},
                    QuantizedLinear.quantize(w, 2).toFloatArray(), 1e-6f);
            float[] q4 = QuantizedLinear.quantize(m.randomUniform(-1, 1, new Shape(1000)), 4).toFloatArray();
            assertTrue(Arrays.stream(toDouble(q4)).distinct().count() <= 15);            // 2·7 + 1 levels
        }
    }

    @Test
    void quantisedWeightsPassTheGradientStraightThrough() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray w = m.create(new float[] {-0.9f, 0.2f, 0.5f});
            w.setRequiresGradient(true);
            NDArray c = m.create(new float[] {1f, 2f, 3f});
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                gc.backward(QuantizedLinear.quantize(w, 3).mul(c).sum());
            }
            assertArrayEquals(new float[] {1f, 2f, 3f}, w.getGradient().toFloatArray(), 0);
        }
    }

    @Test
    void gridKeepsExactlyTheConfigurationsOfEachBudget() {
        List<BitBudget.Config> g = BitBudget.grid(new int[] {2, 4, 8}, new int[] {1, 2, 4}, new int[] {1, 2, 4, 8},
                8);
        assertEquals(6, g.size());                     // (2,1,4) (2,2,2) (2,4,1) (4,1,2) (4,2,1) (8,1,1)
        g.forEach(c -> assertEquals(8, c.budget()));
    }

    @Test
    void costCountsNonzeroSpikesTimesFanOutAndStaysWithinTheBudget() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(1);
            BitBudget.Config c = new BitBudget.Config(4, 2, 3);
            DeepSpikingMlp net = c.network(new int[] {5}, 2);
            net.initialize(m, DataType.FLOAT32, new Shape(4, 6));
            float[] x = new float[4 * 6];
            for (int i = 0; i < x.length; i++) {
                x[i] = (i % 7) / 3f;
            }
            LabeledData data = new LabeledData("toy", x, new int[] {0, 1, 0, 1}, 6, List.of("a", "b"));
            BitBudget.Cost cost = BitBudget.cost(net, c, data, m);
            long[] nonzero = new long[1];
            net.trace(new ai.djl.training.ParameterStore(m, false), data.featuresNd(m), false, (l, b, in) -> {
                if (l == 1) {
                    nonzero[0] = in.countNonzero().getLong();
                }
            });
            assertEquals(nonzero[0] * 2.0 / 4, cost.synapticOps(), 1e-12);      // fan-out 2, 4 examples
            assertEquals(cost.synapticOps() * 8, cost.bitOps(), 1e-9);
            assertEquals(5 * 2 * 8 * 3, cost.denseBitOps(), 1e-9);
            assertTrue(cost.bitOps() <= cost.denseBitOps());
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
