package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.report.Charts;
import org.reprolab.spiking.EventPatterns;
import tech.tablesaw.api.Table;

class UltraLifFiguresTest {

    @Test
    void lseTableGivesTheBoundAtATieAndTheSoftmaxWeight() {
        Table t = UltraLifFigures.lseTable(1, new double[] {1, -1}, 0.1);
        assertEquals(2, t.rowCount());
        assertEquals(0.1 * Math.log(2) + 1, t.doubleColumn(2).get(0), 1e-15);     // LSE at a tie
        assertEquals(1, t.doubleColumn(3).get(0), 1e-12);                          // the gap is the bound
        assertEquals(0.5, t.doubleColumn(4).get(0), 0);                           // the weight at a tie
        assertEquals(1 / (1 + Math.exp(-20)), t.doubleColumn(4).get(1), 1e-15);
    }

    @Test
    void logDomainGapIsRoundingOnly() {
        double[] current = new SplittableRandom(5).doubles(30, -2, 2).toArray();
        try (NDManager m = Engines.engine().newBaseManager()) {
            assertTrue(UltraLifFigures.logDomainGap(m, current, 0.9) < 1e-12);
        }
    }

    @Test
    void everyFigureRendersHeadless() {
        EventPatterns task = EventPatterns.builder().optSeed(1).build();
        Map<String, Estimate> d = new LinkedHashMap<>();
        d.put("a − b", Estimate.pairedDifference(new double[] {1, 2, 3}, new double[] {0, 1, 1}));
        try (NDManager m = Engines.engine().newBaseManager()) {
            List<TrajectoryErrors.Row> rows = TrajectoryErrors.study(m, new double[][] {{0.5, -0.5, 1}}, 0.9, 0,
                    0.1, 0.01);
            for (var chart : List.of(UltraLifFigures.lseVsMax(), UltraLifFigures.trajectory(m, new double[] {0.5, 1},
                    0.9, 0, 0.1), UltraLifFigures.errorVsEpsilon(rows, 1, 3), UltraLifFigures.spikeDerivative(0.4),
                    UltraLifFigures.perEpoch("t", "y", Map.of("m", new double[] {0.1, 0.2})),
                    UltraLifFigures.eventRaster(task, new SplittableRandom(2), 0, 1),
                    UltraLifFigures.countFrames(task, new SplittableRandom(2), 0, 1))) {
                assertTrue(Charts.png(chart).length > 1000);
            }
            assertTrue(Charts.png(UltraLifFigures.differences("t", "y", d)).length > 1000);
        }
    }
}
