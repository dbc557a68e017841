package org.reprolab.papers.g2gnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;
import org.reprolab.train.TrainingLoop;

/**
 * The masked layers' gradients must not depend on a garbage collection between forward and backward
 * ({@link GcStress}). W ⊙ M keeps the mask for the backward pass; the mask is a parameter array that stays open,
 * so this held before the audit too, and guards the layer against a number-argument op on its path.
 */
class GradientLifetimeTest {

    @Test
    void g2gNetGradientsDoNotDependOnGarbageCollection() {
        for (G2gNet.Connectivity c : G2gNet.Connectivity.values()) {
            SequentialBlock net = G2gNet.builder().setHidden(16, 16).setOutputs(3).optConnectivity(c).optEnsembles(4)
                    .optFanIn(1).optSeed(91).build();
            try (NDManager m = Engines.engine().newBaseManager()) {
                Engines.seed(92);
                net.initialize(m, DataType.FLOAT32, new Shape(32, 8));
                NDArray x = m.randomNormal(0f, 1f, new Shape(32, 8), DataType.FLOAT32);
                NDArray y = m.create(new long[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0,
                    1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1});
                ParameterStore ps = new ParameterStore(m, false);
                GcStress.assertGradientsIndependentOfGc(
                        () -> TrainingLoop.crossEntropy(net.forward(ps, new NDList(x), true).singletonOrThrow(), y),
                        GcStress.trainable(net));
            }
        }
    }
}
