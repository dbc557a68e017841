package org.reprolab.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Engines;
import org.reprolab.train.History;
import org.reprolab.train.TrainingLoop;

class TinyTransformerTest {

    static NDArray forward(TinyTransformer t, NDManager m, NDArray x) {
        return t.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
    }

    @Test
    void causalActivationsOfEarlyTokensIgnoreLaterTokens() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(1);
            TinyTransformer t = TinyTransformer.builder().setTokens(4).setOutputs(3).optDim(8).optHidden(16)
                    .optCausal(true).build();
            t.initialize(m, DataType.FLOAT32, new Shape(2, 12));
            NDArray x = m.randomNormal(new Shape(2, 12));
            NDArray changed = x.duplicate();
            changed.set(new NDIndex(":, 9:12"), 5f); // the last token only
            float[][] early = new float[2][];
            for (int r = 0; r < 2; r++) {
                int run = r;
                t.setRecorder((u, a) -> early[run] = a.get(":, 0:3, :").toFloatArray());
                forward(t, m, r == 0 ? x : changed);
            }
            assertArrayEquals(early[0], early[1], 1e-5f);
            assertEquals(new Shape(2, 3), forward(t, m, x).getShape());
        }
    }

    @Test
    void sparsifyingNothingChangesNothingAndSparsifyingAllChangesTheOutput() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(2);
            TinyTransformer t = TinyTransformer.builder().setTokens(3).setOutputs(2).optDim(8).optHidden(16).build();
            t.initialize(m, DataType.FLOAT32, new Shape(1, 6));
            NDArray x = m.randomNormal(new Shape(5, 6));
            float[] dense = forward(t, m, x).toFloatArray();
            t.setSparsifiers(InputSparsifier.magnitude(0), InputSparsifier.magnitude(0));
            assertArrayEquals(dense, forward(t, m, x).toFloatArray(), 1e-6f);
            t.setSparsifiers(null, InputSparsifier.magnitude(1));
            float[] noFfn = forward(t, m, x).toFloatArray();
            double diff = 0;
            for (int i = 0; i < dense.length; i++) {
                diff += Math.abs(dense[i] - noFfn[i]);
            }
            assertTrue(diff > 1e-4, "dropping the whole FFN changes the logits");
        }
    }

    @Test
    void learnsASeparableTask() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(4);
            LabeledData data = Synthetic.blobs(400, 8, 2, 3.0, 5);
            TinyTransformer t = TinyTransformer.builder().setTokens(2).setOutputs(2).optDim(8).optHidden(16).build();
            History h = TrainingLoop.builder().setEpochs(10).setBatchSize(32).optAdam(0.01f).optShuffleSeed(1).build()
                    .fit(t, data, data, m);
            assertTrue(h.finalTestAccuracy() > 0.9, "accuracy " + h.finalTestAccuracy());
        }
    }
}
