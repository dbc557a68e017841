package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
}
