package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class RateEncodingTest {

    @Test
    void spikesWithProbabilityGainTimesIntensity() {
        Engines.seed(7);
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {0f, 0.2f, 1f, 1.7f}).reshape(1, 4).repeat(0, 20_000);
            NDArray s = RateEncoding.encode(x, 3, 0.5f);
            assertEquals(new Shape(20_000, 3, 4), s.getShape());
            float[] rate = s.reshape(-1, 4).mean(new int[] {0}).toFloatArray();
            assertEquals(0, rate[0], 0);
            assertEquals(0.1, rate[1], 0.005);
            assertEquals(0.5, rate[2], 0.01);
            assertEquals(0.5, rate[3], 0.01); // clipped to 1
            assertEquals(s.sum().getFloat(), s.eq(1).sum().getLong(), 0);
        }
    }

    @Test
    void spikingMlpGivesLogitsAndRateAndPassesGradientToEpsilonAndTau() {
        for (ai.djl.nn.Block neuron : new ai.djl.nn.Block[] {UltraLif.plifBuilder().build(), UltraDlif.builder().build()}) {
            check(neuron);
        }
    }

    private static void check(ai.djl.nn.Block neuron) {
        Engines.seed(3);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SpikingMlp net = SpikingMlp.builder().setHidden(8).setOutputs(3).setNeuron(neuron)
                    .optTimeSteps(2).build();
            net.initialize(m, DataType.FLOAT32, new Shape(5, 6));
            NDArray x = m.randomUniform(0f, 1f, new Shape(5, 6));
            NDList out;
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                out = net.forward(new ParameterStore(m, false), new NDList(x), true);
                gc.backward(out.get(0).sum().add(out.get(1)));
            }
            assertEquals(new Shape(5, 3), out.get(0).getShape());
            double rate = out.get(1).getFloat();
            assertTrue(rate > 0 && rate < 1);
            for (String p : new String[] {"logEpsilon", "logTau"}) {
                if (net.neuron().getParameters().contains(p)) {
                    float g = net.neuron().getParameters().get(p).getArray().getGradient().getFloat();
                    assertTrue(g != 0 && Float.isFinite(g), neuron + ": gradient of " + p + " is " + g);
                }
            }
        }
    }
}
