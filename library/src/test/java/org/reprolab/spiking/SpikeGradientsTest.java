package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class SpikeGradientsTest {

    @Test
    void surrogateLifDerivativeAtOneStepIsTheSurrogateOfTheCurrentMinusThreshold() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] current = {-2, 0, 0.9, 1, 1.2, 4};
            NDArray in = m.create(current).reshape(2, 1, 3).toType(DataType.FLOAT32, false);   // (B, T = 1, H)
            SurrogateLif lif = SurrogateLif.builder().build();
            lif.initialize(m, DataType.FLOAT32, new Shape(2, 1, 3));
            float[] g = SpikeGradients.derivative(lif, in, new ParameterStore(m, false));
            for (int i = 0; i < current.length; i++) {
                assertEquals(SurrogateLif.surrogateDerivative(current[i] - 1, SurrogateLif.ALPHA), g[i], 1e-6);
            }
        }
    }

    @Test
    void deadUnitsAreThoseWithZeroDerivativeOnEveryExample() {
        float[] g = {0, 1, 0,      // example 1: units 0, 1, 2
                     0, 0, 0,      // example 2
                     0, 2, 0};     // example 3
        assertEquals(2, SpikeGradients.deadUnits(g, 3));
        assertEquals(7, SpikeGradients.zeros(g));
        assertEquals(0, SpikeGradients.deadUnits(new float[] {1, 1}, 2));
    }
}
