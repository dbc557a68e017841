package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Engines;
import org.reprolab.spiking.SpikingMlp;
import org.reprolab.spiking.SurrogateLif;

class LayerGradientsTest {

    @Test
    void ultraLifDerivativesStayBelowTheBoundWhileTheSurrogateLifLosesUnitsFarFromThreshold() {
        Engines.seed(5);
        LabeledData test = Synthetic.blobs(200, 12, 3, 0.2, 1);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SpikingMlp ultra = SpikingMlp.builder().setHidden(16).setOutputs(3).setNeuron(UltraLif.builder().build())
                    .build();
            // a threshold far above any current: the surrogate's derivative underflows to 0 on every unit
            SpikingMlp lif = SpikingMlp.builder().setHidden(16).setOutputs(3)
                    .setNeuron(SurrogateLif.builder().optThreshold(60f).optAlpha(10f).build()).build();
            ultra.initialize(m, DataType.FLOAT32, new Shape(1, 12));
            lif.initialize(m, DataType.FLOAT32, new Shape(1, 12));
            LayerGradients g = LayerGradients.measure(ultra, lif, test, m);
            assertEquals(1, g.epsilon(), 1e-6);                          // untrained: ε starts at 1
            assertEquals(16, g.units());
            assertEquals(200 * 16, g.unitImages());
            assertTrue(g.boundRatio() > 0 && g.boundRatio() <= 1, "max ∂s/∂I · 4ε = " + g.boundRatio());
            assertEquals(0, g.deadUnits());
            assertEquals(0, g.zeros64());
            assertEquals(16, g.surrogateDeadUnits());
            assertTrue(g.minCurrent() <= g.maxCurrent());
            assertTrue(g.describe().contains("16 dead units"));
        }
    }
}
