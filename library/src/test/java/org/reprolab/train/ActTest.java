package org.reprolab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class ActTest {

    @Test
    void siluIsXTimesTheLogisticSigmoid() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            float[] x = {-3, -1, 0, 0.5f, 2};
            float[] expected = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = (float) (x[i] / (1 + Math.exp(-x[i])));
            }
            assertArrayEquals(expected, Act.SILU.apply(m.create(x)).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void mlpPutsANewCustomActivationBlockInEveryHiddenLayer() {
        Block[] made = new Block[2];
        int[] k = {0};
        SequentialBlock net = Mlp.builder().setWidth(4).setDepth(2).setOutputs(2).optActivationBlock(() -> {
            Block b = new LambdaBlock(NDList::new, "custom");
            made[k[0]++] = b;
            return b;
        }).build();
        assertSame(made[0], net.getChildren().get(1).getValue());
        assertSame(made[1], net.getChildren().get(3).getValue());
    }
}
