package org.reprolab.papers.hlop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.LinearAlgebra;
import org.reprolab.math.Orthogonalization;
import org.reprolab.math.SymmetricEigen;

class HlopTest {

    /** Inputs x = A z with z standard normal in 3 of 8 dimensions, plus small isotropic noise. */
    private static float[] lowRankInputs(int n, SplittableRandom rng) {
        float[] x = new float[n * 8];
        for (int i = 0; i < n; i++) {
            double[] z = {3 * rng.nextGaussian(), 2 * rng.nextGaussian(), 1.5 * rng.nextGaussian()};
            for (int j = 0; j < 8; j++) {
                double v = 0.05 * rng.nextGaussian();
                v += j < 3 ? z[j] : 0;                                      // the principal subspace is e1, e2, e3
                x[i * 8 + j] = (float) v;
            }
        }
        return x;
    }

    @Test
    void ojaSubspaceRuleFindsAnOrthonormalBasisOfThePrincipalSubspace() {
        SplittableRandom rng = new SplittableRandom(11);
        try (NDManager m = Engines.engine().newBaseManager()) {
            HebbianSubspace h = new HebbianSubspace(8, 0.5f);
            h.begin(3, m, rng);
            for (int it = 0; it < 600; it++) {
                try (NDManager batch = m.newSubManager()) {
                    h.learn(batch.create(lowRankInputs(64, rng)).reshape(64, 8));
                }
            }
            h.commit();
            double[][] rows = h.frozenRows();
            double[][] gram = LinearAlgebra.multiply(rows, LinearAlgebra.transpose(rows));
            assertEquals(0, LinearAlgebra.frobeniusNorm(LinearAlgebra.subtract(gram, LinearAlgebra.identity(3))),
                    0.02);
            double[][] axes = {{1, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0, 0, 0}};
            for (double c : SymmetricEigen.principalCosines(Orthogonalization.orthonormalRows(rows), axes)) {
                assertEquals(1, c, 1e-3);
            }
        }
    }

    @Test
    void projectedGradientIsOrthogonalToTheFrozenSubspace() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            HebbianSubspace h = new HebbianSubspace(8, 0.5f);
            h.begin(3, m, new SplittableRandom(2));
            h.commit();                                                      // a random orthonormal H, frozen
            NDArray g = m.randomNormal(new Shape(5, 8));
            NDArray p = h.project(g);
            double[][] rows = h.frozenRows();
            float[] pv = p.toFloatArray();
            for (int o = 0; o < 5; o++) {
                for (double[] row : rows) {
                    double dot = 0;
                    for (int j = 0; j < 8; j++) {
                        dot += pv[o * 8 + j] * row[j];
                    }
                    assertEquals(0, dot, 1e-5);
                }
            }
        }
    }

    @Test
    void backwardTransferAndAverageAccuracyByHand() {
        double[][] r = {{0.9, 0.1, 0.1}, {0.8, 0.9, 0.1}, {0.7, 0.85, 0.95}};
        assertEquals(((0.7 - 0.9) + (0.85 - 0.9)) / 2, PermutedTasks.backwardTransfer(r), 1e-12);
        assertEquals((0.7 + 0.85 + 0.95) / 3, PermutedTasks.averageAccuracy(r), 1e-12);
    }

    @Test
    void permutedTaskMovesEveryFeatureByThePermutation() {
        LabeledData d = new LabeledData("d", new float[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1}, 3, List.of("a", "b"));
        LabeledData p = PermutedTasks.permute(d, new int[] {2, 0, 1}, 1);
        assertEquals(3f, p.feature(0, 0));
        assertEquals(4f, p.feature(1, 1));
        assertTrue(p.name().endsWith("task 2"));
    }
}
