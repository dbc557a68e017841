package org.reprolab.papers.proact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.train.TrainingLoop;

class ProActTest {

    static LabeledData blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 6; j++) {
                x[i * 6 + j] = (float) (r.nextGaussian() + (j % 3 == y[i] ? 2 : 0));
            }
        }
        return new LabeledData("blobs", x, y, 6, LabeledData.numberedClasses(3));
    }

    static SequentialBlock net(ClippedMlp.Clipping c, NDManager m) {
        SequentialBlock net = ClippedMlp.builder().setHidden(16, 8).setOutputs(3).optClipping(c).build();
        net.initialize(m, DataType.FLOAT32, new Shape(1, 6));
        return net;
    }

    static float[] logits(SequentialBlock net, LabeledData d, NDManager m) {
        return net.forward(new ParameterStore(m, false), new NDList(d.featuresNd(m)), false).singletonOrThrow()
                .toFloatArray();
    }

    @Test
    void calibratedThresholdsLeaveTheTrainingOutputsUnchanged() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(11);
            LabeledData d = blobs(200, 1);
            SequentialBlock relu = net(ClippedMlp.Clipping.NONE, m);
            for (ClippedMlp.Clipping c : List.of(ClippedMlp.Clipping.LAYER, ClippedMlp.Clipping.NEURON,
                    ClippedMlp.Clipping.HYBRID)) {
                SequentialBlock clipped = net(c, m);
                ClippedMlp.copyWeights(relu, clipped);
                ProAct.calibrate(clipped, d, m);
                assertArrayEquals(logits(relu, d, m), logits(clipped, d, m), 0f, c.name());
                // Every threshold is reached by some example: the calibration is the maximum, not above it.
                if (c == ClippedMlp.Clipping.LAYER) {
                    assertArrayEquals(ProAct.layerMaxima(relu, d, m), new float[] {
                        ClippedMlp.clips(clipped).get(0).thresholds()[0],
                        ClippedMlp.clips(clipped).get(1).thresholds()[0]}, 0f);
                }
            }
        }
    }

    @Test
    void distillationLossIsZeroWhenTheStudentIsTheTeacherAndThePenaltyIsOff() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(12);
            SequentialBlock relu = net(ClippedMlp.Clipping.NONE, m);
            ProAct p = ProAct.builder().setTeacher(relu).optPenalty(0).build();
            NDArray z = m.randomNormal(new Shape(5, 3));
            assertEquals(0, p.loss(z, z, List.of()).getFloat(), 1e-6);
            NDArray other = m.randomNormal(new Shape(5, 3));
            assertTrue(p.loss(z, other, List.of()).getFloat() > 0);
        }
    }

    @Test
    void progressiveTrainingWithAPenaltyLowersTheThresholdsAndKeepsAccuracy() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(13);
            LabeledData d = blobs(600, 2);
            SequentialBlock relu = net(ClippedMlp.Clipping.NONE, m);
            TrainingLoop.builder().setEpochs(5).setBatchSize(32).optAdam(0.01f).build().fit(relu, d, null, m);
            SequentialBlock hybrid = net(ClippedMlp.Clipping.HYBRID, m);
            ClippedMlp.copyWeights(relu, hybrid);
            ProAct.calibrate(hybrid, d, m);
            float before = ClippedMlp.clips(hybrid).get(0).thresholds()[0];
            ProAct.builder().setTeacher(relu).setEpochsPerLayer(2).optPenalty(0.05f).optLearningRate(0.05f)
                    .optBatchSize(32).build().trainProgressive(hybrid, d, m);
            float after = ClippedMlp.clips(hybrid).get(0).thresholds()[0];
            assertTrue(after < before, "threshold " + before + " → " + after);
            assertTrue(after >= 0);
            double accRelu = TrainingLoop.accuracy(relu, d, m);
            assertEquals(accRelu, TrainingLoop.accuracy(hybrid, d, m), 0.05);
            // The weights did not move.
            assertArrayEquals(ClippedMlp.weights(relu).get(0).getArray().toFloatArray(),
                    ClippedMlp.weights(hybrid).get(0).getArray().toFloatArray());
        }
    }
}
