package org.reprolab.papers.eisnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;
import org.reprolab.math.Stats;

class EiLinearTest {

    private static double[] doubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void forwardMatchesTheEquationsOnAHandComputedCase() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            EiLinear layer = EiLinear.builder().setUnits(2).optRatio(2).build();      // n_E = 2, n_I = 1
            layer.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            layer.setParameter("wEE", 1, 2, 3, 0);
            layer.setParameter("wIE", 1, 1);
            layer.setParameter("wEI", 1, 0.5f);
            layer.setParameter("gI", 2);
            layer.setParameter("gE", 1, 3);
            layer.setParameter("bE", 0, 1);
            NDArray x = m.create(new float[] {1, 2}, new Shape(1, 2));
            // I_EE = (5, 3), I_IE = 3, I_bal = (5 − 3, 3 − 1.5) = (2, 1.5), I_sh = (2·3·1, 2·3·0.5) = (6, 3)
            // I = (1·2/6 + 0, 3·1.5/3 + 1) = (1/3, 2.5)
            float[] out = layer.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
            assertEquals(1 / 3.0, out[0], 1e-6);
            assertEquals(2.5, out[1], 1e-6);
            float[] bal = layer.balanced(x).toFloatArray();
            assertEquals(2, bal[0], 1e-6);
            assertEquals(1.5, bal[1], 1e-6);
        }
    }

    @Test
    void eiInitGivesBalancedUnitScaleCurrentsAndShuntEqualToTheInputSd() {
        // Bernoulli(p) inputs: E x = p, E x² = p, Var x = p(1 − p). In expectation I_sh = √d·s·√(E x² + Var x)
        // = √Var x (the closed form behind Eq. 54) and E I_bal = 0.
        double p = 0.2;
        int d = 400;
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(5);
            EiLinear layer = EiLinear.builder().setUnits(200).build();
            layer.initialize(m, DataType.FLOAT32, new Shape(512, d));
            NDArray x = m.randomUniform(0f, 1f, new Shape(512, d)).lt(p).toType(DataType.FLOAT32, false);
            layer.initFrom(x);
            double[] bal = doubles(layer.balanced(x));
            double[] current = doubles(layer.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow());
            assertTrue(Math.abs(Stats.mean(bal)) < 0.1 * Stats.sd(bal), "balanced on average");
            double sd = Stats.sd(current);
            assertTrue(sd > 0.5 && sd < 2, "unit scale: " + sd);
            // Mean shunt: I_sh = I_bal / (I − b) with g_E = 1, b_E = 0.
            double meanX = x.mean().getFloat();
            double square = x.square().mean().getFloat();
            double shunt = Math.sqrt(d) * EiLinear.weightScale(meanX, square, d)
                    * Math.sqrt(2 * square - meanX * meanX);
            assertEquals(Math.sqrt(square - meanX * meanX), shunt, 1e-9);
            double[] ratio = new double[bal.length];
            for (int i = 0; i < bal.length; i++) {
                ratio[i] = bal[i] / current[i];
            }
            assertEquals(Math.sqrt(p * (1 - p)), Stats.median(ratio), 0.1 * Math.sqrt(p * (1 - p)));
        }
    }

    @Test
    void clampRestoresDalesLawAndZeroShuntsTakeTheRowsSmallestNonZero() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            EiLinear layer = EiLinear.builder().setUnits(8).build();
            layer.initialize(m, DataType.FLOAT32, new Shape(2, 5));
            for (Pair<String, Parameter> p : layer.getParameters()) {
                p.getValue().getArray().subi(0.5f);
            }
            layer.clampWeights();
            for (String w : new String[] {"wEE", "wIE", "wEI"}) {
                for (Pair<String, Parameter> p : layer.getParameters()) {
                    if (p.getKey().equals(w)) {
                        assertTrue(p.getValue().getArray().min().getFloat() >= 0, w);
                    }
                }
            }
            float[] s = EiLinear.stabilise(m.create(new float[] {0, 2, 3, 0, 0, 0}, new Shape(2, 3))).toFloatArray();
            assertEquals(2, s[0]);
            assertEquals(2, s[1]);
            assertEquals(1, s[3]);
        }
    }

    @Test
    void gradientsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(7);
            EiLinear layer = EiLinear.builder().setUnits(8).build();
            NDArray x = m.randomUniform(0f, 1f, new Shape(6, 10));
            layer.initialize(m, DataType.FLOAT32, x.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            GcStress.assertGradientsIndependentOfGc(
                    () -> layer.forward(ps, new NDList(x), true).singletonOrThrow().square().sum(),
                    GcStress.trainable(layer));
        }
    }
}
