package org.reprolab.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class TopKTest {

    @Test
    void keepCountsRoundTheDroppedShare() {
        assertEquals(75, TopK.keep(100, 0.25));
        assertEquals(35, TopK.keep(100, 0.65));
        assertEquals(10, TopK.keep(10, 0));
        assertEquals(0, TopK.keep(10, 1));
    }

    @Test
    void maskKeepsTheLargestScoresOfEachRow() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray scores = m.create(new float[] {3, 1, 2, 5, 0, 9, 4, 8}, new Shape(2, 4));
            assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1, 0, 1}, TopK.mask(scores, 2).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, TopK.mask(scores, 4).toFloatArray());
            assertArrayEquals(new float[8], TopK.mask(scores, 0).toFloatArray());
        }
    }

    @Test
    void arrayIndicesAreLargestFirstAndTiesByIndex() {
        assertArrayEquals(new int[] {3, 0, 2}, TopK.indices(new double[] {2, 1, 2, 5}, 3));
        assertArrayEquals(new boolean[] {true, false, false, true}, TopK.mask(new double[] {2, 1, 2, 5}, 2));
    }

    @Test
    void magnitudeSparsifierZeroesTheSmallestEntries() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {-4, 1, 0.5f, 3}, new Shape(1, 4));
            NDArray w = m.ones(new Shape(2, 4));
            assertArrayEquals(new float[] {-4, 0, 0, 3}, InputSparsifier.magnitude(0.5).sparsify(x, w)
                    .toFloatArray());
        }
    }
}
