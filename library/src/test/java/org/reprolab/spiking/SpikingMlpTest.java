package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

public class SpikingMlpTest {

    /**
     * A forward and backward pass of a {@link SpikingMlp} around {@code neuron} (T = 2, 5 examples of 6 features,
     * 8 hidden units, 3 classes): logits (5, 3), a spike rate strictly between 0 and 1, and finite gradients.
     * Returns the network for further checks of the neuron's own parameters.
     */
    public static SpikingMlp forwardAndBackward(Block neuron, NDManager m) {
        Engines.seed(3);
        SpikingMlp net = SpikingMlp.builder().setHidden(8).setOutputs(3).setNeuron(neuron).optTimeSteps(2).build();
        net.initialize(m, DataType.FLOAT32, new Shape(5, 6));
        NDArray x = m.randomUniform(0f, 1f, new Shape(5, 6));
        NDList out;
        try (GradientCollector gc = Engines.engine().newGradientCollector()) {
            out = net.forward(new ParameterStore(m, false), new NDList(x), true);
            gc.backward(out.get(0).sum().add(out.get(1)));
        }
        assertEquals(new Shape(5, 3), out.get(0).getShape());
        double rate = out.get(1).getFloat();
        assertTrue(rate > 0 && rate < 1, "spike rate " + rate);
        return net;
    }

    @Test
    void eventFramesGoInAsTheyAreOneFramePerStep() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SpikingMlp net = SpikingMlp.builder().setHidden(4).setOutputs(2).optTimeSteps(2).optFrames(true)
                    .setNeuron(SurrogateLif.builder().build()).build();
            net.initialize(m, DataType.FLOAT32, new Shape(3, 10));                     // 2 frames of 5 features
            NDArray x = m.randomUniform(0f, 5f, new Shape(3, 10));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray currents = net.currents(ps, x, false);                               // (3, 2, 4)
            assertEquals(new Shape(3, 2, 4), currents.getShape());
            NDArray w = net.inputLayer().getParameters().get("weight").getArray();      // (4, 5)
            NDArray b = net.inputLayer().getParameters().get("bias").getArray();
            NDArray expected = x.reshape(3, 2, 5).matMul(w.transpose()).add(b);
            float[] got = currents.toFloatArray();
            float[] want = expected.toFloatArray();
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-5);
            }
            assertEquals(new Shape(3, 2), net.forward(ps, new NDList(x), false).get(0).getShape());
        }
    }

    @Test
    void givesLogitsAndRateAndPassesGradientToTheInputLayer() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SpikingMlp net = forwardAndBackward(SurrogateLif.builder().optThreshold(0.2f).build(), m);
            float[] g = net.inputLayer().getParameters().get("weight").getArray().getGradient().toFloatArray();
            double sum = 0;
            for (float v : g) {
                assertTrue(Float.isFinite(v), "finite gradient");
                sum += Math.abs(v);
            }
            assertTrue(sum > 0, "the surrogate passes gradient to the input weights");
        }
    }
}
