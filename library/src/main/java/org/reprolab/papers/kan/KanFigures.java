package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprolab.math.LinearAlgebra;
import org.reprolab.math.LinearFit;
import org.reprolab.math.Residuals;
import org.reprolab.math.Stats;
import org.reprolab.report.Charts;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import org.reprolab.train.RegressionFit;
import tech.tablesaw.api.Table;

/**
 * KAN's and S-KAN's figures and small demonstration tables, built the same way by the reproduction and the notebook.
 */
public final class KanFigures {

    private KanFigures() {}

    /** The G + k B-splines of order k on G uniform intervals of [−1, 1], and their sum (one on the grid). */
    public static XYChart basisFunctions(int grid, int k) {
        double[] knots = BSpline.uniformKnots(grid, k, -1, 1);
        double[] xs = LearnedEdges.grid(-1, 1, 201);
        double[][] values = new double[grid + k][xs.length];
        double[] total = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double[] row = BSpline.basisRow(xs[i], knots, k);
            for (int c = 0; c < row.length; c++) {
                values[c][i] = row[c];
                total[i] += row[c];
            }
        }
        XYChart chart = Charts.line(String.format("B-splines of order %d on G = %d intervals of [−1, 1]", k, grid),
                "x", "B_c(x)");
        for (int c = 0; c < values.length; c++) {
            Charts.addLine(chart, "B_" + c, xs, values[c]);
        }
        Charts.addLine(chart, "Σ B_c", xs, total);
        Charts.legendOutside(chart);
        return chart;
    }

    /**
     * A one-edge layer's function φ(x) split into its SiLU residual s^b·b(x) and its spline, on [−1, 1]; the
     * title gives the largest gap between φ and {@code target}.
     */
    public static XYChart edgeParts(KanLayer edge, DoubleUnaryOperator target, String targetName) {
        double[] xs = LearnedEdges.grid(-1, 1, 201);
        double[] phi = edge.edgeFunction(0, 0, xs);
        double sb = edge.getParameters().get("scale_base").getArray().toDoubleArray()[0];
        double[] base = new double[xs.length];
        double[] spline = new double[xs.length];
        double[] wanted = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            base[i] = sb * xs[i] / (1 + Math.exp(-xs[i]));
            spline[i] = phi[i] - base[i];
            wanted[i] = target.applyAsDouble(xs[i]);
        }
        XYChart chart = Charts.line(String.format("φ(x) = SiLU part + spline part; max |φ − %s| = %.1e", targetName,
                Residuals.of(phi, wanted).maxAbs()), "x", "");
        Charts.addLine(chart, "φ(x)", xs, phi);
        Charts.addLine(chart, "s^b·SiLU(x)", xs, base);
        Charts.addLine(chart, "spline(x), G = " + edge.gridSize(), xs, spline);
        Charts.legendOutside(chart);
        return chart;
    }

    /** One row of {@link #oneEdgeExtension}. */
    record ExtensionRow(@Column("knot rule") String rule, @Column("G → G′") String grids,
            @Column("φ(0.3) before") double before, @Column("φ(0.3) after") double after,
            @Column("max |Δφ| on the samples' range") double maxChange) { }

    /**
     * Grid extension of a one-edge layer by each {@link KanLayer.KnotRule}, to each of {@code newGrids}: the edge
     * function at 0.3 before and after, and the largest change over 201 points of the samples' range.
     */
    public static Table oneEdgeExtension(KanLayer edge, double[] samples, int... newGrids) {
        double lo = Stats.min(samples);
        double hi = Stats.max(samples);
        double[] xs = LearnedEdges.grid(lo, hi, 201);
        double[] before = edge.edgeFunction(0, 0, xs);
        double at = edge.edgeFunction(0, 0, new double[] {0.3})[0];
        List<ExtensionRow> rows = new ArrayList<>();
        for (KanLayer.KnotRule rule : KanLayer.KnotRule.values()) {
            for (int g : newGrids) {
                KanLayer fine = edge.refine(new double[][] {samples}, g, rule);
                rows.add(new ExtensionRow(ruleName(rule), edge.gridSize() + " → " + g, at,
                        fine.edgeFunction(0, 0, new double[] {0.3})[0],
                        Residuals.of(fine.edgeFunction(0, 0, xs), before).maxAbs()));
            }
        }
        return Tables.of("grid extension of one edge", rows);
    }

    /** A short name of a knot rule for tables and legends. */
    public static String ruleName(KanLayer.KnotRule rule) {
        return switch (rule) {
            case PYKAN -> "paper / pykan (old grid interpolated)";
            case NESTED -> "ours (nested over the samples' range)";
            case UNIFORM -> "uniform on the old range";
        };
    }

    /** One row of {@link #toyFunctions}. */
    record ToyRow(@Column("f") String function, @Column("KAN shape") String shape, int parametersAtGrid,
            @Column("f at (½, …, ½)") double atHalf) { }

    /** The toy functions, the KAN shape the paper gives each, and its parameter count on {@code grid} intervals. */
    public static Table toyFunctions(List<ToyFunction> toys, int grid) {
        List<ToyRow> rows = new ArrayList<>();
        for (ToyFunction f : toys) {
            double[] half = new double[f.dims()];
            Arrays.fill(half, 0.5);
            rows.add(new ToyRow(f.name(), Arrays.toString(f.kanShape()),
                    (int) KanBlock.builder().setWidths(f.kanShape()).optGridSize(grid).build().trainableCount(),
                    f.apply(half)));
        }
        return Tables.of("toy functions (parameters at G = " + grid + ")", rows);
    }

    /**
     * Least-squares cubic-spline fits of {@code f} on 1,000 points of [−1, 1] for each grid size, tested between
     * the training points: the test RMSE against G on log axes, its fitted slope (with the slope's 95% interval)
     * in the title, and the G^−4 line of the theory.
     */
    public static XYChart splineRate(DoubleUnaryOperator f, String name, int... grids) {
        double[] train = new double[1000];
        double[] test = new double[1000];
        double[][] y = new double[1][1000];
        double[] testY = new double[1000];
        for (int i = 0; i < 1000; i++) {
            train[i] = -1 + 2 * (i + 0.25) / 1000;
            test[i] = -1 + 2 * (i + 0.75) / 1000;
            y[0][i] = f.applyAsDouble(train[i]);
            testY[i] = f.applyAsDouble(test[i]);
        }
        double[] g = new double[grids.length];
        double[] rmse = new double[grids.length];
        for (int j = 0; j < grids.length; j++) {
            double[] knots = BSpline.uniformKnots(grids[j], 3, -1, 1);
            double[] coef = BSpline.fit(train, y, knots, 3)[0];
            double[] pred = Arrays.stream(test).map(x -> BSpline.evaluate(x, knots, 3, coef)).toArray();
            g[j] = grids[j];
            rmse[j] = Residuals.of(pred, testY).rms();
        }
        XYChart chart = Charts.logLog(String.format("Cubic-spline fit of %s: test RMSE ∝ G^%s", name,
                LinearFit.logLog(g, rmse).slopeEstimate().format()), "grid size G", "test RMSE");
        Charts.addPositive(chart, "least-squares spline", g, rmse);
        addGuide(chart, g, 0, rmse[0], -4, "G^-4");
        return chart;
    }

    /**
     * Test error against grid size on log axes: for each network, the geometric means over seeds of the test
     * RMSE, the √median test error and the training RMSE, with the theory's G^−4 through the first network's
     * √median at the second grid.
     */
    public static XYChart errorVsGrid(String title, List<GridSweeps> sweeps) {
        XYChart chart = Charts.logLog(title, "grid size G", "error (geometric mean over seeds)");
        for (GridSweeps s : sweeps) {
            double[] g = Arrays.stream(s.grids()).asDoubleStream().toArray();
            double[] median = new double[g.length];
            double[] test = new double[g.length];
            double[] train = new double[g.length];
            for (int j = 0; j < g.length; j++) {
                test[j] = s.geometricMean(j, KanTraining.GridStep::testRmse);
                median[j] = s.geometricMean(j, KanTraining.GridStep::testRootMedian);
                train[j] = s.geometricMean(j, KanTraining.GridStep::trainRmse);
            }
            Charts.addPositive(chart, s.network() + " test RMSE", g, test);
            Charts.addPositive(chart, s.network() + " test √median", g, median);
            Charts.addPositive(chart, s.network() + " train RMSE", g, train);
            if (s == sweeps.get(0) && g.length > 1) {
                addGuide(chart, g, 1, median[1], -4, "G^-4 (theory)");
            }
        }
        Charts.legendOutside(chart);
        return chart;
    }

    /** The learned edge functions of a [2, 1, 1] KAN, with their affine fits to sin(πx) and y² as markers. */
    public static XYChart learnedEdges(LearnedEdges e, String title) {
        XYChart c = Charts.line(title, "input", "φ(input)");
        Charts.addLine(c, "φ(x), first input", e.at(), e.phiX());
        Charts.addLine(c, "φ(y), second input", e.at(), e.phiY());
        Charts.addLine(c, "Φ(h), output edge", e.hidden(), e.outer());
        LinearFit sin = e.sinFit();
        LinearFit sq = e.squareFit();
        double[] x = every(e.at(), 10);
        XYSeries s1 = c.addSeries(String.format("%.2f·sin(πx)%+.2f", sin.slope(), sin.intercept()), x,
                Arrays.stream(x).map(v -> sin.at(Math.sin(Math.PI * v))).toArray());
        s1.setMarker(SeriesMarkers.CIRCLE);
        s1.setLineStyle(SeriesLines.NONE);
        XYSeries s2 = c.addSeries(String.format("%.2f·y²%+.2f", sq.slope(), sq.intercept()), x,
                Arrays.stream(x).map(v -> sq.at(v * v)).toArray());
        s2.setMarker(SeriesMarkers.DIAMOND);
        s2.setLineStyle(SeriesLines.NONE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);        // the upper left stays empty
        return c;
    }

    /**
     * Plain least squares in each activation space (no network): for each target on [−1, 1], the test RMSE of the
     * best combination of the space's basis functions fitted at {@code points} points, tested between them.
     */
    public static Table spaceFits(Map<String, DoubleUnaryOperator> targets, List<ActivationSpace> spaces, int points) {
        List<String> names = new ArrayList<>(targets.keySet());
        List<String> columns = spaces.stream().map(ActivationSpace::name).toList();
        double[][] rmse = new double[names.size()][spaces.size()];
        for (int t = 0; t < names.size(); t++) {
            DoubleUnaryOperator f = targets.get(names.get(t));
            for (int s = 0; s < spaces.size(); s++) {
                ActivationSpace space = spaces.get(s);
                double[][] design = new double[points][];
                double[][] y = new double[1][points];
                double[][] testRows = new double[points][];
                double[] testY = new double[points];
                for (int i = 0; i < points; i++) {
                    double x = -1 + 2 * (i + 0.25) / points;
                    double xt = -1 + 2 * (i + 0.75) / points;
                    design[i] = space.basisRow(x);
                    y[0][i] = f.applyAsDouble(x);
                    testRows[i] = space.basisRow(xt);
                    testY[i] = f.applyAsDouble(xt);
                }
                double[] c = LinearAlgebra.leastSquares(design, y, BSpline.RELATIVE_RIDGE)[0];
                rmse[t][s] = Residuals.of(LinearAlgebra.multiply(testRows, c), testY).rms();
            }
        }
        return Tables.matrix("least-squares test RMSE with each space's " + spaces.get(0).size()
                + " basis functions", "target", names, columns, rmse);
    }

    /**
     * Selection in one S-KAN node: its weights a at τ = 1 and τ = 0.1 for the logits {@code alpha}, then after
     * {@link SKanLayer#dropSpace} removes space {@code dropped} at τ = 1, with the RMS change of the node's output
     * over {@code points} and the RMS of the dropped space's weighted contribution before (the two agree).
     */
    public static Table selection(SKanLayer node, double[] alpha, NDArray points, int dropped) {
        node.setSelectionLogits(alpha);
        List<String> states = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        node.setTemperature(1);
        states.add("τ = 1");
        rows.add(withExtra(node.selectionWeights()[0], Double.NaN, Double.NaN));
        node.setTemperature(0.1);
        states.add("τ = 0.1");
        rows.add(withExtra(node.selectionWeights()[0], Double.NaN, Double.NaN));
        node.setTemperature(1);
        double[] before = RegressionFit.predict(node, points);
        double part = node.importance(points)[0][dropped];
        node.dropSpace(0, dropped);
        double change = Residuals.of(RegressionFit.predict(node, points), before).rms();
        states.add(node.spaces().get(dropped).name() + " dropped, τ = 1");
        rows.add(withExtra(node.selectionWeights()[0], change, part));
        List<String> columns = new ArrayList<>(node.spaces().stream().map(ActivationSpace::name).toList());
        columns.add("RMS change of y");
        columns.add("RMS of the dropped contribution");
        return Tables.matrix("selection weights a of one node", "state", states, columns,
                rows.toArray(new double[0][]));
    }

    /** An array of {@code n} points evenly spread over [{@code lo}, {@code hi}] as a column {@code (n, 1)}. */
    public static NDArray points(NDManager m, double lo, double hi, int n) {
        return m.create(LearnedEdges.grid(lo, hi, n), new Shape(n, 1));
    }

    /**
     * Test RMSE by task and model on a log scale: one bar series per model ({@code rmseByModel}: the geometric
     * mean over seeds for each task), tasks on the x axis.
     */
    public static CategoryChart skanBars(List<String> tasks, Map<String, double[]> rmseByModel) {
        CategoryChart bars = Charts.bars("Test RMSE by task (geometric mean over seeds; lower is better)", "task",
                "log10 test RMSE");
        rmseByModel.forEach((model, rmse) -> bars.addSeries(model, tasks,
                Arrays.stream(rmse).map(Math::log10).boxed().toList()));
        Charts.legendOutside(bars);
        return bars;
    }

    private static double[] withExtra(double[] a, double x, double y) {
        double[] r = Arrays.copyOf(a, a.length + 2);
        r[a.length] = x;
        r[a.length + 1] = y;
        return r;
    }

    /** A dashed line value·(G / g[anchor])^power through the point (g[anchor], value). */
    private static void addGuide(XYChart chart, double[] g, int anchor, double value, double power, String name) {
        double[] guide = Arrays.stream(g).map(v -> value * Math.pow(v / g[anchor], power)).toArray();
        Charts.addLine(chart, name, g, guide);
        chart.getSeriesMap().get(name).setLineStyle(SeriesLines.DASH_DASH);
    }

    private static double[] every(double[] v, int k) {
        double[] out = new double[(v.length + k - 1) / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i * k];
        }
        return out;
    }
}
