package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusteringTest {

    @Test
    void jaccardCountsSharedOverUnion() {
        assertEquals(2.0 / 4, Clustering.jaccard(Set.of(1, 2, 3), Set.of(2, 3, 4)), 1e-15);
        assertEquals(1, Clustering.jaccard(Set.of(), Set.of()));
        assertEquals(0, Clustering.jaccard(Set.of(1), Set.of(2)));
    }

    @Test
    void twoClassThresholdSplitsTwoSeparatedGroups() {
        double t = Clustering.twoClassThreshold(new double[] {0.1, 0.9, 0.12, 0.85, 0.11, 0.95});
        assertEquals(0.85, t, 0);
    }

    @Test
    void bestAssignmentFindsTheBruteForceOptimum() {
        double[][] s = {{0.9, 0.8, 0.1}, {0.85, 0.1, 0.2}};   // greedy row 0 → col 0 would score 0.9 + 0.2
        assertArrayEquals(new int[] {1, 0}, Clustering.bestAssignment(s));
    }

    @Test
    void kMeansRecoversThreeWellSeparatedBlobs() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] x = new double[30][2];
        for (int i = 0; i < 30; i++) {
            x[i][0] = 10 * (i % 3) + 0.1 * random.nextGaussian();
            x[i][1] = 0.1 * random.nextGaussian();
        }
        int[] label = Clustering.kMeans(x, 3, 3, random);
        for (int i = 3; i < 30; i++) {
            assertEquals(label[i % 3], label[i]);
        }
        assertNotEquals(label[0], label[1]);
        assertNotEquals(label[1], label[2]);
        assertNotEquals(label[0], label[2]);
    }
}
