package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.train.RegressionFit;

class SKanLayerTest {

    private static NDArray samples(NDManager m, int n, int d, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return m.create(x, new Shape(n, d));
    }

    private static SKanLayer layer(NDManager m, int in, int out, List<ActivationSpace> spaces, double noise) {
        SKanLayer l = SKanLayer.builder().setInputs(in).setOutputs(out).optSpaces(spaces).optNoiseScale(noise).build();
        l.initialize(m, DataType.FLOAT64, new Shape(1, in));
        return l;
    }

    private static double[] values(SKanLayer l, String name) {
        return l.getParameters().get(name).getArray().toDoubleArray();
    }

    @Test
    void outputFollowsTheSelectionWeightedSumOfSpaces() {
        Engines.seed(11);
        try (NDManager m = Engines.engine().newBaseManager()) {
            List<ActivationSpace> spaces = List.of(ActivationSpace.chebyshev(3), ActivationSpace.gaussianRbf(4));
            SKanLayer l = layer(m, 2, 2, spaces, 10);
            l.getParameters().get("selection").getArray().set(DoubleBuffer.wrap(new double[] {0.3, -0.2, 1.0, 0.5}));
            NDArray x = samples(m, 30, 2, -1.2, 1.2, 12);              // some inputs outside the domain: clipped
            double[] y = RegressionFit.predict(l, x);
            double[] c0 = values(l, "coef0");
            double[] c1 = values(l, "coef1");
            double[] sb = values(l, "scale_base");
            double[] a = {Math.exp(0.3), Math.exp(-0.2), Math.exp(1.0), Math.exp(0.5)};
            double[][] w = {{a[0] / (a[0] + a[1]), a[1] / (a[0] + a[1])}, {a[2] / (a[2] + a[3]), a[3] / (a[2] + a[3])}};
            assertArrayEquals(w[0], l.selectionWeights()[0], 1e-12);
            double[] xs = x.toDoubleArray();
            for (int r = 0; r < 30; r++) {
                for (int j = 0; j < 2; j++) {
                    double expected = 0;
                    for (int i = 0; i < 2; i++) {
                        double xc = Math.max(-1, Math.min(1, xs[r * 2 + i]));
                        expected += sb[j * 2 + i] * xc / (1 + Math.exp(-xc));
                        double[] t = spaces.get(0).basisRow(xc);
                        double[] g = spaces.get(1).basisRow(xc);
                        for (int c = 0; c < 4; c++) {
                            expected += w[j][0] * c0[(j * 2 + i) * 4 + c] * t[c] + w[j][1] * c1[(j * 2 + i) * 4 + c] * g[c];
                        }
                    }
                    assertEquals(expected, y[r * 2 + j], 1e-12);
                }
            }
        }
    }

    @Test
    void pruningKeepsEachNodesHeaviestSpaceWithWeightOne() {
        Engines.seed(13);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanLayer l = layer(m, 1, 3, SKanLayer.defaultSpaces(), 0.1);
            l.getParameters().get("selection").getArray().set(DoubleBuffer.wrap(new double[] {
                0, 2, 0, 0, /**/ 1, 0, 0, 0, /**/ 0, 0, 0, 3}));
            assertArrayEquals(new int[] {1, 0, 3}, l.chosen());
            assertTrue(!l.isPruned());
            l.prune();
            assertTrue(l.isPruned());
            double[][] a = l.selectionWeights();
            assertArrayEquals(new double[] {0, 1, 0, 0}, a[0], 0);
            assertArrayEquals(new double[] {0, 0, 0, 1}, a[2], 0);
            // Pruned: the base scales plus one space of 10 coefficients per node.
            assertEquals(3 + 3 * 10, l.effectiveParameterCount());
        }
    }

    @Test
    void lowerTemperatureSharpensTheSelection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanLayer l = layer(m, 1, 1, SKanLayer.defaultSpaces(), 0.1);
            l.getParameters().get("selection").getArray().set(DoubleBuffer.wrap(new double[] {0.1, 0.0, 0.0, 0.0}));
            double warm = l.selectionWeights()[0][0];
            l.setTemperature(0.01);
            double cold = l.selectionWeights()[0][0];
            assertTrue(warm < 0.3 && cold > 0.99, warm + " → " + cold);
            assertThrows(IllegalArgumentException.class, () -> l.setTemperature(0));
        }
    }

    @Test
    void domainUpdateKeepsPolynomialEdgesExactly() {
        Engines.seed(14);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanLayer l = layer(m, 2, 3, List.of(ActivationSpace.chebyshev(6)), 10);
            NDArray x = samples(m, 200, 2, -0.4, 0.7, 15);             // inside the old domain: no clipping
            double[] before = RegressionFit.predict(l, x);
            l.updateDomain(x);
            assertArrayEquals(before, RegressionFit.predict(l, x), 1e-9);
            double[] dom = values(l, "domain");
            double[] xs = x.toDoubleArray();
            double min0 = Double.POSITIVE_INFINITY;
            for (int r = 0; r < 200; r++) {
                min0 = Math.min(min0, xs[2 * r]);
            }
            assertEquals(min0, dom[0], 0);
        }
    }

    @Test
    void droppingASpaceRemovesOnlyItsContribution() {
        Engines.seed(18);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanLayer l = layer(m, 2, 2, SKanLayer.defaultSpaces(), 10);
            l.getParameters().get("selection").getArray().set(DoubleBuffer.wrap(new double[] {0.3, -0.2, 1, 0.5, 0, 0, 0, 0}));
            l.getParameters().get("coef1").getArray().set(DoubleBuffer.wrap(new double[2 * 2 * 10]));   // Chebyshev silent
            NDArray x = samples(m, 50, 2, -1, 1, 19);
            double[] before = RegressionFit.predict(l, x);
            l.dropSpace(0, 1);
            l.dropSpace(1, 1);
            assertArrayEquals(before, RegressionFit.predict(l, x), 1e-12);
            assertArrayEquals(new double[] {1, 0, 1, 1, 1, 0, 1, 1}, l.keepMask(), 0);
            // Pruning to the heaviest space keeps that space's contribution (scaled to weight 1).
            double[][] a = l.selectionWeights();
            l.prune();
            assertArrayEquals(new int[] {2, 0}, l.chosen());
            assertEquals(1, l.selectionWeights()[0][2], 0);
            assertTrue(a[0][2] < 1);
        }
    }

    @Test
    void eliminationDropsASpaceThatContributesNothing() {
        Engines.seed(16);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanBlock net = SKanBlock.builder().setWidths(1, 1).optNoiseScale(10).build();
            net.initialize(m, DataType.FLOAT64, new Shape(1, 1));
            SKanLayer l = net.layers().get(0);
            l.getParameters().get("coef2").getArray().set(DoubleBuffer.wrap(new double[10]));   // Fourier silenced
            NDArray[] data = ToyFunction.sinPi().sample(m, 100, new SplittableRandom(17));
            assertEquals(0, l.importance(data[0])[0][2], 0);
            assertEquals(1, l.dropLeastImportant(data[0]));
            assertArrayEquals(new double[] {1, 1, 0, 1}, l.keepMask(), 0);
            // By the loss: silence the B-spline too; removing it changes nothing, so it goes next.
            // The target is the network's own output, so every other removal costs something.
            l.getParameters().get("coef0").getArray().set(DoubleBuffer.wrap(new double[10]));
            NDArray own = m.create(RegressionFit.predict(net, data[0]), new Shape(100, 1));
            assertEquals(1, net.dropLeastUseful(data[0], own));
            assertArrayEquals(new double[] {0, 1, 0, 1}, l.keepMask(), 0);
            assertEquals(0, RegressionFit.rmse(net, data[0], own), 1e-12);
            assertEquals(1, net.dropLeastImportant(data[0]));
            assertEquals(0, net.dropLeastImportant(data[0]));
            assertTrue(net.isPruned());
        }
    }

    @Test
    void selectionEntropyIsLogMWhenUniformAndZeroWhenPruned() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanBlock net = SKanBlock.builder().setWidths(2, 3, 1).build();
            net.initialize(m, DataType.FLOAT64, new Shape(1, 2));
            assertEquals(Math.log(4), net.selectionEntropy().getDouble(), 1e-12);
            net.prune();
            assertEquals(0, net.selectionEntropy().getDouble(), 1e-12);
            assertEquals(List.of(List.of("B-spline", "B-spline", "B-spline"), List.of("B-spline")), net.chosenSpaces());
        }
    }

    @Test
    void keepMaskMustLeaveEveryNodeASpace() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanLayer l = layer(m, 1, 1, SKanLayer.defaultSpaces(), 0.1);
            assertThrows(IllegalArgumentException.class, () -> l.setKeepMask(new double[4]));
        }
    }
}
