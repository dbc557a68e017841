package org.reprolab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Engines;

class TrainingLoopTest {

    private static History train(long seed, LabeledData train, LabeledData test) {
        Engines.seed(seed);
        try (NDManager m = Engines.engine().newBaseManager()) {
            Block net = Mlp.builder().setWidth(32).setDepth(2).setOutputs(2).optActivation(Act.RELU).build();
            return TrainingLoop.builder().setEpochs(30).setBatchSize(32).optSgd(0.1f, 0.9f).optShuffleSeed(seed)
                    .optRecordBatchLoss(true).build().fit(net, train, test, m);
        }
    }

    @Test
    void learnsXor() {
        LabeledData train = Synthetic.xor(600, 1);
        LabeledData test = Synthetic.xor(400, 2);
        History h = train(7, train, test);
        assertTrue(h.finalTestAccuracy() > 0.95, "XOR test accuracy " + h.finalTestAccuracy());
        assertTrue(h.trainLoss()[h.trainLoss().length - 1] < h.trainLoss()[0] / 3, "loss did not fall");
    }

    @Test
    void sameSeedGivesBitIdenticalTraining() {
        LabeledData train = Synthetic.twoMoons(300, 0.2, 3);
        LabeledData test = Synthetic.twoMoons(200, 0.2, 4);
        History a = train(11, train, test);
        History b = train(11, train, test);
        assertArrayEquals(a.batchLoss(), b.batchLoss());
        assertArrayEquals(a.testAccuracy(), b.testAccuracy());
        History c = train(12, train, test);
        assertTrue(c.batchLoss()[5] != a.batchLoss()[5], "a different seed should change the run");
    }

    @Test
    void batchNormTrainsWhenTheLastBatchWouldHoldOneExample() {
        // 65 examples, batch 64: equal-size batches (33 + 32) instead of 64 + 1.
        LabeledData train = Synthetic.blobs(65, 3, 2, 3, 5);
        try (NDManager m = Engines.engine().newBaseManager()) {
            Block net = Mlp.builder().setWidth(8).setDepth(2).setOutputs(2).optBatchNorm(true).build();
            History h = TrainingLoop.builder().setEpochs(2).setBatchSize(64).optSgd(0.05f).build().fit(net, train, null, m);
            assertEquals(2, h.trainLoss().length);
        }
    }

    @Test
    void batchListenerSeesEveryStepAfterTheUpdate() {
        // 100 examples in batches of 32 → 4 batches of 25 per epoch; 3 epochs → steps 0..11.
        LabeledData train = Synthetic.blobs(100, 4, 2, 1, 9);
        List<int[]> calls = new ArrayList<>();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Block net = Mlp.builder().setWidth(8).setDepth(1).setOutputs(2).build();
            TrainingLoop.builder().setEpochs(3).setBatchSize(32).optAdam(0.01f)
                    .optOnBatch((epoch, step, x, y) -> {
                        calls.add(new int[] {epoch, step, (int) x.getShape().get(0), (int) y.getShape().get(0)});
                        // Zero the first hidden weight row: it stays zero only if the listener runs after the update.
                        NDArray w = net.getParameters().get(0).getValue().getArray();
                        w.set(new NDIndex("0, :"), 0f);
                    })
                    .build().fit(net, train, null, m);
            NDArray w = net.getParameters().get(0).getValue().getArray();
            assertEquals(0f, w.get(new NDIndex("0, :")).abs().sum().getFloat());
            assertTrue(w.get(new NDIndex("1, :")).abs().sum().getFloat() > 0);
        }
        assertEquals(12, calls.size());
        for (int s = 0; s < 12; s++) {
            assertArrayEquals(new int[] {s / 4, s, 25, 25}, calls.get(s));
        }
    }

    @Test
    void crossEntropyOfUniformLogitsIsLogK() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            float loss = TrainingLoop.crossEntropy(m.zeros(new ai.djl.ndarray.types.Shape(4, 10)),
                    m.create(new long[] {0, 3, 9, 2})).getFloat();
            assertEquals(Math.log(10), loss, 1e-6);
            // Logits favouring the label: loss = log(1 + 9e^{-5}).
            float[] logits = new float[10];
            logits[3] = 5;
            float l2 = TrainingLoop.crossEntropy(m.create(logits).reshape(1, 10), m.create(new long[] {3})).getFloat();
            assertEquals(Math.log(1 + 9 * Math.exp(-5)), l2, 1e-6);
        }
    }

    @Test
    void builderRejectsMissingPieces() {
        assertThrows(IllegalArgumentException.class, () -> TrainingLoop.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder().setDepth(2).setOutputs(3).build());
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder().setWidth(4).setDepth(2).build());
    }
}
