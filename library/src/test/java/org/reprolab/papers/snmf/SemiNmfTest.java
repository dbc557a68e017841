package org.reprolab.papers.snmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.math.LinearAlgebra;

class SemiNmfTest {

    @Test
    void recoversAnExactSemiNonnegativeProduct() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] z = new double[12][3];
        for (double[] row : z) {
            for (int j = 0; j < 3; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] y = new double[60][3];
        for (double[] row : y) {
            for (int j = 0; j < 3; j++) {
                row[j] = rng.nextDouble();
            }
        }
        double[][] a = LinearAlgebra.multiply(z, LinearAlgebra.transpose(y));
        SemiNmf f = SemiNmf.fit(a, 3, 1.0, 400, new SplittableRandom(5));
        assertTrue(f.relativeError(a) < 0.05, "relative error " + f.relativeError(a));
        for (int i = 1; i < f.bestLoss().length; i++) {
            assertTrue(f.bestLoss()[i] <= f.bestLoss()[i - 1]);
        }
        for (double[] row : f.y()) {
            for (double v : row) {
                assertTrue(v >= 0);
            }
        }
    }

    @Test
    void winnerTakeAllKeepsTheLargestMagnitudesOfEachColumn() {
        double[][] z = {{1, -5}, {-3, 2}, {2, 1}};
        SemiNmf.winnerTakeAll(z, 1);
        assertArrayEquals(new double[] {0, -5}, z[0], 0);
        assertArrayEquals(new double[] {-3, 0}, z[1], 0);
        assertArrayEquals(new double[] {0, 0}, z[2], 0);
    }

    @Test
    void purityAndDominantClassOfTheTopInputs() {
        double[] scores = {0.9, 0.8, 0.7, 0.1, 0.6};
        int[] labels = {2, 2, 1, 0, 2};
        assertEquals(2, FeatureProbes.dominantClass(scores, labels, 3, 3));
        assertEquals(2.0 / 3, FeatureProbes.purity(scores, labels, 3, 3), 1e-15);
        assertEquals(0.75, FeatureProbes.purity(scores, labels, 3, 4), 1e-15);
    }
}
