package org.reprolab.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;

class SparseInferenceTest {

    @Test
    void relativeErrorMatchesTheHandComputedCase() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            // W = I₂ padded: W x = (3, 4); dropping x₂ leaves (3, 0): error 4 / 5.
            NDArray w = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            NDArray x = m.create(new float[] {3, 4}, new Shape(1, 2));
            InputSparsifier dropSecond = (in, weight) -> in.mul(m.create(new float[] {1, 0}));
            assertEquals(0.8, SparseInference.relativeError(x, w, dropSecond), 1e-6);
        }
    }

    @Test
    void denseForwardEqualsTheNetworkAndSparseForwardSparsifiesHiddenInputsOnly() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(3);
            SequentialBlock net = Mlp.builder().setWidth(8).setDepth(2).setOutputs(3).optActivation(Act.SILU)
                    .build();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 5));
            NDArray x = m.randomNormal(new Shape(4, 5));
            NDArray expected = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(expected.toFloatArray(), SparseInference.forward(net, x, null).toFloatArray(), 1e-6f);
            List<NDList> inputs = SparseInference.hiddenLinearInputs(net, x);
            assertEquals(2, inputs.size());
            assertEquals(new Shape(4, 8), inputs.get(0).get(0).getShape());
            // Zeroing every hidden input leaves only the output bias.
            NDArray allDropped = SparseInference.forward(net, x, (in, w) -> in.zerosLike());
            NDArray bias = net.getChildren().values().get(net.getChildren().size() - 1).getParameters().get("bias")
                    .getArray();
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(bias.toFloatArray(), allDropped.get(i).toFloatArray(), 1e-6f);
            }
        }
    }
}
