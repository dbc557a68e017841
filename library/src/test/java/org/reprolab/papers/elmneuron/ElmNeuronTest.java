package org.reprolab.papers.elmneuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;
import org.reprolab.operators.OperatorNets;

class ElmNeuronTest {

    @Test
    void memoryTraceMatchesAPlainJavaOracleOfTheThreeEquations() {
        int din = 3;
        int dm = 4;
        ElmNeuron elm = ElmNeuron.builder().setInputs(din).setMemory(dm).setOutputs(2).optTauMax(50).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(5);
            NDArray x = m.randomUniform(0f, 1f, new Shape(2, 6, din));
            elm.initialize(m, DataType.FLOAT32, x.getShape());
            double[] got = elm.memoryTrace(new ParameterStore(m, false), x).toType(DataType.FLOAT64, false)
                    .toDoubleArray();
            double[] xs = x.toType(DataType.FLOAT64, false).toDoubleArray();
            double[][] w1 = weights(elm.hiddenLayer(), 2 * dm, din + dm);
            double[] b1 = bias(elm.hiddenLayer());
            double[][] w2 = weights(elm.deltaLayer(), dm, 2 * dm);
            double[] b2 = bias(elm.deltaLayer());
            double[] theta = elm.synapticWeights();
            double[] tau = ElmNeuron.initialTimescales(dm, 1, 50);
            for (int b = 0; b < 2; b++) {
                double[] s = new double[din];
                double[] mem = new double[dm];
                for (int t = 0; t < 6; t++) {
                    double[] in = new double[din + dm];
                    for (int i = 0; i < din; i++) {
                        s[i] = Math.exp(-1 / 5.0) * s[i] + Math.max(0, theta[i]) * xs[(b * 6 + t) * din + i];
                        in[i] = s[i];
                    }
                    for (int j = 0; j < dm; j++) {
                        in[din + j] = Math.exp(-1 / tau[j]) * mem[j];
                    }
                    double[] h = new double[2 * dm];
                    for (int k = 0; k < 2 * dm; k++) {
                        double z = b1[k];
                        for (int i = 0; i < din + dm; i++) {
                            z += w1[k][i] * in[i];
                        }
                        h[k] = Math.max(0, z);
                    }
                    for (int j = 0; j < dm; j++) {
                        double z = b2[j];
                        for (int k = 0; k < 2 * dm; k++) {
                            z += w2[j][k] * h[k];
                        }
                        double dmj = 1.7159 * Math.tanh(2.0 / 3.0 * z);
                        mem[j] = in[din + j] + (1 - Math.exp(-5 / tau[j])) * dmj;
                        assertEquals(mem[j], got[(b * 6 + t) * dm + j], 1e-5, "b " + b + " t " + t + " unit " + j);
                    }
                }
            }
        }
    }

    @Test
    void learnableTimescalesStartLogSpacedAndStayInsideTheirInterval() {
        ElmNeuron elm = ElmNeuron.builder().setInputs(2).setMemory(5).setOutputs(1).optTauMax(100)
                .optLearnableTimescales(true).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            elm.initialize(m, DataType.FLOAT32, new Shape(1, 3, 2));
            double[] tau = elm.timescales();
            double[] expected = ElmNeuron.initialTimescales(5, 1, 100);
            assertEquals(10.0, expected[2], 1e-9);                 // log-spaced: 1, 3.16, 10, 31.6, 100
            for (int i = 0; i < 5; i++) {
                assertEquals(expected[i], tau[i], 0.11 + 1e-3 * expected[i]);
                assertTrue(tau[i] > 1 && tau[i] < 100);
            }
        }
    }

    @Test
    void parameterCountsMatchTheirClosedForms() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Block elm = ElmNeuron.builder().setInputs(5).setMemory(8).setOutputs(4).optLearnableTimescales(true)
                    .build();
            elm.initialize(m, DataType.FLOAT32, new Shape(2, 30));
            assertEquals(ElmNeuron.parameterCount(5, 8, 4, true), OperatorNets.parameters(elm));
            Block lstm = new LstmClassifier(5, 7, 4);
            lstm.initialize(m, DataType.FLOAT32, new Shape(2, 30));
            assertEquals(LstmClassifier.parameterCount(5, 7, 4), OperatorNets.parameters(lstm));
            assertEquals(new Shape(2, 4), lstm.forward(new ParameterStore(m, false),
                    new NDList(m.ones(new Shape(2, 30))), false).singletonOrThrow().getShape());
        }
    }

    @Test
    void gradientsOfTheLearnableNeuronDoNotDependOnGarbageCollection() {
        ElmNeuron elm = ElmNeuron.builder().setInputs(3).setMemory(4).setOutputs(2).optTauMax(30)
                .optLearnableTimescales(true).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(7);
            NDArray x = m.randomUniform(0f, 1f, new Shape(4, 5, 3));
            elm.initialize(m, DataType.FLOAT32, x.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            GcStress.assertGradientsIndependentOfGc(
                    () -> elm.forward(ps, new NDList(x), true).singletonOrThrow().sum(), GcStress.trainable(elm));
        }
    }

    @Test
    void delayedRecallMarksOnlyTheCueAndLabelsIt() {
        LabeledData d = DelayedRecall.generate(50, 4, 9, 0.5, new SplittableRandom(1));
        assertEquals(10 * 5, d.features());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(1f, d.feature(i, d.label(i)));
            assertEquals(1f, d.feature(i, 4));
            for (int t = 1; t < 10; t++) {
                assertEquals(0f, d.feature(i, t * 5 + 4));
            }
        }
    }

    private static double[][] weights(Linear l, int rows, int cols) {
        double[] flat = l.getParameters().valueAt(0).getArray().toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] w = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, w[r], 0, cols);
        }
        return w;
    }

    private static double[] bias(Linear l) {
        return l.getParameters().valueAt(1).getArray().toType(DataType.FLOAT64, false).toDoubleArray();
    }
}
