package org.reprolab.papers.proact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class ClippedReluTest {

    @Test
    void clipsBetweenZeroAndTheThreshold() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {-3, -0.5f, 0, 0.5f, 2, 7, Float.POSITIVE_INFINITY});
            float[] y = ClippedRelu.clippedRelu(x, m.create(new float[] {2})).toFloatArray();
            assertArrayEquals(new float[] {0, 0, 0, 0.5f, 2, 2, 2}, y);
        }
    }

    @Test
    void gradientReachesTheThresholdOnlyWhereTheInputExceedsIt() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {-1, 0.5f, 1.5f, 3, 4}, new Shape(1, 5));
            NDArray t = m.create(new float[] {1, 1, 1, 5, 1});             // neuron-wise
            x.setRequiresGradient(true);
            t.setRequiresGradient(true);
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                gc.backward(ClippedRelu.clippedRelu(x, t).sum());
            }
            // d/dx = [0 < x < T], d/dT = [x > T]
            assertArrayEquals(new float[] {0, 1, 0, 1, 0}, x.getGradient().toFloatArray());
            assertArrayEquals(new float[] {0, 0, 1, 0, 1}, t.getGradient().toFloatArray());
        }
    }

    @Test
    void layerWiseHasOneThresholdAndNeuronWiseOnePerUnit() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            ClippedRelu layer = ClippedRelu.builder().optInitialThreshold(1f).build();
            ClippedRelu neuron = ClippedRelu.builder().optGranularity(ClippedRelu.Granularity.NEURON)
                    .optInitialThreshold(1f).build();
            layer.initialize(m, DataType.FLOAT32, new Shape(4, 6));
            neuron.initialize(m, DataType.FLOAT32, new Shape(4, 6));
            assertEquals(1, layer.count());
            assertEquals(6, neuron.count());
            neuron.setThresholds(1, 2, 3, 4, 5, 6);
            NDArray x = m.full(new Shape(2, 6), 3.5f);
            float[] y = neuron.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
            assertArrayEquals(new float[] {1, 2, 3, 3.5f, 3.5f, 3.5f, 1, 2, 3, 3.5f, 3.5f, 3.5f}, y);
        }
    }

    @Test
    void hybridStoresOneThresholdPerLayerPlusOnePerUnitOfTheLastHiddenLayer() {
        int[] hidden = {256, 256, 32};
        assertEquals(0, ClippedMlp.Clipping.NONE.thresholds(hidden));
        assertEquals(3, ClippedMlp.Clipping.LAYER.thresholds(hidden));
        assertEquals(544, ClippedMlp.Clipping.NEURON.thresholds(hidden));
        assertEquals(2 + 32, ClippedMlp.Clipping.HYBRID.thresholds(hidden));
        SequentialBlock net = ClippedMlp.builder().setHidden(hidden).setOutputs(10)
                .optClipping(ClippedMlp.Clipping.HYBRID).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(1, 20));
            assertEquals(34, ClippedMlp.thresholdCount(net));
            assertEquals(ClippedRelu.Granularity.NEURON, ClippedMlp.clips(net).get(2).granularity());
        }
    }
}
