package org.reprolab.papers.widedeep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/**
 * {@link HermiteDual#activation(NDArray)} is meant for finite-width networks, so it may sit on an autograd path:
 * its gradients must not depend on a garbage collection between forward and backward ({@link GcStress}). Before
 * the audit the Hermite coefficients and the recurrence's k were DJL number arguments, and this failed with NaN.
 */
class GradientLifetimeTest {

    @Test
    void hermiteActivationGradientsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(81);
            NDArray x = m.randomNormal(0f, 1f, new Shape(64), DataType.FLOAT64);
            x.setRequiresGradient(true);
            HermiteDual phi = HermiteDual.optimalForSphere(2);
            GcStress.assertGradientsIndependentOfGc(() -> phi.activation(x).mul(x).sum(), x);
        }
    }
}
