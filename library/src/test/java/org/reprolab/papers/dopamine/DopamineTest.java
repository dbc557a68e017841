package org.reprolab.papers.dopamine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class DopamineTest {

    @Test
    void theHardenedGateAtItsInitialValuesIsReluAndTheSmoothGateIsTheSigmoidFormula() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            TauGate gate = TauGate.builder().optTemperature(0.5f).build();
            gate.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            NDArray h = m.create(new float[] {-1f, 0.2f, 2f}, new Shape(1, 3));
            ParameterStore ps = new ParameterStore(m, false);
            assertArrayEquals(new float[] {0f, 0.2f, 2f}, gate.forward(ps, new NDList(h), false).singletonOrThrow()
                    .toFloatArray(), 0f);
            float[] soft = gate.forward(ps, new NDList(h), true).singletonOrThrow().toFloatArray();
            float[] x = {-1f, 0.2f, 2f};
            for (int i = 0; i < 3; i++) {
                assertEquals(x[i] / (1 + Math.exp(-x[i] / 0.5)), soft[i], 1e-6);
            }
            assertArrayEquals(new float[] {0f, 1f, 1f}, gate.open(h).toFloatArray(), 0f);
        }
    }

    @Test
    void gatedAndLoraCopiesStartAsTheFoundationAndCountTheirTrainableNumbers() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(3);
            SequentialBlock base = ModeNets.foundation(6, 5);
            base.initialize(m, DataType.FLOAT32, new Shape(1, 16));
            NDArray x = m.randomNormal(0f, 1f, new Shape(4, 16), DataType.FLOAT32);
            ParameterStore ps = new ParameterStore(m, false);
            float[] expected = base.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            SequentialBlock gated = ModeNets.gated(base, 0.1f, m, 16);
            SequentialBlock lora = ModeNets.lora(base, 2, m, 16);
            assertArrayEquals(expected, gated.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray(),
                    1e-6f);
            assertArrayEquals(expected, lora.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray(),
                    1e-6f);
            assertEquals(2 * (6 + 5), ModeNets.trainableParameters(gated));
            assertEquals(2 * ((16 + 6) + (6 + 5) + (5 + 10)), ModeNets.trainableParameters(lora));
        }
    }

    @Test
    void rotationByZeroIsTheIdentityAndByNinetyDegreesPermutesThePixels() {
        int side = 5;
        float[] image = new float[side * side];
        for (int i = 0; i < image.length; i++) {
            image[i] = i;
        }
        assertArrayEquals(image, Rotation.rotate(image, side, 0), 1e-5f);
        float[] quarter = Rotation.rotate(image, side, 90);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                // counter-clockwise: the pixel at (r, c) comes from (c, side − 1 − r)... rotated back
                assertEquals(image[c * side + (side - 1 - r)], quarter[r * side + c], 1e-4f, r + "," + c);
            }
        }
        float[] full = image;
        for (int k = 0; k < 4; k++) {
            full = Rotation.rotate(full, side, 90);
        }
        assertArrayEquals(image, full, 1e-3f);
    }
}
