package org.reprolab.papers.selu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * Alpha-dropout on the gradient path must not depend on a garbage collection between forward and backward
 * ({@link GcStress}): its affine correction a·x + b multiplies by a, which must not be a DJL number argument
 * (the test failed with NaN gradients before {@code a} became an {@link org.reprolab.engine.NdConstants}).
 */
class GradientLifetimeTest {

    @Test
    void alphaDropoutGradientsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(51);
            NDArray x = m.randomNormal(0f, 1f, new Shape(16, 8), DataType.FLOAT32);
            x.setRequiresGradient(true);
            NDArray w = m.randomNormal(0f, 1f, new Shape(16, 8), DataType.FLOAT32);
            GcStress.assertGradientsIndependentOfGc(() -> {
                Engines.seed(52);                                        // the same mask every pass
                return AlphaDropout.alphaDropout(x, 0.1f, true).mul(w).sum();
            }, x);
        }
    }

    @Test
    void selfNormalizingNetworkGradientsDoNotDependOnGarbageCollection() {
        Block net = Mlp.builder().setWidth(16).setDepth(3).setOutputs(3).optActivation(Act.SELU)
                .optDropoutBlock(() -> AlphaDropout.builder().optRate(0.1f).build()).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(53);
            net.initialize(m, DataType.FLOAT32, new Shape(32, 6));
            NDArray x = m.randomNormal(0f, 1f, new Shape(32, 6), DataType.FLOAT32);
            NDArray y = m.create(new long[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0,
                1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1});
            ParameterStore ps = new ParameterStore(m, false);
            GcStress.assertGradientsIndependentOfGc(() -> {
                Engines.seed(54);
                return TrainingLoop.crossEntropy(net.forward(ps, new NDList(x), true).singletonOrThrow(), y);
            }, GcStress.trainable(net));
        }
    }
}
