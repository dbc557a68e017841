package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class DeepSpikingMlpTest {

    @Test
    void tracesEveryLayerInOrderAndAveragesTheReadoutOverTime() {
        DeepSpikingMlp net = DeepSpikingMlp.builder().setWidths(6, 5).setOutputs(3).optTimeSteps(4)
                .setSynapse((l, w) -> Linear.builder().setUnits(w).build())
                .setNeuron(() -> SurrogateLif.builder().build()).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(3);
            NDArray x = m.randomUniform(0f, 1f, new Shape(2, 7));
            net.initialize(m, DataType.FLOAT32, x.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            List<Long> widths = new ArrayList<>();
            List<NDArray> currents = net.trace(ps, x, false, (l, block, in) -> widths.add(in.getShape().get(1)));
            assertEquals(List.of(7L, 6L, 5L), widths);
            assertEquals(new Shape(8, 3), currents.get(2).getShape());
            // The first layer sees the image at every step: its current is the same at each t.
            float[] first = currents.get(0).toFloatArray();
            for (int t = 1; t < 4; t++) {
                for (int j = 0; j < 6; j++) {
                    assertEquals(first[j], first[t * 6 + j], 1e-6);
                }
            }
            float[] logits = net.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] readout = currents.get(2).toFloatArray();
            float[] mean = new float[6];
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 4; t++) {
                    for (int k = 0; k < 3; k++) {
                        mean[b * 3 + k] += readout[(b * 4 + t) * 3 + k] / 4;
                    }
                }
            }
            assertArrayEquals(mean, logits, 1e-5f);
        }
    }
}
