package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/**
 * The spiking neurons and the training loss must give gradients that do not depend on a garbage collection
 * between forward and backward ({@link GcStress}; see {@link org.reprolab.engine.NdConstants}). Before the audit
 * the surrogate LIF (α·x, τ·v), the sparsity penalty (λ·rate) and the fixed-temperature LSE (/ε, ·ε) failed here
 * with NaN; the learnable-ε neurons, whose ε and τ are arrays already, did not.
 */
class GradientLifetimeTest {

    /** Currents (B = 8, T = 5, N = 6) that make the neurons fire now and then. */
    private static NDArray currents(NDManager m, DataType type) {
        Engines.seed(61);
        NDArray x = m.randomUniform(-0.5f, 1.5f, new Shape(8, 5, 6), type);
        x.setRequiresGradient(true);
        return x;
    }

    /** ∂(Σ w·s)/∂(currents, parameters) of a neuron layer, with and without a collection before the backward pass. */
    private static void checkNeuron(Block neuron) {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = currents(m, DataType.FLOAT32);
            neuron.initialize(m, DataType.FLOAT32, x.getShape());
            NDArray w = m.randomNormal(0f, 1f, x.getShape(), DataType.FLOAT32);
            ParameterStore ps = new ParameterStore(m, false);
            List<NDArray> leaves = new ArrayList<>(GcStress.trainable(neuron));
            leaves.add(x);
            GcStress.assertGradientsIndependentOfGc(
                    () -> neuron.forward(ps, new NDList(x), true).singletonOrThrow().mul(w).sum(), leaves);
        }
    }

    @Test
    void surrogateLifGradientsDoNotDependOnGarbageCollection() {
        checkNeuron(SurrogateLif.builder().build());
    }

    @Test
    void ultraLifGradientsDoNotDependOnGarbageCollection() {
        checkNeuron(UltraLif.builder().build());
        checkNeuron(UltraLif.plifBuilder().optThreshold(1f).build());
    }

    @Test
    void ultraDlifGradientsDoNotDependOnGarbageCollection() {
        checkNeuron(UltraDlif.builder().build());
    }

    @Test
    void sparsityPenaltyGradientsDoNotDependOnGarbageCollection() {
        SpikingMlp net = SpikingMlp.builder().setHidden(12).setOutputs(3).setNeuron(UltraLif.plifBuilder().build())
                .optTimeSteps(3).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(62);
            net.initialize(m, DataType.FLOAT32, new Shape(16, 10));
            NDArray x = m.randomUniform(0f, 1f, new Shape(16, 10), DataType.FLOAT32);
            NDArray y = m.create(new long[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
            ParameterStore ps = new ParameterStore(m, false);
            GcStress.assertGradientsIndependentOfGc(() -> {
                Engines.seed(63);                                        // the same rate-coded spikes every pass
                return SpikeTraining.loss(net.forward(ps, new NDList(x), true), y, 0.1f);
            }, GcStress.trainable(net));
        }
    }

    @Test
    void fixedTemperatureFunctionsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = currents(m, DataType.FLOAT64);
            GcStress.assertGradientsIndependentOfGc(() -> UltraLif.simulate(x, 0.9, 0.5, 0).get(1).sum(), x);
            NDArray a = m.randomNormal(new Shape(20));
            NDArray b = m.randomNormal(new Shape(20));
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            GcStress.assertGradientsIndependentOfGc(() -> SoftMaxPlus.lse(a, b, 0.3).mul(a).sum(), a, b);
        }
    }
}
