package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class TrajectoryErrorsTest {

    @Test
    void currentsKeepTheirDistanceFromTheThreshold() {
        double[][] in = TrajectoryErrors.currentsAwayFromThreshold(200, 30, 0.5, 0.1, new SplittableRandom(1));
        for (double[] row : in) {
            for (double v : row) {
                assertTrue(Math.abs(v - 0.5) >= 0.1 && Math.abs(v - 0.5) <= 2, "current " + v);
            }
        }
    }

    @Test
    void tiedInputErrorIsEpsilonLogOfStepsPlusOne() {
        double[][] in = TrajectoryErrors.currentsAwayFromThreshold(5, 20, 0, 0.1, new SplittableRandom(2));
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (TrajectoryErrors.Row r : TrajectoryErrors.study(m, in, 0.9, 0, 0.5, 1e-3)) {
                assertEquals(r.epsilon() * Math.log(21), r.tiedInputError(), 1e-12);
            }
        }
    }

    @Test
    void smallTemperaturesStayWithinTheAccumulatedBoundAndAgreeOnSpikes() {
        double[][] in = TrajectoryErrors.currentsAwayFromThreshold(100, 50, 0, 0.1, new SplittableRandom(3));
        try (NDManager m = Engines.engine().newBaseManager()) {
            List<TrajectoryErrors.Row> rows = TrajectoryErrors.study(m, in, 0.9, 0, 1e-3, 1e-4);
            for (TrajectoryErrors.Row r : rows) {
                assertTrue(r.maxOverBound() <= 1, "max error / (t ε ln 2) = " + r.maxOverBound());
                assertEquals(0, r.spikeDisagreements());
                assertTrue(r.meanError() <= r.maxError());
            }
            assertTrue(rows.get(1).maxError() < rows.get(0).maxError());
        }
    }
}
