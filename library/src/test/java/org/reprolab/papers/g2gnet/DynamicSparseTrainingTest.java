package org.reprolab.papers.g2gnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.papers.g2gnet.DynamicSparseTraining.Regrowth;

class DynamicSparseTrainingTest {

    @Test
    void pruningRemovesTheSmallestActiveMagnitudes() {
        float[] w = {0.5f, -0.1f, 0f, 2f, -0.05f, 0.3f, 0.01f};
        float[] mask = {1, 1, 0, 1, 1, 1, 0}; // entries 2 and 6 are inactive (their |w| must not count)
        int[] pruned = DynamicSparseTraining.pruneSmallest(w, mask, 2);
        assertArrayEquals(new int[] {4, 1}, pruned); // |−0.05| < |−0.1| < 0.3 < 0.5 < 2
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1, 0}, mask);
    }

    @Test
    void hebbianRegrowthTakesTheHighestEligibleScores() {
        float[] mask = {1, 0, 0, 0, 1, 0};
        boolean[] eligible = {false, true, true, false, false, true}; // entry 3 was just pruned
        float[] scores = {0.99f, 0.2f, 0.7f, 0.9f, 0.95f, 0.4f};
        int[] grown = DynamicSparseTraining.regrowTop(mask, eligible, scores, 2);
        assertArrayEquals(new int[] {2, 5}, grown); // 0.9 (entry 3) is not eligible
        assertArrayEquals(new float[] {1, 0, 1, 0, 1, 1}, mask);
    }

    @Test
    void randomRegrowthTakesOnlyEligibleEdges() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            float[] mask = {1, 0, 0, 0, 0, 1, 0, 0};
            boolean[] eligible = {false, true, false, true, true, false, true, false};
            int[] grown = DynamicSparseTraining.regrowRandom(mask, eligible, 3, rng);
            assertEquals(3, grown.length);
            for (int g : grown) {
                assertTrue(eligible[g]);
                assertEquals(1f, mask[g]);
            }
            assertEquals(5, DynamicSparseTraining.countActive(mask));
        }
    }

    @Test
    void pruneFractionFollowsTheCosineScheduleAndStops() {
        SequentialBlock net = G2gNet.builder().setHidden(8).setOutputs(2).build();
        DynamicSparseTraining dst = DynamicSparseTraining.builder().setNetwork(net).setTotalSteps(1000)
                .optPruneFraction(0.3).optStopFraction(0.8).build();
        assertEquals(0.3, dst.pruneFraction(0), 1e-12);
        assertEquals(0.15, dst.pruneFraction(400), 1e-12); // half of T_end = 800
        assertEquals(0.3 / 2 * (1 + Math.cos(Math.PI / 4)), dst.pruneFraction(200), 1e-12);
        assertEquals(0.0, dst.pruneFraction(800), 1e-12);
        assertEquals(0.0, dst.pruneFraction(999), 0);
    }

    @Test
    void rewiringKeepsEveryLayersSparsityAndStartsNewEdgesAtZero() {
        for (Regrowth regrowth : Regrowth.values()) {
            Engines.seed(6);
            try (NDManager m = Engines.engine().newBaseManager()) {
                SequentialBlock net = G2gNet.builder().setHidden(32, 24).setOutputs(5).optEnsembles(4).optFanIn(1)
                        .optSeed(9).build();
                net.initialize(m, DataType.FLOAT32, new Shape(16, 40));
                List<MaskedLinear> layers = G2gNet.maskedLayers(net);
                long[] active = layers.stream().mapToLong(MaskedLinear::activeWeights).toArray();
                assertEquals(40 * 32 / 4, active[0]);
                assertEquals(32 * 24 / 4, active[1]);
                DynamicSparseTraining dst = DynamicSparseTraining.builder().setNetwork(net).setTotalSteps(100)
                        .optRegrowth(regrowth).optSeed(3).build();
                NDArray x = m.randomNormal(new Shape(16, 40));
                for (int step = 0; step < 5; step++) {
                    float[][] maskBefore = layers.stream().map(l -> l.mask().toFloatArray()).toArray(float[][]::new);
                    dst.rewire(step * 10, x);
                    for (int l = 0; l < layers.size(); l++) {
                        MaskedLinear layer = layers.get(l);
                        assertEquals(active[l], layer.activeWeights(), regrowth + " layer " + l + " step " + step);
                        float[] mask = layer.mask().toFloatArray();
                        float[] w = layer.weight().toFloatArray();
                        int changed = 0;
                        for (int i = 0; i < mask.length; i++) {
                            if (mask[i] == 0 || maskBefore[l][i] == 0) {
                                assertEquals(0f, w[i], 0f, "pruned or new edge " + i); // ±0
                            }
                            changed += mask[i] != maskBefore[l][i] ? 1 : 0;
                        }
                        // ζ_t·A edges left and as many arrived (the schedule decays, so compute it); none in the dense layer.
                        long n = layer.sparsity() == 0 ? 0 : Math.round(dst.pruneFraction(step * 10) * active[l]);
                        assertEquals(2 * n, changed, "edges pruned + grown, " + regrowth + " layer " + l + " step " + step);
                    }
                    // The output layer is dense and is left alone.
                    assertEquals(0.0, layers.get(2).sparsity(), 0);
                }
                assertEquals(10, dst.history().size());
                assertTrue(dst.history().get(9).insideInitialBlocks() < 1.0);
            }
        }
    }

    @Test
    void hebbianRegrowthConnectsTheMostCorrelatedUnits() {
        // Two inputs, two outputs; output 0 is 2 × input 0, so edge (out 0 ← in 0) has |corr| = 1 and wins.
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray pre = m.create(new float[] {1, 5, 2, 1, 3, 4, 4, 2}, new Shape(4, 2));
            NDArray post = m.create(new float[] {2, 0, 4, 1, 6, 0, 8, 1}, new Shape(4, 2));
            float[] s = Hebbian.scores(pre, post).toFloatArray(); // [out, in]
            float[] mask = {0, 0, 0, 0};
            boolean[] eligible = {true, true, true, true};
            int[] grown = DynamicSparseTraining.regrowTop(mask, eligible, s, 1);
            assertEquals(0, grown[0]); // out 0 = 2·in 0: |corr| = 1, the largest
            assertEquals(1.0, s[0], 1e-6);
        }
    }
}
