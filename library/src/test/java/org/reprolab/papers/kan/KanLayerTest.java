package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.math.Residuals;
import org.reprolab.train.RegressionFit;

class KanLayerTest {

    private static NDArray samples(NDManager m, int n, int d, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return m.create(x, new Shape(n, d));
    }

    private static KanLayer layer(NDManager m, int in, int out, int grid, double noise) {
        KanLayer l = KanLayer.builder().setInputs(in).setOutputs(out).optGridSize(grid).optNoiseScale(noise).build();
        l.initialize(m, DataType.FLOAT64, new Shape(1, in));
        return l;
    }

    private static double silu(double x) {
        return x / (1 + Math.exp(-x));
    }

    @Test
    void outputIsTheSumOverEdgesOfBasePlusSpline() {
        Engines.seed(1);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanLayer l = layer(m, 3, 2, 5, 20);
            double[] sb = {0.5, -1, 2, 0.25, 1.5, -0.5};
            double[] ss = {1, 2, -1, 0.5, 3, 1};
            l.getParameters().get("scale_base").getArray().set(java.nio.DoubleBuffer.wrap(sb));
            l.getParameters().get("scale_sp").getArray().set(java.nio.DoubleBuffer.wrap(ss));
            NDArray x = samples(m, 40, 3, -1.3, 1.3, 2);
            double[] y = RegressionFit.predict(l, x);
            double[][] knots = l.knotArray();
            double[][][] c = l.coefficientArray();
            double[] xs = x.toDoubleArray();
            for (int r = 0; r < 40; r++) {
                for (int j = 0; j < 2; j++) {
                    double expected = 0;
                    for (int i = 0; i < 3; i++) {
                        double xi = xs[r * 3 + i];
                        expected += sb[j * 3 + i] * silu(xi) + ss[j * 3 + i] * BSpline.evaluate(xi, knots[i], 3, c[j][i]);
                    }
                    assertEquals(expected, y[r * 2 + j], 1e-12);
                }
            }
            // The edge activations sum to the output.
            double[] edges = l.edgeActivations(x).sum(new int[] {2}).toDoubleArray();
            assertArrayEquals(y, edges, 1e-12);
        }
    }

    @Test
    void nestedGridExtensionPreservesTheSplineExactly() {
        Engines.seed(2);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanLayer l = layer(m, 2, 3, 5, 30);
            NDArray x = samples(m, 500, 2, -1, 1, 3);
            double[] before = RegressionFit.predict(l, x);
            for (int g : new int[] {10, 7, 20}) {
                KanLayer fine = l.refine(x, g, KanLayer.KnotRule.NESTED);
                assertEquals(g, fine.gridSize());
                assertArrayEquals(before, RegressionFit.predict(fine, x), 1e-9, "5 → " + g);
            }
        }
    }

    @Test
    void pykanGridExtensionIsExactForMultiplesOfTheGridAndOnlyApproximateOtherwise() {
        Engines.seed(2);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanLayer l = layer(m, 2, 3, 5, 30);
            NDArray x = samples(m, 500, 2, -1, 1, 3);
            l.updateGrid(x);                                      // an adapted, non-uniform grid, as in training
            double[] before = RegressionFit.predict(l, x);
            for (int g : new int[] {10, 20}) {                    // nested on the grid's range: exact
                assertArrayEquals(before, RegressionFit.predict(l.refine(x, g), x), 1e-9, "5 → " + g);
            }
            for (KanLayer.KnotRule rule : new KanLayer.KnotRule[] {KanLayer.KnotRule.PYKAN, KanLayer.KnotRule.UNIFORM}) {
                double worst = Residuals.of(RegressionFit.predict(l.refine(x, 7, rule), x), before).maxAbs();
                assertTrue(worst > 1e-6, rule + ": the 5 → 7 grid does not nest, so it cannot be exact");
            }
        }
    }

    @Test
    void pykanKnotsInterpolateTheOldGridLinearly() {
        double[] old = BSpline.extend(new double[] {-1, -0.5, 0.3, 0.4, 1}, 3);
        double[] doubled = KanLayer.parentKnots(old, 3, 4, 8);
        double[] interior = {-1, -0.75, -0.5, -0.1, 0.3, 0.35, 0.4, 0.7, 1};
        assertArrayEquals(interior, BSpline.interior(doubled, 3), 1e-15);
        assertEquals(-1 - 3 * 0.25, doubled[0], 1e-15);                // extension spacing (1 − (−1)) / 8
        assertEquals(1 + 3 * 0.25, doubled[doubled.length - 1], 1e-15);
        // G' = 6: positions i·4/6 of the old index, e.g. i = 1 → 2/3 of the way from −1 to −0.5.
        double[] six = BSpline.interior(KanLayer.parentKnots(old, 3, 4, 6), 3);
        assertEquals(-1 + 2.0 / 3 * 0.5, six[1], 1e-15);
        assertEquals(0.3, six[3], 1e-15);
        assertEquals(1, six[6], 1e-15);
    }

    @Test
    void gridExtensionCoversSamplesBeyondTheOldGrid() {
        Engines.seed(3);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanLayer l = layer(m, 1, 1, 5, 30);
            // Samples reach into the extension intervals [−1.4, −1] and [1, 1.4] of the old grid.
            NDArray x = samples(m, 400, 1, -1.35, 1.35, 4);
            KanLayer fine = l.refine(x, 10, KanLayer.KnotRule.NESTED);
            assertArrayEquals(RegressionFit.predict(l, x), RegressionFit.predict(fine, x), 1e-9);
            double[] t = fine.knotArray()[0];
            double lo = java.util.Arrays.stream(x.toDoubleArray()).min().getAsDouble();
            double hi = java.util.Arrays.stream(x.toDoubleArray()).max().getAsDouble();
            assertEquals(lo, t[3], 1e-12);
            assertEquals(hi, t[13], 1e-12);
        }
    }

    @Test
    void edgeFunctionReadsOneEdgeAndSetEdgeFunctionFitsIt() {
        Engines.seed(5);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanLayer l = layer(m, 2, 2, 8, 0.1);
            double[] xs = new double[300];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = -1 + 2 * (i + 0.5) / xs.length;
            }
            l.setEdgeFunction(1, 0, x -> x * x * x - 0.5 * x, xs);     // a cubic minus SiLU: not a spline, but close
            double[] at = {-0.7, 0, 0.45};
            double[] phi = l.edgeFunction(1, 0, at);
            for (int i = 0; i < at.length; i++) {
                assertEquals(at[i] * at[i] * at[i] - 0.5 * at[i], phi[i], 2e-3, "at " + at[i]);
            }
            // The other edges are untouched and edgeFunction agrees with edgeActivations.
            double[] all = l.edgeActivations(m.create(new double[] {0.45, 0.45}, new ai.djl.ndarray.types.Shape(1, 2)))
                    .toDoubleArray();                                            // (1, out, in)
            assertEquals(all[1 * 2 + 0], phi[2], 1e-12);
            assertEquals(all[0 * 2 + 1], l.edgeFunction(0, 1, new double[] {0.45})[0], 1e-12);
        }
    }

    @Test
    void gridUpdateKeepsACubicPolynomialAndMovesTheGridToTheSamples() {
        Engines.seed(4);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanLayer l = layer(m, 1, 1, 6, 0.1);
            // Make the spline the cubic p(x) = x³ − x + 0.2, which every cubic spline space holds.
            double[] grid = new double[201];
            double[][] y = new double[1][201];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = -1 + 2.0 * i / 200 - (i == 200 ? 1e-12 : 0);
                y[0][i] = grid[i] * grid[i] * grid[i] - grid[i] + 0.2;
            }
            double[] c = BSpline.fit(grid, y, l.knotArray()[0], 3)[0];
            l.setCoefficients(new double[][][] {{c}});
            NDArray x = samples(m, 300, 1, -0.6, 0.9, 5);
            double[] before = RegressionFit.predict(l, x);
            l.updateGrid(x);
            assertArrayEquals(before, RegressionFit.predict(l, x), 1e-9);
            double[] xs = x.toDoubleArray();
            double[] t = l.knotArray()[0];
            assertEquals(java.util.Arrays.stream(xs).min().getAsDouble(), t[3], 1e-12);
            assertEquals(java.util.Arrays.stream(xs).max().getAsDouble(), t[9], 1e-12);
        }
    }

    @Test
    void finerKnotsNestTheOldKnots() {
        double[] old = BSpline.extend(new double[] {-1, -0.5, 0.3, 0.4, 1}, 3);
        double[] fine = KanLayer.finerKnots(old, 3, 4, 9, -0.9, 0.9);
        assertEquals(9 + 7, fine.length);
        for (int i = 3; i <= 7; i++) {
            final double knot = old[i];
            org.junit.jupiter.api.Assertions.assertTrue(
                    java.util.Arrays.stream(fine).anyMatch(t -> Math.abs(t - knot) < 1e-15), "missing " + knot);
        }
    }

    @Test
    void builderRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> KanLayer.builder().setOutputs(1).build());
        assertThrows(IllegalArgumentException.class,
                () -> KanLayer.builder().setInputs(1).setOutputs(1).optGridSize(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> KanLayer.builder().setInputs(1).setOutputs(1).optGridRange(1, -1).build());
    }
}
