package org.reprolab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/**
 * {@link Mlp} with every {@link Act}, batch norm and dropout, under {@link TrainingLoop#crossEntropy}: the
 * gradients must not depend on a garbage collection between forward and backward ({@link GcStress}). DJL's
 * activations, Linear, BatchNorm and Dropout pass their numbers to PyTorch as values, so these held before the
 * audit too; they guard against a number-argument op creeping into the training path.
 */
class GradientLifetimeTest {

    private static NDArray[] batch(NDManager m) {
        SplittableRandom r = new SplittableRandom(31);
        float[] x = new float[32 * 6];
        long[] y = new long[32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(3);
        }
        return new NDArray[] {m.create(x, new Shape(32, 6)), m.create(y)};
    }

    private static void check(Block net, long seed) {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(seed);
            net.initialize(m, DataType.FLOAT32, new Shape(32, 6));
            NDArray[] xy = batch(m);
            ParameterStore ps = new ParameterStore(m, false);
            GcStress.assertGradientsIndependentOfGc(() -> {
                Engines.seed(seed + 1);                                  // the same dropout mask every pass
                NDArray logits = net.forward(ps, new NDList(xy[0]), true).singletonOrThrow();
                return TrainingLoop.crossEntropy(logits, xy[1]);
            }, GcStress.trainable(net));
        }
    }

    @ParameterizedTest
    @EnumSource(Act.class)
    void mlpGradientsDoNotDependOnGarbageCollection(Act act) {
        check(Mlp.builder().setWidth(16).setDepth(2).setOutputs(3).optActivation(act).build(), 41);
    }

    @Test
    void batchNormAndDropoutGradientsDoNotDependOnGarbageCollection() {
        check(Mlp.builder().setWidth(16).setDepth(2).setOutputs(3).optBatchNorm(true).optDropout(0.2f).build(), 43);
    }
}
