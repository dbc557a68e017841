package org.reprolab.papers.crrelu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

class CrReluTest {

    // Hand-computed: CRReLU(x) = max(0, x) + ε x e^{−x²/2}, ε = 0.5.
    @Test
    void valuesAtMinusTwoZeroAndOneMatchTheClosedForm() {
        assertEquals(0.5 * -2 * Math.exp(-2), CrRelu.value(-2, 0.5), 1e-15);
        assertEquals(0, CrRelu.value(0, 0.5), 0);
        assertEquals(1 + 0.5 * Math.exp(-0.5), CrRelu.value(1, 0.5), 1e-15);
        assertEquals(0.5 * (1 - 4) * Math.exp(-2), CrRelu.derivative(-2, 0.5), 1e-15);
        assertEquals(1.5, CrRelu.derivative(0, 0.5), 0);                  // the kink: right derivative
        assertEquals(1, CrRelu.derivative(1, 0.5), 1e-15);                 // (1 − x²) vanishes at 1
    }

    @Test
    void theBlockMatchesTheClosedFormAndItsGradients() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {-2, -0.5f, 0.5f, 1, 3});
            x.setRequiresGradient(true);
            NDArray eps = m.create(new float[] {0.5f});
            eps.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                y = CrRelu.crRelu(x, eps);
                gc.backward(y.sum());
            }
            float[] xs = {-2, -0.5f, 0.5f, 1, 3};
            float[] expected = new float[5];
            float[] dx = new float[5];
            double dEps = 0;
            for (int i = 0; i < 5; i++) {
                expected[i] = (float) CrRelu.value(xs[i], 0.5);
                dx[i] = (float) CrRelu.derivative(xs[i], 0.5);
                dEps += xs[i] * Math.exp(-xs[i] * xs[i] / 2.0);               // d/dε = x e^{−x²/2}
            }
            assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
            assertArrayEquals(dx, x.getGradient().toFloatArray(), 1e-6f);
            assertEquals(dEps, eps.getGradient().getFloat(), 1e-6);
        }
    }

    @Test
    void epsilonStartsAtOneHundredthAndLearns() {
        Block net = Mlp.builder().setWidth(8).setDepth(1).setOutputs(2).optActivationBlock(CrRelu::new).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(3);
            net.initialize(m, DataType.FLOAT32, new Shape(4, 3));
            CrRelu layer = (CrRelu) net.getChildren().get(1).getValue();
            assertEquals(CrRelu.EPSILON_INIT, layer.epsilon());
            var data = new org.reprolab.data.LabeledData("toy", new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0},
                    new int[] {0, 1, 0, 1}, 3, org.reprolab.data.LabeledData.numberedClasses(2));
            TrainingLoop.builder().setEpochs(5).setBatchSize(4).optAdam(0.05f).build().fit(net, data, null, m);
            assertTrue(layer.epsilon() != CrRelu.EPSILON_INIT);
        }
    }

    @Test
    void gradientsDoNotDependOnGarbageCollection() {
        Block net = Mlp.builder().setWidth(8).setDepth(2).setOutputs(3).optActivationBlock(CrRelu::new).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(4);
            net.initialize(m, DataType.FLOAT32, new Shape(16, 5));
            NDArray x = m.randomNormal(0f, 1f, new Shape(16, 5), DataType.FLOAT32);
            ParameterStore ps = new ParameterStore(m, false);
            GcStress.assertGradientsIndependentOfGc(() -> net.forward(ps, new NDList(x), true).singletonOrThrow()
                    .square().sum(), GcStress.trainable(net));
        }
    }
}
