package org.reprolab.papers.deltaactivation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;

class DeltaActivationTest {

    @Test
    void quantiserRoundsToTheStepAndPassesTheGradientThrough() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray a = m.create(new float[] {0.01f, 0.03f, 0.26f, -0.07f});
            a.setRequiresGradient(true);
            NDArray q;
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                q = DeltaActivation.quantize(a, 0.05f);
                gc.backward(q.sum());
            }
            assertArrayEquals(new float[] {0f, 0.05f, 0.25f, -0.05f}, q.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {1, 1, 1, 1}, a.getGradient().toFloatArray(), 0);
        }
    }

    @Test
    void deltasAndPenaltyByHand() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 1, 2, 3, 5}).reshape(1, 3, 2);      // frames (1,2) (1,2) (3,5)
            assertArrayEquals(new float[] {0, 0, 2, 3}, DeltaActivation.deltas(a).toFloatArray(), 0);
            assertEquals(5 / 4.0, DeltaActivation.penalty(a).getFloat(), 1e-6);
            assertEquals(0.5, DeltaActivation.density(DeltaActivation.deltas(a)), 0);
        }
    }

    @Test
    void accumulatedDeltasEqualTheDenseProduct() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] w = new double[3][4];
        double[][] a = new double[6][4];
        for (double[] row : w) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < 4; i++) {
                a[t][i] = t > 0 && rng.nextBoolean() ? a[t - 1][i] : rng.nextGaussian();  // half the deltas zero
            }
        }
        double[][] z = DeltaActivation.accumulate(w, a);
        for (int t = 0; t < a.length; t++) {
            for (int o = 0; o < 3; o++) {
                double dense = 0;
                for (int i = 0; i < 4; i++) {
                    dense += w[o][i] * a[t][i];
                }
                assertEquals(dense, z[t][o], 1e-12);
            }
        }
    }

    @Test
    void clipFramesAreTheImageMovedByAtMostOnePixelPerFrame() {
        int side = 12;
        float[] img = new float[side * side];
        img[5 * side + 6] = 1;                                                       // one bright pixel at (5, 6)
        LabeledData images = new LabeledData("dot", img, new int[] {0}, side * side, List.of("dot"));
        LabeledData clip = TranslatedClips.of(images, side, 5, 0, new SplittableRandom(2));
        assertEquals(5 * side * side, clip.features());
        int[] prev = {5, 6};
        for (int t = 0; t < 5; t++) {
            int at = -1;
            for (int p = 0; p < side * side; p++) {
                if (clip.feature(0, t * side * side + p) == 1) {
                    at = p;
                }
            }
            int r = at / side;
            int c = at % side;
            assertTrue(Math.abs(r - prev[0]) <= 1 && Math.abs(c - prev[1]) <= 1, "frame " + t);
            prev = new int[] {r, c};
        }
    }

    @Test
    void forwardPenaltyIsTheSumOverHiddenLayersOfTheMeanAbsoluteDelta() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(3);
            DeltaMlp net = DeltaMlp.of(4, 0.05f, 3, 5, 4);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 4 * 6));
            NDArray x = m.randomUniform(0, 1, new Shape(2, 4 * 6));
            ParameterStore ps = new ParameterStore(m, false);
            NDList out = net.forward(ps, new NDList(x), false);
            List<NDArray> s = net.streams(ps, x, false);
            double expected = DeltaActivation.penalty(s.get(1)).getFloat()
                    + DeltaActivation.penalty(s.get(2)).getFloat();
            assertEquals(expected, out.get(2).getFloat(), 1e-6);
            assertEquals(new Shape(8, 3), out.get(1).getShape());
        }
    }
}
