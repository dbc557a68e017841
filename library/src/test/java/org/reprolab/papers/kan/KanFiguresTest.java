package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.reprolab.engine.Engines;
import org.reprolab.report.Charts;
import tech.tablesaw.api.Table;

class KanFiguresTest {

    @Test
    void theBasisChartHasOneLinePerFunctionAndTheirSum() {
        XYChart c = KanFigures.basisFunctions(5, 3);
        assertEquals(5 + 3 + 1, c.getSeriesMap().size());
        assertTrue(Charts.png(c).length > 1000);
    }

    @Test
    void oneEdgeExtensionIsExactForNestedKnotsAndNotForUniformOnes() {
        Engines.seed(13);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanLayer edge = KanLayer.builder().setInputs(1).setOutputs(1).optGridSize(5).build();
            edge.initialize(m, ai.djl.ndarray.types.DataType.FLOAT64, new ai.djl.ndarray.types.Shape(1, 1));
            double[] xs = LearnedEdges.grid(-1, 1, 200);
            edge.setEdgeFunction(0, 0, x -> Math.sin(Math.PI * x), xs);
            double[] clustered = java.util.Arrays.stream(xs).map(u -> u * u * u).toArray();
            edge.updateGrid(m.create(clustered, new ai.djl.ndarray.types.Shape(200, 1)));
            Table t = KanFigures.oneEdgeExtension(edge, clustered, 10);
            assertEquals(3, t.rowCount());
            double[] change = t.doubleColumn(4).asDoubleArray();           // pykan, ours, uniform
            assertTrue(change[0] < 1e-9, "pykan 5 → 10 nests on the grid's range: " + change[0]);
            assertTrue(change[1] < 1e-9, "nested: " + change[1]);
            assertTrue(change[2] > 1e-4, "uniform: " + change[2]);
        }
    }

    @Test
    void theSplineRateIsCloseToMinusFourForASmoothFunction() {
        XYChart c = KanFigures.splineRate(x -> Math.sin(Math.PI * x), "sin(πx)", 5, 10, 20, 40);
        String title = c.getTitle();
        double slope = Double.parseDouble(title.substring(title.indexOf("G^") + 2, title.indexOf(" [")));
        assertEquals(-4, slope, 0.3, title);
    }

    @Test
    void demonstrationTablesHaveARowPerItem() {
        Map<String, DoubleUnaryOperator> targets = new LinkedHashMap<>();
        targets.put("sin(πx)", x -> Math.sin(Math.PI * x));
        targets.put("|x|", Math::abs);
        Table spaces = KanFigures.spaceFits(targets, SKanLayer.defaultSpaces(), 200);
        assertEquals(2, spaces.rowCount());
        assertEquals(1 + SKanLayer.defaultSpaces().size(), spaces.columnCount());
        assertEquals(2, KanFigures.toyFunctions(List.of(ToyFunction.expSinSquare(), ToyFunction.product()), 10)
                .rowCount());
        Engines.seed(14);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SKanLayer node = SKanLayer.builder().setInputs(1).setOutputs(1).optNoiseScale(1).build();
            node.initialize(m, ai.djl.ndarray.types.DataType.FLOAT64, new ai.djl.ndarray.types.Shape(1, 1));
            Table sel = KanFigures.selection(node, new double[] {0.4, 0.9, -0.3, 0.1}, KanFigures.points(m, -1, 1, 100),
                    2);
            assertEquals(3, sel.rowCount());
            double[] after = sel.row(2).columnNames().stream().skip(1).limit(4)
                    .mapToDouble(n -> sel.doubleColumn(n).get(2)).toArray();
            assertEquals(0, after[2], 0);                                   // the dropped space has no weight
            assertEquals(sel.doubleColumn(5).get(2), sel.doubleColumn(6).get(2), 1e-9);   // change = its contribution
        }
    }

    @Test
    void stepChartsBuildFromSweepsAndEdges() {
        Engines.seed(15);
        try (NDManager m = Engines.engine().newBaseManager()) {
            ToyFunction f = ToyFunction.expSinSquare();
            var train = f.sample(m, 100, new SplittableRandom(4));
            var test = f.sample(m, 100, new SplittableRandom(5));
            var sweep = KanTraining.extendAndFit(KanTraining.kan(m, 5, 2, 1, 1), train, test, new int[] {5, 10}, 10,
                    "chart");
            XYChart c = KanFigures.errorVsGrid("t", List.of(new GridSweeps("[2,1,1]", List.of(sweep, sweep))));
            assertEquals(4, c.getSeriesMap().size());
            XYChart e = KanFigures.learnedEdges(LearnedEdges.of(sweep.get(1).net(), 51), "edges");
            assertEquals(5, e.getSeriesMap().size());
            assertTrue(Charts.png(e).length > 1000);
            var bars = KanFigures.skanBars(List.of("a", "b"), Map.of("S-KAN", new double[] {1e-3, 1e-2}));
            assertEquals(1, bars.getSeriesMap().size());
        }
    }
}
