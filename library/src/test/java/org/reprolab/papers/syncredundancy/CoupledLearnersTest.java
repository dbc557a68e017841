package org.reprolab.papers.syncredundancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.math.GraphLaplacian;

class CoupledLearnersTest {

    @Test
    void twoCoupledLearnersSpreadAsOneModeOfRateHPlusTwoK() {
        // n = 2: λ = {0, 2}; Σ‖x_i − x̄‖² = ½‖x_1 − x_2‖², one OU mode per dimension with rate h + 2k.
        CoupledLearners c = new CoupledLearners(GraphLaplacian.allToAll(2), 3, 1.5, 0.25, 0.4);
        double[] eig = GraphLaplacian.eigenvalues(c.laplacian());
        assertEquals(0.16 * 3 / 2 / (1.5 + 0.5), c.spread(eig), 1e-15);
        assertEquals(0.16 * 3 / (2 * 1.5 * 2), c.centroidError(), 1e-15);
    }

    @Test
    void theContractionBoundIsTightForAllToAllAndLooseForARing() {
        CoupledLearners all = new CoupledLearners(GraphLaplacian.allToAll(8), 2, 1, 0.5, 1);
        double[] eAll = GraphLaplacian.eigenvalues(all.laplacian());
        assertEquals(all.contractionBound(eAll), all.spread(eAll), 1e-12);
        CoupledLearners ring = new CoupledLearners(GraphLaplacian.ring(8), 2, 1, 0.5, 1);
        double[] eRing = GraphLaplacian.eigenvalues(ring.laplacian());
        assertTrue(ring.spread(eRing) < ring.contractionBound(eRing));
    }

    @Test
    void theEulerMaruyamaSpreadTendsToTheContinuousOne() {
        CoupledLearners c = new CoupledLearners(GraphLaplacian.ring(5), 2, 1, 2, 0.5);
        double[] eig = GraphLaplacian.eigenvalues(c.laplacian());
        assertEquals(c.spread(eig), c.spreadEulerMaruyama(eig, 1e-9), 1e-8 * c.spread(eig));
        assertTrue(c.spreadEulerMaruyama(eig, 0.01) > c.spread(eig));
    }

    @Test
    void aLongSimulationMatchesTheChainsStationarySpreadAndCentroidError() {
        // 4 learners on a ring, d = 1, T = 4000: a few percent of statistical error on the spread.
        CoupledLearners c = new CoupledLearners(GraphLaplacian.ring(4), 1, 1, 1, 1);
        double[] eig = GraphLaplacian.eigenvalues(c.laplacian());
        double dt = 0.01;
        CoupledLearners.Averages a = c.simulate(4000, dt, 0.05, new SplittableRandom(11));
        assertEquals(1, a.spread() / c.spreadEulerMaruyama(eig, dt), 0.05);
        assertEquals(1, a.centroidError() / c.centroidError(), 0.15);
    }
}
