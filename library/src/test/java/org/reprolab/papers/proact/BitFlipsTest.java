package org.reprolab.papers.proact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class BitFlipsTest {

    @Test
    void flippingTheTopExponentBitOfASmallWeightMakesItHuge() {
        assertEquals(-0.05f, BitFlips.flip(0.05f, 31));
        assertEquals(0.05f * Math.pow(2, 128), BitFlips.flip(0.05f, 30), 1e31);          // exponent + 128
        assertEquals(0.05f, BitFlips.flip(BitFlips.flip(0.05f, 17), 17));
    }

    @Test
    void flipCountIsBinomialWithTheBitErrorRate() {
        long bits = 10_000_000L;
        double ber = 1e-4;
        long total = 0;
        int reps = 20;
        for (int r = 0; r < reps; r++) {
            long[] pos = BitFlips.positions(bits, ber, new SplittableRandom(r));
            for (int i = 1; i < pos.length; i++) {
                assertTrue(pos[i] > pos[i - 1] && pos[i] < bits);
            }
            total += pos.length;
        }
        double mean = bits * ber * reps;
        assertEquals(mean, total, 5 * Math.sqrt(mean));                        // 5 sd of Binomial(n, p)
    }

    @Test
    void everyBitPositionIsHitEquallyOften() {
        long[] pos = BitFlips.positions(32L * 1_000_000, 1e-2, new SplittableRandom(3));
        int[] byBit = new int[32];
        for (long p : pos) {
            byBit[(int) (p & 31)]++;
        }
        double expected = pos.length / 32.0;
        for (int b = 0; b < 32; b++) {
            assertEquals(expected, byBit[b], 5 * Math.sqrt(expected), "bit " + b);
        }
    }

    @Test
    void injectionChangesTheWeightsAndRestoreBringsThemBack() {
        SequentialBlock net = ClippedMlp.builder().setHidden(16).setOutputs(3).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(1);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            float[] before = ClippedMlp.weights(net).get(0).getArray().toFloatArray();
            BitFlips.Injection inj = BitFlips.inject(ClippedMlp.weights(net), 0.01, new SplittableRandom(5));
            assertEquals(32L * (8 * 16 + 16 + 16 * 3 + 3), inj.bits());
            assertTrue(inj.flips() > 0);
            inj.restore();
            assertArrayEquals(before, ClippedMlp.weights(net).get(0).getArray().toFloatArray());
        }
    }

    @Test
    void theSameSeedFlipsTheSameBits() {
        assertArrayEquals(BitFlips.positions(1_000_000, 1e-3, new SplittableRandom(9)),
                BitFlips.positions(1_000_000, 1e-3, new SplittableRandom(9)));
        assertEquals(0, BitFlips.positions(1_000_000, 0, new SplittableRandom(9)).length);
    }
}
