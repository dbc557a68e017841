package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.math.LinearFit;
import tech.tablesaw.api.Table;

class GridSweepsTest {

    /** A sweep whose test RMSE is c·G^−4 exactly and whose √median error is twice the RMSE's. */
    private static List<KanTraining.GridStep> powerLaw(double c) {
        return java.util.Arrays.stream(new int[] {5, 10, 20, 40}).mapToObj(g -> new KanTraining.GridStep(g,
                g + 5L, 0.5 * c * Math.pow(g, -4), c * Math.pow(g, -4), 2 * c * Math.pow(g, -4), 0.1, null)).toList();
    }

    @Test
    void thePooledSlopeOfAnExactPowerLawIsItsExponentWithAnyFactorPerSeed() {
        GridSweeps s = new GridSweeps("[2,1,1]", List.of(powerLaw(1), powerLaw(1)));
        LinearFit fit = s.slope(5, 20, KanTraining.GridStep::testRmse);
        assertEquals(-4, fit.slope(), 1e-12);
        assertEquals(6, fit.n());                                          // G = 5, 10, 20 from both seeds
        assertArrayEquals(new int[] {5, 10, 20, 40}, s.grids());
    }

    @Test
    void meansAreOverSeedsAtOneGrid() {
        GridSweeps s = new GridSweeps("[2,1,1]", List.of(powerLaw(1), powerLaw(4)));
        assertEquals(2.5 * Math.pow(10, -4), s.mean(1, KanTraining.GridStep::testRmse), 1e-18);
        assertEquals(2 * Math.pow(10, -4), s.geometricMean(1, KanTraining.GridStep::testRmse), 1e-18);
        Table t = GridSweeps.table("t", List.of(s));
        assertEquals(4, t.rowCount());
        assertEquals(15L, t.longColumn("parameters").get(1));
    }
}
