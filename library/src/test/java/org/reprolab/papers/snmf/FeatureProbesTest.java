package org.reprolab.papers.snmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;

class FeatureProbesTest {

    @Test
    void differenceOfMeansAndProjectionOfAHandMatrix() {
        // Two units, four inputs of classes (0, 0, 1, 1).
        double[][] a = {{1, 3, 5, 7}, {2, 2, 0, 0}};
        int[] labels = {0, 0, 1, 1};
        assertArrayEquals(new double[] {-4, 2}, FeatureProbes.diffMeans(a, labels, 0), 1e-15);
        assertArrayEquals(new double[] {0, -8, -20, -28}, FeatureProbes.project(a, new double[] {-4, 2}), 1e-15);
        assertEquals((Math.sqrt(5) + Math.sqrt(13) + 5 + 7) / 4, FeatureProbes.meanColumnNorm(a), 1e-15);
    }

    @Test
    void scaledHasTheNormAndRandomLikeTheSupportSize() {
        float[] v = FeatureProbes.scaled(new double[] {3, 0, 4}, 10);
        assertArrayEquals(new float[] {6, 0, 8}, v, 1e-6f);
        double[] r = FeatureProbes.randomLike(new double[] {1, 0, 0, 2, 0}, new SplittableRandom(1));
        int nonZero = 0;
        for (double x : r) {
            nonZero += x != 0 ? 1 : 0;
        }
        assertEquals(2, nonZero);
    }

    @Test
    void activationsAreTheFirstLayerOutputsUnitByInputAndSteeringByZeroChangesNothing() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(4);
            SequentialBlock net = Mlp.builder().setWidth(5).setDepth(2).setOutputs(3).optActivation(Act.RELU)
                    .build();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            NDArray x = m.randomNormal(new Shape(6, 4));
            NDArray h = FeatureProbes.outputOf(net, x, 1);
            double[][] a = FeatureProbes.activations(net, x, 1);
            assertEquals(5, a.length);
            assertEquals(6, a[0].length);
            assertEquals(h.getFloat(2, 3), a[3][2], 0);
            assertArrayEquals(FeatureProbes.steer(net, x, null, 1).toFloatArray(),
                    FeatureProbes.steer(net, x, new float[5], 1).toFloatArray(), 0);
            assertEquals(0, FeatureProbes.flipRate(net, x, new float[5], 1, 0));
        }
    }
}
