package org.reprolab.papers.sgntk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/**
 * The activations and surrogate derivatives, used on an autograd path (a DJL network with erf_m or ReLU units, or a
 * surrogate differentiated again), must give gradients that do not depend on a garbage collection between forward
 * and backward ({@link GcStress}). {@link SurrogateMlp} itself runs a hand-written backward pass without autograd;
 * these are the public array forms. Before the audit erf(m·x), max(x, 0) and the erf bump failed here with NaN
 * (their m, 0 and −k² were DJL number arguments); sign has zero gradient and is not tested.
 */
class GradientLifetimeTest {

    private static NDArray input(NDManager m) {
        Engines.seed(71);
        NDArray x = m.randomNormal(0f, 1f, new Shape(64), DataType.FLOAT64);
        x.setRequiresGradient(true);
        return x;
    }

    @Test
    void erfActivationGradientsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = input(m);
            GcStress.assertGradientsIndependentOfGc(() -> Activation.erf(2).apply(x).mul(x).sum(), x);
        }
    }

    @Test
    void reluActivationGradientsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = input(m);
            GcStress.assertGradientsIndependentOfGc(() -> Activation.relu().apply(x).mul(x).sum(), x);
        }
    }

    @Test
    void erfSurrogateGradientsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = input(m);
            GcStress.assertGradientsIndependentOfGc(() -> Derivative.erf(2).at(x).mul(x).sum(), x);
        }
    }
}
