package org.reprolab.papers.evonorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/** B0 and S0 against loops written from the paper's Table 1, on a 2×4×3×3 tensor. */
class EvoNormTest {

    static final int N = 2;
    static final int C = 4;
    static final int HW = 9;

    static float[] input() {
        SplittableRandom r = new SplittableRandom(17);
        float[] x = new float[N * C * HW];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * (1 + i % 3) + 0.5);
        }
        return x;
    }

    static double var(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d / v.length;
        }
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean) / v.length;
        }
        return s;
    }

    static float[] b0Oracle(float[] x, double[] gamma, double[] beta, double[] v1) {
        float[] y = new float[x.length];
        for (int c = 0; c < C; c++) {
            double[] batch = new double[N * HW];
            for (int n = 0; n < N; n++) {
                for (int k = 0; k < HW; k++) {
                    batch[n * HW + k] = x[(n * C + c) * HW + k];
                }
            }
            double left = Math.sqrt(var(batch) + 1e-5);
            for (int n = 0; n < N; n++) {
                double[] inst = new double[HW];
                for (int k = 0; k < HW; k++) {
                    inst[k] = x[(n * C + c) * HW + k];
                }
                double sInst = Math.sqrt(var(inst) + 1e-5);
                for (int k = 0; k < HW; k++) {
                    double xi = x[(n * C + c) * HW + k];
                    y[(n * C + c) * HW + k] = (float) (xi / Math.max(left, v1[c] * xi + sInst) * gamma[c] + beta[c]);
                }
            }
        }
        return y;
    }

    static float[] s0Oracle(float[] x, int groups, double[] gamma, double[] beta, double[] v1) {
        float[] y = new float[x.length];
        int per = C / groups;
        for (int n = 0; n < N; n++) {
            for (int g = 0; g < groups; g++) {
                double[] grp = new double[per * HW];
                for (int c = 0; c < per; c++) {
                    for (int k = 0; k < HW; k++) {
                        grp[c * HW + k] = x[(n * C + g * per + c) * HW + k];
                    }
                }
                double sd = Math.sqrt(var(grp) + 1e-5);
                for (int c = g * per; c < (g + 1) * per; c++) {
                    for (int k = 0; k < HW; k++) {
                        double xi = x[(n * C + c) * HW + k];
                        y[(n * C + c) * HW + k] = (float) (xi / (1 + Math.exp(-v1[c] * xi)) / sd * gamma[c] + beta[c]);
                    }
                }
            }
        }
        return y;
    }

    @Test
    void b0AndS0MatchTheTableOneFormulasComputedByHand() {
        double[] gamma = {1.5, 0.5, 1, 2};
        double[] beta = {0.1, -0.2, 0, 0.3};
        double[] v1 = {1, 0.5, -0.3, 2};
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(input(), new Shape(N, C, 3, 3));
            NDArray g = m.create(toFloat(gamma), new Shape(1, C, 1, 1));
            NDArray b = m.create(toFloat(beta), new Shape(1, C, 1, 1));
            NDArray v = m.create(toFloat(v1), new Shape(1, C, 1, 1));
            NDArray batchVar = org.reprolab.train.GroupNorm.variance(x, new int[] {0, 2, 3});
            assertArrayEquals(b0Oracle(input(), gamma, beta, v1), EvoNorm.b0(x, batchVar, g, b, v).toFloatArray(),
                    1e-5f);
            assertArrayEquals(s0Oracle(input(), 2, gamma, beta, v1), EvoNorm.s0(x, 2, g, b, v).toFloatArray(),
                    1e-5f);
        }
    }

    @Test
    void s0IsBatchIndependentAndB0UsesItsMovingVarianceAtInference() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(input(), new Shape(N, C, 3, 3));
            ParameterStore ps = new ParameterStore(m, false);
            EvoNorm s0 = EvoNorm.builder().setKind(EvoNorm.Kind.S0).optGroups(2).build();
            s0.initialize(m, DataType.FLOAT32, x.getShape());
            float[] both = s0.forward(ps, new NDList(x), true).singletonOrThrow().get(new NDIndex("0:1"))
                    .toFloatArray();
            float[] alone = s0.forward(ps, new NDList(x.get(new NDIndex("0:1"))), true).singletonOrThrow()
                    .toFloatArray();
            assertArrayEquals(both, alone, 0f);

            EvoNorm b0 = EvoNorm.builder().setKind(EvoNorm.Kind.B0).build();
            b0.initialize(m, DataType.FLOAT32, x.getShape());
            b0.forward(ps, new NDList(x), true);                           // one training step updates the average
            float[] batchVar = org.reprolab.train.GroupNorm.variance(x, new int[] {0, 2, 3}).toFloatArray();
            float[] running = b0.runningVariance();
            for (int c = 0; c < C; c++) {
                assertEquals(0.9f + 0.1f * batchVar[c], running[c], 1e-6f);
            }
            double[] ones = {1, 1, 1, 1};
            NDArray r = m.create(running, new Shape(1, C, 1, 1));
            NDArray one = m.ones(new Shape(1, C, 1, 1));
            assertArrayEquals(EvoNorm.b0(x, r, one, one.sub(1), one).toFloatArray(),
                    b0.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray(), 1e-6f);
            assertEquals(4, ones.length);
        }
    }

    @Test
    void theCnnRunsWithEveryNormAndItsGradientsDoNotDependOnGarbageCollection() {
        for (NormCnn.Norm norm : NormCnn.Norm.values()) {
            SequentialBlock net = NormCnn.builder().setChannels(4, 8).setNorm(norm).optGroups(2).optSide(8).build();
            try (NDManager m = Engines.engine().newBaseManager()) {
                Engines.seed(7);
                net.initialize(m, DataType.FLOAT32, new Shape(4, 64));
                NDArray x = m.randomNormal(0f, 1f, new Shape(4, 64), DataType.FLOAT32);
                ParameterStore ps = new ParameterStore(m, false);
                assertEquals(new Shape(4, 10), net.forward(ps, new NDList(x), false).singletonOrThrow().getShape());
                if (norm == NormCnn.Norm.S0 || norm == NormCnn.Norm.GN_RELU) {
                    GcStress.assertGradientsIndependentOfGc(() -> net.forward(ps, new NDList(x), true)
                            .singletonOrThrow().square().sum(), GcStress.trainable(net));
                }
            }
        }
    }

    @Test
    void thePooledInputAndTheFlattenedHeadGiveTheExpectedShapesAndWeights() {
        SequentialBlock net = NormCnn.builder().setChannels(4, 8).setNorm(NormCnn.Norm.S0).optGroups(2).optSide(8)
                .optInputPool(2).optGlobalPool(false).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(3, 64));
            NDArray x = m.randomNormal(0f, 1f, new Shape(3, 64), DataType.FLOAT32);
            assertEquals(new Shape(3, 10), net.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().getShape());
            // 8×8 pooled to 4×4, then stride 2 to 2×2: the head sees 8 channels × 4 positions.
            long head = net.getParameters().valueAt(net.getParameters().size() - 2).getArray().getShape().get(1);
            assertEquals(8 * 2 * 2, head);
        }
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
