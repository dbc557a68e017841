package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.GcStress;

/**
 * The straight-through baseline computes its loss and gradient in plain Java doubles (no NDArray, no autograd), so
 * it is outside the bug class of {@link org.reprolab.engine.NdConstants}. This pins that down: the gradient is the
 * same, bit for bit, after a forced collection that overwrites freed native memory ({@link GcStress}). It would
 * catch a port of {@link StraightThrough#lossAndGradient} to NDArrays that used number arguments.
 */
class GradientLifetimeTest {

    private static double[][] gradient(BtfNetwork net, double[][] w, TruthTable t, boolean stress) {
        if (stress) {
            GcStress.collectAndOverwriteFreedMemory();
        }
        double[][] g = new double[w.length][];
        for (int j = 0; j < w.length; j++) {
            g[j] = new double[w[j].length];
        }
        StraightThrough.lossAndGradient(net, w, t, g, null);
        return g;
    }

    @Test
    void straightThroughGradientsDoNotDependOnGarbageCollection() {
        BtfNetwork net = BtfNetwork.layered(4, new int[] {6}, 2, true);
        TruthTable t = TruthTable.of(4, x -> new double[] {x[0] * x[1], x[2] > 0 || x[3] > 0 ? 1 : -1});
        SplittableRandom rng = new SplittableRandom(101);
        double[][] w = new double[net.nodes()][];
        for (int j = 0; j < w.length; j++) {
            w[j] = new double[net.fanIn(j)];
            for (int i = 0; i < w[j].length; i++) {
                w[j][i] = rng.nextDouble() - 0.5;
            }
        }
        double[][] reference = gradient(net, w, t, false);
        assertEquals(net.nodes(), reference.length);
        for (int trial = 0; trial < 3; trial++) {
            double[][] g = gradient(net, w, t, true);
            for (int j = 0; j < w.length; j++) {
                assertArrayEquals(reference[j], g[j], 0, "node " + j + ", trial " + trial);
            }
        }
    }
}
