package org.reprolab.spiking;

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
 * the surrogate LIF (α·x, τ·v) and the sparsity penalty (λ·rate) failed here with NaN.
 */
public class GradientLifetimeTest {

    /**
     * ∂(Σ w·s)/∂(currents, parameters) of a neuron layer driven by currents (B = 8, T = 5, N = 6) that make it fire
     * now and then, with and without a collection before the backward pass.
     */
    public static void assertNeuronGradientsIndependentOfGc(Block neuron) {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(61);
            NDArray x = m.randomUniform(-0.5f, 1.5f, new Shape(8, 5, 6), DataType.FLOAT32);
            x.setRequiresGradient(true);
            neuron.initialize(m, DataType.FLOAT32, x.getShape());
            NDArray w = m.randomNormal(0f, 1f, x.getShape(), DataType.FLOAT32);
            ParameterStore ps = new ParameterStore(m, false);
            List<NDArray> leaves = new ArrayList<>(GcStress.trainable(neuron));
            leaves.add(x);
            GcStress.assertGradientsIndependentOfGc(
                    () -> neuron.forward(ps, new NDList(x), true).singletonOrThrow().mul(w).sum(), leaves);
        }
    }

    /** The loss CE + λ·rate of a {@link SpikingMlp} around {@code neuron}, with and without a collection. */
    public static void assertSparsityPenaltyGradientsIndependentOfGc(Block neuron) {
        SpikingMlp net = SpikingMlp.builder().setHidden(12).setOutputs(3).setNeuron(neuron).optTimeSteps(3).build();
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
    void surrogateLifGradientsDoNotDependOnGarbageCollection() {
        assertNeuronGradientsIndependentOfGc(SurrogateLif.builder().build());
    }

    @Test
    void sparsityPenaltyGradientsDoNotDependOnGarbageCollection() {
        assertSparsityPenaltyGradientsIndependentOfGc(SurrogateLif.builder().optThreshold(0.5f).build());
    }
}
