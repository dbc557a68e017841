package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/**
 * Gradients must not depend on when the JVM collects garbage ({@link org.reprolab.engine.NdConstants}): a
 * collection forced between forward and backward, with the freed memory overwritten, must leave the gradients
 * bit for bit as in an undisturbed pass ({@link GcStress}). The S-KAN case failed with NaN before the fix.
 */
class GradientLifetimeTest {

    private static NDArray[] data(NDManager m) {
        SplittableRandom r = new SplittableRandom(22);
        double[] xs = new double[2 * 64];
        double[] ys = new double[64];
        for (int i = 0; i < 64; i++) {
            xs[2 * i] = 2 * r.nextDouble() - 1;
            xs[2 * i + 1] = 2 * r.nextDouble() - 1;
            ys[i] = Math.sin(Math.PI * xs[2 * i]) + xs[2 * i + 1] * xs[2 * i + 1];
        }
        return new NDArray[] {m.create(xs, new Shape(64, 2)), m.create(ys, new Shape(64, 1))};
    }

    private static NDArray mse(Block net, NDArray x, NDArray y) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        return net.forward(ps, new NDList(x), true).singletonOrThrow().sub(y).square().mean();
    }

    @Test
    void sKanGradientsDoNotDependOnGarbageCollection() {
        Engines.seed(21);
        try (NDManager m = Engines.engine().newBaseManager()) {
            // Two layers, so the inner layer's output (the outer layer's input) carries gradient through Eq. S3's
            // scaling, the Chebyshev recurrence and the RBF width; a temperature ≠ 1 puts α/τ on the path too,
            // and the selection-entropy penalty its layer mean.
            SKanBlock net = SKanBlock.builder().setWidths(2, 3, 1)
                    .optSpaces(List.of(ActivationSpace.chebyshev(4), ActivationSpace.gaussianRbf(5),
                            ActivationSpace.fourier(2), ActivationSpace.bspline(4, 3)))
                    .build();
            net.initialize(m, DataType.FLOAT64, new Shape(1, 2));
            net.setTemperature(0.7);
            NDArray[] xy = data(m);
            GcStress.assertGradientsIndependentOfGc(
                    () -> mse(net, xy[0], xy[1]).add(net.selectionEntropy()),
                    GcStress.trainable(net));
        }
    }

    @Test
    void kanGradientsDoNotDependOnGarbageCollection() {
        Engines.seed(23);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanBlock net = KanBlock.builder().setWidths(2, 3, 1).optGridSize(5).build();
            net.initialize(m, DataType.FLOAT64, new Shape(1, 2));
            NDArray[] xy = data(m);
            GcStress.assertGradientsIndependentOfGc(() -> mse(net, xy[0], xy[1]), GcStress.trainable(net));
        }
    }
}
