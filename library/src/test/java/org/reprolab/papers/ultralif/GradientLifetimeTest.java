package org.reprolab.papers.ultralif;

import static org.reprolab.spiking.GradientLifetimeTest.assertNeuronGradientsIndependentOfGc;
import static org.reprolab.spiking.GradientLifetimeTest.assertSparsityPenaltyGradientsIndependentOfGc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/**
 * The UltraLIF neurons must give gradients that do not depend on a garbage collection between forward and backward
 * ({@link GcStress}; see {@link org.reprolab.engine.NdConstants}). Before the audit the fixed-temperature LSE (/ε, ·ε)
 * failed here with NaN; the learnable-ε neurons, whose ε and τ are arrays already, did not.
 */
class GradientLifetimeTest {

    @Test
    void ultraLifGradientsDoNotDependOnGarbageCollection() {
        assertNeuronGradientsIndependentOfGc(UltraLif.builder().build());
        assertNeuronGradientsIndependentOfGc(UltraLif.plifBuilder().optThreshold(1f).build());
    }

    @Test
    void ultraDlifGradientsDoNotDependOnGarbageCollection() {
        assertNeuronGradientsIndependentOfGc(UltraDlif.builder().build());
    }

    @Test
    void sparsityPenaltyOnUltraPlifGradientsDoNotDependOnGarbageCollection() {
        assertSparsityPenaltyGradientsIndependentOfGc(UltraLif.plifBuilder().build());
    }

    @Test
    void fixedTemperatureFunctionsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(61);
            NDArray x = m.randomUniform(-0.5f, 1.5f, new Shape(8, 5, 6), DataType.FLOAT64);
            x.setRequiresGradient(true);
            GcStress.assertGradientsIndependentOfGc(() -> UltraLif.simulate(x, 0.9, 0.5, 0).get(1).sum(), x);
            NDArray a = m.randomNormal(new Shape(20));
            NDArray b = m.randomNormal(new Shape(20));
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            GcStress.assertGradientsIndependentOfGc(() -> SoftMaxPlus.lse(a, b, 0.3).mul(a).sum(), a, b);
        }
    }
}
