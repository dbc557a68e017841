package org.reprolab.papers.mgno;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.reprolab.operators.Poisson1d;
import org.reprolab.report.Charts;

/** MgNO's figures, drawn the same way by the reproduction and the notebook. */
public final class MgnoFigures {

    private MgnoFigures() {}

    /** One 1-D test case: the exact solution and each model's prediction on the interior nodes. */
    public static XYChart prediction1d(String title, double[] exact, Map<String, double[]> predictions) {
        double[] x = Poisson1d.nodes(exact.length);
        XYChart c = Charts.line(title, "x", "u(x)");
        Charts.addLine(c, "exact (finite differences)", x, exact);
        predictions.forEach((name, y) -> Charts.addLine(c, name, x, y));
        Charts.legendOutside(c);
        return c;
    }

    /** Training loss (relative L2 of the batch) against the optimizer step, one line per model. */
    public static XYChart trainingCurves(String title, Map<String, double[]> curves) {
        XYChart c = Charts.logY(title, "optimizer step", "training relative L2");
        curves.forEach((name, y) -> {
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            Charts.addPositive(c, name, x, y);
        });
        c.getSeriesMap().values().forEach(s -> s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE));
        Charts.legendOutside(c);
        return c;
    }

    /** Mean test relative L2 error per model (log scale), labelled with parameter counts. */
    public static CategoryChart errorBars(String title, List<String> models, List<Double> meanError) {
        CategoryChart c = Charts.bars(title, "model", "test relative L2 (mean over seeds)");
        c.addSeries("test error", models, meanError);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisLogarithmic(true);
        return c;
    }

    /** A field on an n × n grid (row i = y) as a heat map. */
    public static HeatMapChart field(String title, double[] values, int n) {
        List<Integer> axis = new java.util.ArrayList<>();
        List<Number[]> z = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            axis.add(i);
            for (int j = 0; j < n; j++) {
                z.add(new Number[] {j, i, values[i * n + j]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(360).height(340).title(title).xAxisTitle("x node")
                .yAxisTitle("y node").build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setRangeColors(new Color[] {new Color(0x2c7bb6), Color.WHITE, new Color(0xd7191c)});
        chart.addSeries("field", axis, axis, z);
        return chart;
    }
}
