package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class SoftMaxPlusTest {

    private static final double LN2 = Math.log(2);

    @Test
    void lseExceedsMaxByBetweenZeroAndEpsilonLn2() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double a = r.nextDouble(-20, 20);
            double b = r.nextDouble(-20, 20);
            double eps = Math.pow(10, r.nextDouble(-4, 1.5));
            double gap = SoftMaxPlus.lse(a, b, eps) - Math.max(a, b);
            assertTrue(gap >= 0, "gap " + gap);
            assertTrue(gap <= eps * LN2 * (1 + 1e-12), "gap " + gap + " > ε ln 2 at ε=" + eps);
        }
    }

    @Test
    void lseOfEqualArgumentsIsMaxPlusEpsilonLn2() {
        for (double eps : new double[] {1e-3, 0.1, 1, 7}) {
            assertEquals(3.5 + eps * LN2, SoftMaxPlus.lse(3.5, 3.5, eps), 1e-12);
        }
    }

    @Test
    void lseTendsToMaxAsEpsilonShrinks() {
        // Away from a tie the excess is ε log(1 + e^{−|a−b|/ε}), exponentially small in 1/ε.
        double a = 1.0;
        double b = 0.7;
        double previous = Double.POSITIVE_INFINITY;
        for (double eps = 1; eps >= 1e-3; eps /= 2) {
            double gap = SoftMaxPlus.lse(a, b, eps) - a;
            assertEquals(eps * Math.log1p(Math.exp(-0.3 / eps)), gap, 1e-15);
            assertTrue(gap < previous || gap == 0);
            previous = gap;
        }
        assertEquals(0, previous, 1e-100);
        assertEquals(1.0, SoftMaxPlus.lse(1.0, 0.7, 0), 0);
    }

    @Test
    void ndarrayFormMatchesTheScalarForm() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] a = {-3, 0, 0.5, 2, 40};
            double[] b = {1, 0, 0.4, -5, 39.99};
            for (double eps : new double[] {1e-3, 0.3, 2}) {
                double[] got = SoftMaxPlus.lse(m.create(a), m.create(b), eps).toDoubleArray();
                double[] got2 = SoftMaxPlus.lse(m.create(a), m.create(b), m.create(eps)).toDoubleArray();
                for (int i = 0; i < a.length; i++) {
                    assertEquals(SoftMaxPlus.lse(a[i], b[i], eps), got[i], 1e-12);
                    assertEquals(SoftMaxPlus.lse(a[i], b[i], eps), got2[i], 1e-12);
                }
            }
        }
    }

    @Test
    void gradientIsTheSoftmaxWeight() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] av = {-1, 0, 0.3, 2, 5};
            double[] bv = {1, 0, 0.1, 2.5, -5};
            double eps = 0.4;
            NDArray a = m.create(av);
            NDArray b = m.create(bv);
            NDArray e = m.create(eps);
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            e.setRequiresGradient(true);
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                gc.backward(SoftMaxPlus.lse(a, b, e).sum());
            }
            double[] ga = a.getGradient().toDoubleArray();
            double[] gb = b.getGradient().toDoubleArray();
            double ge = 0;
            for (int i = 0; i < av.length; i++) {
                double w = SoftMaxPlus.weight(av[i], bv[i], eps);
                assertEquals(w, ga[i], 1e-12);
                assertEquals(1 - w, gb[i], 1e-12);
                assertTrue(ga[i] > 0 && ga[i] < 1);
                // ∂LSE/∂ε = (LSE − a·w − b·(1 − w)) / ε, the entropy of the weights
                ge += (SoftMaxPlus.lse(av[i], bv[i], eps) - av[i] * w - bv[i] * (1 - w)) / eps;
            }
            assertEquals(ge, e.getGradient().getDouble(), 1e-12);
        }
    }

    @Test
    void threeTermLseExceedsMaxByAtMostEpsilonLn3() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SplittableRandom r = new SplittableRandom(5);
            double[][] v = new double[3][1000];
            for (double[] row : v) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.nextDouble(-2, 2);
                }
            }
            v[0][0] = v[1][0];
            v[2][0] = v[1][0];
            double eps = 0.05;
            double[] got = SoftMaxPlus.lse(new NDList(m.create(v[0]), m.create(v[1]), m.create(v[2])),
                    m.create(eps).toType(DataType.FLOAT64, false)).toDoubleArray();
            for (int i = 0; i < got.length; i++) {
                double max = Math.max(v[0][i], Math.max(v[1][i], v[2][i]));
                assertTrue(got[i] - max >= 0 && got[i] - max <= eps * Math.log(3) * (1 + 1e-12));
            }
            assertEquals(eps * Math.log(3), got[0] - v[1][0], 1e-12);
        }
    }

    @Test
    void boundCheckFindsTiesAtTheBoundAndNothingOutside() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] a = {0, 1, -3, 5};
            double[] b = {0, 1, 2, -5};
            double[] eps = {0.5, 2, 0.1, 1};
            SoftMaxPlus.BoundCheck c = SoftMaxPlus.checkBound(m, a, b, eps);
            assertEquals(4, c.pairs());
            assertEquals(0, c.outside());
            assertEquals(1, c.maxGapOverBound(), 1e-12);                         // the ties
            assertEquals(0.1 * Math.log1p(Math.exp(-50)), c.minGap(), 1e-15);    // the clear winner at ε = 0.1
        }
    }
}
