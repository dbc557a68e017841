package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.math.LinearFit;

class LearnedEdgesTest {

    @Test
    void edgesSetToAffineImagesOfSinAndSquareAreReadBack() {
        Engines.seed(12);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanBlock net = KanTraining.kan(m, 20, 2, 1, 1);
            double[] xs = LearnedEdges.grid(-1, 1, 400);
            KanLayer inner = net.layers().get(0);
            inner.setEdgeFunction(0, 0, x -> 2 * Math.sin(Math.PI * x) + 0.5, xs);
            inner.setEdgeFunction(0, 1, x -> -3 * x * x + 1, xs);
            LearnedEdges e = LearnedEdges.of(net, 101);
            LinearFit sin = e.sinFit();
            LinearFit sq = e.squareFit();
            assertEquals(2, sin.slope(), 1e-3);
            assertEquals(0.5, sin.intercept(), 1e-3);
            assertEquals(-3, sq.slope(), 1e-3);
            assertEquals(1, sq.intercept(), 1e-3);
            assertTrue(e.worstR2() > 0.99999, "R² " + e.worstR2());
            // The hidden node's range is the sum of the inner ranges: [−1.5 − 2, 2.5 + 1].
            assertEquals(-3.5, e.hidden()[0], 1e-2);
            assertEquals(3.5, e.hidden()[e.hidden().length - 1], 1e-2);
        }
    }

    @Test
    void onlyATwoOneOneKanHasTheseEdges() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> LearnedEdges.of(KanTraining.kan(m, 5, 2, 2, 1), 11));
        }
    }
}
