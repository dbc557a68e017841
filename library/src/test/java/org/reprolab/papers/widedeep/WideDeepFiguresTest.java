package org.reprolab.papers.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class WideDeepFiguresTest {

    @Test
    void flatteningIsOneOnTheDiagonalForEveryDepth() {
        XYChart c = WideDeepFigures.flattening("t", HermiteDual.optimalForSphere(2), 1, 8, 1_000_000);
        assertEquals(3, c.getSeriesMap().size());
        for (var s : c.getSeriesMap().values()) {
            double[] y = s.getYData();
            assertEquals(1, y[y.length - 1], 1e-12);                                  // ρ = 1
        }
        assertEquals("L = 10⁶", c.getSeriesMap().keySet().toArray()[2]);
    }

    @Test
    void nearDiagonalReferenceIsTheSingularKernel() {
        XYChart c = WideDeepFigures.nearDiagonal("t", HermiteDual.optimalForSphere(2), 2, 10);
        var ref = c.getSeriesMap().get("‖x − z‖^−2");
        double[] x = ref.getXData();
        double[] y = ref.getYData();
        assertEquals(0.5 / x[0], y[0], 1e-9 * y[0]);                                 // (2ε)^{−1}, 1 at ε = 0.5
        assertEquals(1, y[y.length - 1], 1e-12);
    }

    @Test
    void tablesAndChartsHaveOneEntryPerInput() {
        Table t = WideDeepFigures.duals("d", List.of(HermiteDual.optimalForSphere(2), Duals.relu()));
        assertEquals(2, t.rowCount());
        assertEquals(2, t.doubleColumn("α").getDouble(0), 1e-12);
        DirichletSphere task = new DirichletSphere(new double[] {2, 2, 2}, new double[] {1, 1, 3}, 0.4);
        DirichletSphere.Sample s = task.sample(50, new SplittableRandom(1));
        XYChart simplex = WideDeepFigures.simplex("s", s);
        assertEquals(50, simplex.getSeriesMap().get("class +1").getXData().length
                + simplex.getSeriesMap().get("class −1").getXData().length);
        Map<String, double[][]> acc = new LinkedHashMap<>();
        acc.put("a", new double[][] {{0.7, 0.8}, {0.8, 0.9}});                       // [n][seed]
        assertEquals(0.85, WideDeepFigures.accuracyVsN("a", new int[] {100, 400}, acc).getSeriesMap().get("a")
                .getYData().toArray(new Number[0])[1].doubleValue(), 1e-12);
        assertEquals(0.75, WideDeepFigures.accuracyTable("a", new int[] {100, 400}, acc).doubleColumn("a")
                .getDouble(0), 1e-12);
        assertEquals(1, WideDeepFigures.agreementVsDepth("g", List.of(new WideDeepFigures.Curve("c",
                new double[] {1, 10}, new double[] {0.5, 1}))).getSeriesMap().size());
    }
}
