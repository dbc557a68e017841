package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class BSplineTest {

    /** A non-uniform knot vector: G = 6 intervals of unequal width, extended by k = 3. */
    private static final double[] KNOTS = BSpline.extend(new double[] {-1, -0.7, -0.2, 0.1, 0.15, 0.6, 1}, 3);

    private static double[] uniformSamples(int n, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    private static NDArray basisNd(NDManager m, double[] x, double[] knots, int k) {
        NDArray xs = m.create(x, new Shape(x.length, 1));
        NDArray t = m.create(knots, new Shape(1, knots.length));
        return BSpline.basis(xs, t, k);
    }

    @Test
    void basisIsAPartitionOfUnityOnTheInterior() {
        double[] x = uniformSamples(500, KNOTS[3], KNOTS[KNOTS.length - 4] - 1e-12, 1);
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (int k = 0; k <= 3; k++) {
                double[] knots = BSpline.extend(BSpline.interior(KNOTS, 3), k);
                double[] nd = basisNd(m, x, knots, k).sum(new int[] {2}).toDoubleArray();
                for (int i = 0; i < x.length; i++) {
                    assertEquals(1, nd[i], 1e-12, "NDArray basis, k=" + k + " x=" + x[i]);
                    double s = 0;
                    for (double v : BSpline.basisRow(x[i], knots, k)) {
                        s += v;
                    }
                    assertEquals(1, s, 1e-12, "double basis, k=" + k + " x=" + x[i]);
                }
            }
        }
    }

    @Test
    void orderZeroIsTheIntervalIndicator() {
        double[] x = uniformSamples(200, -2.5, 2.5, 2);
        for (double xi : x) {
            double[] row = BSpline.basisRow(xi, KNOTS, 0);
            for (int i = 0; i < row.length; i++) {
                double expected = KNOTS[i] <= xi && xi < KNOTS[i + 1] ? 1 : 0;
                assertEquals(expected, row[i], 0, "B_" + i + ",0(" + xi + ")");
            }
        }
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] nd = basisNd(m, x, KNOTS, 0).toDoubleArray();
            int n = KNOTS.length - 1;
            for (int r = 0; r < x.length; r++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(KNOTS[i] <= x[r] && x[r] < KNOTS[i + 1] ? 1 : 0, nd[r * n + i], 0);
                }
            }
        }
    }

    @Test
    void bothEvaluationsAgreeWithTheDirectCoxDeBoorRecursion() {
        double[] x = uniformSamples(300, -2.2, 2.2, 3);
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (int k = 0; k <= 3; k++) {
                int n = KNOTS.length - k - 1;
                double[] nd = basisNd(m, x, KNOTS, k).toDoubleArray();
                for (int r = 0; r < x.length; r++) {
                    double[] row = BSpline.basisRow(x[r], KNOTS, k);
                    for (int i = 0; i < n; i++) {
                        double oracle = BSpline.coxDeBoor(i, k, x[r], KNOTS);
                        assertEquals(oracle, row[i], 1e-13, "basisRow k=" + k + " i=" + i + " x=" + x[r]);
                        assertEquals(oracle, nd[r * n + i], 1e-13, "NDArray k=" + k + " i=" + i + " x=" + x[r]);
                    }
                }
            }
        }
    }

    @Test
    void basisVanishesOutsideTheKnotVector() {
        for (double x : new double[] {-5, KNOTS[0] - 1e-9, KNOTS[KNOTS.length - 1], 7}) {
            for (double v : BSpline.basisRow(x, KNOTS, 3)) {
                assertEquals(0, v, 0);
            }
        }
    }

    @Test
    void cubicSplinesReproduceACubicPolynomialExactly() {
        double[] x = uniformSamples(400, -1, 1 - 1e-12, 4);
        double[][] y = new double[1][x.length];
        for (int i = 0; i < x.length; i++) {
            y[0][i] = 2 * x[i] * x[i] * x[i] - x[i] + 0.5;
        }
        double[] c = BSpline.fit(x, y, KNOTS, 3)[0];
        for (double t : uniformSamples(100, -1, 1 - 1e-12, 5)) {
            assertEquals(2 * t * t * t - t + 0.5, BSpline.evaluate(t, KNOTS, 3, c), 1e-9);
        }
    }

    @Test
    void leastSquaresRecoversTheCoefficientsOfASpline() {
        SplittableRandom r = new SplittableRandom(6);
        int n = KNOTS.length - 4;
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = r.nextDouble() * 2 - 1;
        }
        // Samples over the whole support, so every basis function is seen.
        double[] x = uniformSamples(2000, KNOTS[0], KNOTS[KNOTS.length - 1] - 1e-9, 7);
        double[][] y = new double[1][x.length];
        for (int i = 0; i < x.length; i++) {
            y[0][i] = BSpline.evaluate(x[i], KNOTS, 3, truth);
        }
        assertArrayEquals(truth, BSpline.fit(x, y, KNOTS, 3)[0], 1e-8);
    }

    @Test
    void autogradGivesTheSplineDerivative() {
        double[] c = {0.3, -1.2, 0.8, 2.0, -0.5, 0.1, 1.4, -0.9, 0.6};
        double[] x = uniformSamples(50, -0.99, 0.99, 8);
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray xs = m.create(x, new Shape(x.length, 1));
            xs.setRequiresGradient(true);
            NDArray t = m.create(KNOTS, new Shape(1, KNOTS.length));
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                NDArray y = BSpline.basis(xs, t, 3).mul(m.create(c)).sum();
                gc.backward(y);
            }
            double[] grad = xs.getGradient().toDoubleArray();
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double fd = (BSpline.evaluate(x[i] + h, KNOTS, 3, c) - BSpline.evaluate(x[i] - h, KNOTS, 3, c)) / (2 * h);
                assertEquals(fd, grad[i], 1e-6, "x=" + x[i]);
            }
        }
    }

    @Test
    void adaptiveKnotsMixQuantilesAndTheUniformGrid() {
        double[] s = uniformSamples(1001, -0.5, 0.8, 9);
        double[] uniform = BSpline.interior(BSpline.adaptiveKnots(s, 4, 3, 1.0), 3);
        double lo = java.util.Arrays.stream(s).min().getAsDouble();
        double hi = java.util.Arrays.stream(s).max().getAsDouble();
        for (int g = 0; g <= 4; g++) {
            assertEquals(lo + (hi - lo) * g / 4, uniform[g], 1e-12);
        }
        double[] sorted = s.clone();
        java.util.Arrays.sort(sorted);
        double[] quantile = BSpline.interior(BSpline.adaptiveKnots(s, 4, 3, 0.0), 3);
        assertEquals(sorted[0], quantile[0], 0);
        assertEquals(sorted[500], quantile[2], 0);
        assertEquals(sorted[1000], quantile[4], 0);
        // Extension knots continue with the grid's mean spacing.
        double[] t = BSpline.adaptiveKnots(s, 4, 3, 0.0);
        assertEquals((hi - lo) / 4, t[3] - t[2], 1e-12);
    }

    @Test
    void worksInFloat32Too() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {-0.3f, 0.4f}, new Shape(2, 1));
            NDArray t = m.create(KNOTS, new Shape(1, KNOTS.length)).toType(DataType.FLOAT32, false);
            NDArray b = BSpline.basis(x, t, 3);
            assertEquals(DataType.FLOAT32, b.getDataType());
            assertEquals(1, b.sum(new int[] {2}).toFloatArray()[0], 1e-6);
        }
    }
}
