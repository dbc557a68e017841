package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class MultiLevelIfTest {

    @Test
    void binaryNeuronFiresByHandComputedSchedule() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            // θ = 1, I = 0.4: v = 0.4, 0.8, 1.2 → spike, 0.2 + 0.4 = 0.6, 1.0 → spike
            NDArray in = m.create(new float[] {0.4f, 0.4f, 0.4f, 0.4f, 0.4f}).reshape(1, 5, 1);
            assertArrayEquals(new float[] {0, 0, 1, 0, 1}, MultiLevelIf.of(1, 1f).fire(in).toFloatArray(), 0);
        }
    }

    @Test
    void spikeCountsEqualTheUniformQuantiser() {
        SplittableRandom rng = new SplittableRandom(3);
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (int bits = 1; bits <= 3; bits++) {
                for (int steps : new int[] {1, 3, 8}) {
                    MultiLevelIf neuron = MultiLevelIf.of(bits, 0.5f);
                    float[] current = new float[500];
                    for (int i = 0; i < current.length; i++) {
                        current[i] = (float) (rng.nextDouble() * 0.5 * neuron.levels() * 1.3 - 0.1);
                    }
                    NDArray in = m.create(current, new Shape(current.length, 1, 1)).repeat(1, steps);
                    float[] n = neuron.fire(in).sum(new int[] {1, 2}).toFloatArray();
                    for (int i = 0; i < n.length; i++) {
                        assertEquals(MultiLevelIf.spikeCount(current[i], steps, 0.5, neuron.levels()), n[i], 0);
                    }
                }
            }
        }
    }

    @Test
    void normalisedNeuronEmitsValuesInTheUnitInterval() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            MultiLevelIf neuron = MultiLevelIf.normalised(2);                 // L = 3, θ = 1/3
            NDArray in = m.create(new float[] {0.5f, 2f, -1f}).reshape(3, 1, 1);
            assertArrayEquals(new float[] {1 / 3f, 1f, 0f}, neuron.fire(in).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void straightThroughGradientIsOneOverThetaInsideTheRange() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray in = m.create(new float[] {-0.5f, 0.7f, 1.4f, 9f}).reshape(4, 1, 1);   // θ = 0.5, L = 3
            in.setRequiresGradient(true);
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                gc.backward(MultiLevelIf.of(2, 0.5f).fire(in).sum());
            }
            assertArrayEquals(new float[] {0, 2, 2, 0}, in.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
