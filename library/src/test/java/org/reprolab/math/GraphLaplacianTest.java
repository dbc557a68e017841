package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GraphLaplacianTest {

    @Test
    void theAllToAllSpectrumIsZeroThenNRepeated() {
        assertArrayEquals(new double[] {0, 6, 6, 6, 6, 6}, GraphLaplacian.eigenvalues(GraphLaplacian.allToAll(6)),
                1e-12);
    }

    @Test
    void theRingSpectrumIsTwoMinusTwiceTheCosines() {
        int n = 7;
        double[] expected = new double[n];
        for (int j = 0; j < n; j++) {
            expected[j] = 2 - 2 * Math.cos(2 * Math.PI * j / n);
        }
        Arrays.sort(expected);
        assertArrayEquals(expected, GraphLaplacian.eigenvalues(GraphLaplacian.ring(n)), 1e-12);
    }

    @Test
    void theLaplacianOfAnAdjacencyHasZeroRowSums() {
        double[][] a = {{0, 1, 0}, {1, 0, 2}, {0, 2, 0}};
        double[][] l = GraphLaplacian.of(a);
        for (double[] row : l) {
            assertEquals(0, Arrays.stream(row).sum(), 0);
        }
        assertEquals(3, l[1][1], 0);
        assertArrayEquals(GraphLaplacian.ring(3), GraphLaplacian.of(new double[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}));
    }
}
