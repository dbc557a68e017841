package org.reprolab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class TinyGptTest {

    @Test
    void parameterCountMatchesTheClosedFormAndTheBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            TinyGpt gpt = TinyGpt.builder().setDim(16).setLayers(2).setContext(8).optHeads(2).build();
            gpt.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            long counted = RegressionFit.countTrainable(gpt);
            // 2·256·16 + 8·16 + 2·(12·16² + 5·16)
            assertEquals(2 * 256 * 16 + 8 * 16 + 2 * (12 * 16 * 16 + 5 * 16), gpt.parameterCount());
            assertEquals(counted, gpt.parameterCount());
        }
    }

    @Test
    void logitsAtAPositionIgnoreLaterTokens() {
        Engines.seed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            TinyGpt gpt = TinyGpt.builder().setDim(16).setLayers(2).setContext(8).optHeads(2).build();
            gpt.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            long[] a = {1, 2, 3, 4, 5, 6, 7, 8};
            long[] b = {1, 2, 3, 4, 200, 100, 50, 9};
            NDArray la = logits(gpt, m, a);
            NDArray lb = logits(gpt, m, b);
            assertTrue(la.get(":, 0:4").sub(lb.get(":, 0:4")).abs().max().getFloat() < 1e-6f);
            assertTrue(la.get(":, 4:").sub(lb.get(":, 4:")).abs().max().getFloat() > 1e-4f);
        }
    }

    @Test
    void layerNormHasZeroMeanAndUnitVariance() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 10, -4, 0.5f}, new Shape(2, 3));
            NDArray y = TinyGpt.layerNorm(x);
            assertTrue(y.mean(new int[] {-1}).abs().max().getFloat() < 1e-6f);
            assertTrue(y.mul(y).mean(new int[] {-1}).sub(1).abs().max().getFloat() < 1e-4f);
        }
    }

    @Test
    void uniformLogitsCostLogOfTheVocabulary() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.zeros(new Shape(2, 3, ByteLmTraining.VOCABULARY));
            NDArray targets = m.create(new long[] {0, 5, 255, 7, 8, 9}, new Shape(2, 3));
            assertEquals(Math.log(256), ByteLmTraining.crossEntropy(logits, targets).getFloat(), 1e-5);
        }
    }

    @Test
    void unigramEntropyOfTwoEqualSymbolsIsLnTwo() {
        assertEquals(Math.log(2), ByteLmTraining.unigramEntropy("abab".getBytes()), 1e-12);
        assertEquals(0, ByteLmTraining.unigramEntropy("aaaa".getBytes()), 1e-12);
    }

    @Test
    void windowsAndIdsStayInsideTheText() {
        byte[] text = "0123456789".getBytes();
        int[] starts = ByteLmTraining.windows(text.length, 50, 4, new SplittableRandom(1));
        for (int s : starts) {
            assertTrue(s >= 0 && s + 4 + 1 <= text.length);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = ByteLmTraining.ids(m, text, new int[] {2}, 1, 3);
            assertEquals('3', y.getLong(0, 0));
            assertEquals('5', y.getLong(0, 2));
        }
    }

    @Test
    void trainingLowersTheValidationLossOfARepetitiveText() {
        Engines.seed(5);
        byte[] text = "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc".repeat(4).getBytes();
        try (NDManager m = NDManager.newBaseManager()) {
            TinyGpt gpt = TinyGpt.builder().setDim(16).setLayers(1).setContext(8).optHeads(2).build();
            ByteLmTraining.Result r = ByteLmTraining.builder().setSteps(60).setBatchSize(8).setContext(8)
                    .optLearningRate(1e-2f).optValidationWindows(8).optEvaluations(2).build().fit(gpt, text, text, m);
            assertTrue(r.finalValidationLoss() < 0.5 * r.validationLoss()[0] || r.finalValidationLoss() < 1.0,
                    "validation loss " + r.finalValidationLoss());
        }
    }

    private static NDArray logits(TinyGpt gpt, NDManager m, long[] ids) {
        return gpt.forward(new ParameterStore(m, false), new NDList(m.create(ids, new Shape(1, ids.length))), false)
                .singletonOrThrow();
    }
}
