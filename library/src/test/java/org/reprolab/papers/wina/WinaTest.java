package org.reprolab.papers.wina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class WinaTest {

    @Test
    void winaIsTheBruteForceOptimumForOrthogonalColumns() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] w = Wina.orthogonalColumns(10, 8, 0.1, 3, rng);
        int tealWorse = 0;
        for (int t = 0; t < 50; t++) {
            double[] x = new double[8];
            for (int j = 0; j < 8; j++) {
                x[j] = rng.nextGaussian();
            }
            double best = Wina.bruteForceMinimum(w, x, 4);
            assertEquals(best, Wina.error(w, x, Wina.winaMask(w, x, 4)), 1e-12 * (1 + best));
            double teal = Wina.error(w, x, Wina.tealMask(x, 4));
            assertTrue(teal >= best - 1e-12);
            tealWorse += teal > best + 1e-12 ? 1 : 0;
        }
        assertTrue(tealWorse > 0, "with unequal column norms TEAL misses the optimum sometimes");
    }

    @Test
    void errorIsTheSumOfDroppedSquaredContributionsForOrthogonalColumns() {
        double[][] w = {{2, 0}, {0, 1}, {0, 0}};
        double[] x = {1, 3};
        assertEquals(9, Wina.error(w, x, new boolean[] {true, false}), 1e-12);
        assertEquals(4, Wina.error(w, x, new boolean[] {false, true}), 1e-12);
        assertArrayEquals(new double[] {2, 3}, Wina.scores(w, x), 1e-12);
    }

    @Test
    void sparsifierScoresByMagnitudeTimesColumnNorm() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            // Column norms (10, 1, 1): x = (0.5, 2, 1) scores (5, 2, 1); TEAL would keep x₂ instead of x₁.
            NDArray w = m.create(new float[] {6, 1, 0, 8, 0, 1}, new Shape(2, 3));
            assertArrayEquals(new float[] {10, 1, 1}, Wina.columnNorms(w).toFloatArray(), 1e-6f);
            NDArray x = m.create(new float[] {0.5f, 2, 1}, new Shape(1, 3));
            assertArrayEquals(new float[] {0.5f, 0, 0}, Wina.sparsifier(2.0 / 3).sparsify(x, w).toFloatArray());
        }
    }
}
