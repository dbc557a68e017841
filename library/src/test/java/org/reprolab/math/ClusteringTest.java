package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusteringTest {

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
}
