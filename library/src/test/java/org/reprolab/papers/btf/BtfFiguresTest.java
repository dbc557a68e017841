package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class BtfFiguresTest {

    @Test
    void unitTableListsEveryRowWithItsPreActivation() {
        BtfNetwork unit = BtfNetwork.layered(3, new int[0], 1, true);
        Table t = BtfFigures.unitTable("and", unit, new double[][] {{1, 1, -1, -2}});
        assertEquals(8, t.rowCount());
        assertEquals(6, t.columnCount());                                // row, x1..x3, w·x, y
        for (int r = 0; r < 8; r++) {
            double a = t.doubleColumn("w·x").getDouble(r);
            assertEquals(a >= 0 ? 1 : -1, t.doubleColumn("y").getDouble(r), 0.0);
        }
        assertEquals(1, t.doubleColumn("w·x").max(), 0.0);               // x1 ∧ x2 ∧ ¬x3 on one row only
    }

    @Test
    void solvedWithinCountsRestartsExactByEachPassCount() {
        Map<String, int[]> passes = new LinkedHashMap<>();
        passes.put("a", new int[] {10, 50, -1, 100});
        XYChart c = BtfFigures.solvedWithin("t", 100, passes);
        double[] y = c.getSeriesMap().get("a").getYData();
        assertEquals(0, y[0], 0.0);                                       // t = 0
        assertEquals(0.25, y[10], 0.0);                                   // t = 10
        assertEquals(0.5, y[50], 0.0);
        assertEquals(0.75, y[100], 0.0);                                  // one restart never exact
    }

    @Test
    void weightHistogramSharesSumToOne() {
        Map<String, double[]> w = new LinkedHashMap<>();
        w.put("μ = 0.95", new double[] {-1, -0.98, 0, 0.02, 1, 0.97});
        CategoryChart c = BtfFigures.weightHistogram("h", w);
        double sum = 0;
        for (Number v : c.getSeriesMap().get("μ = 0.95").getYData()) {
            sum += v.doubleValue();
        }
        assertEquals(1, sum, 1e-12);
        assertEquals(21, c.getSeriesMap().get("μ = 0.95").getXData().size());
    }

    @Test
    void weightsTableDividesByRho() {
        Map<String, double[]> w = new LinkedHashMap<>();
        w.put("teacher", new double[] {6, 0, -6});
        Table t = BtfFigures.weights("w", List.of("x1", "x2", "bias"), w, 6);
        assertEquals(-1, t.doubleColumn("teacher").getDouble(2), 0.0);
        assertEquals(0, BtfFigures.errorTraces("e", Map.of("r", new double[] {1, 0.1})).getSeriesMap().get("r")
                .getXData()[0] - 1, 0.0);
    }
}
