package org.reprolab.papers.bdh;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** BDH's figures, built the same way by the reproduction and the notebook. */
public final class BdhFigures {

    private static final Color ACTIVE = new Color(0x1f4e79);

    private BdhFigures() {}

    /**
     * Validation loss (nats per byte) against optimizer steps for each model (mean over seeds), with the unigram
     * entropy of the text as a dashed reference: what a model that ignores context would reach.
     */
    public static XYChart validationCurves(double[] steps, Map<String, double[]> meanLoss, double unigram) {
        XYChart c = Charts.line("Validation loss while training (mean over seeds)", "optimizer step",
                "validation loss (nats / byte)");
        meanLoss.forEach((model, y) -> c.addSeries(model, steps, y));
        Charts.addLine(c, "unigram entropy", new double[] {steps[0], steps[steps.length - 1]},
                new double[] {unigram, unigram});
        Charts.legendOutside(c);
        return c;
    }

    /** Fraction of active (non-zero) neurons per layer for x_s, y_s and the gated product x_s ⊙ y_s. */
    public static CategoryChart activeFractions(List<String> layers, Map<String, List<Double>> fractions) {
        CategoryChart c = Charts.bars("Active neurons per layer on validation text", "layer",
                "fraction of neurons > 0");
        fractions.forEach((name, f) -> c.addSeries(name, layers, f));
        Charts.legendOutside(c);
        return c;
    }

    /**
     * Which of the first {@code neurons} neurons of a head fire (x_s > 0) at each position of one text window:
     * {@code activity} is [T, N] row-major.
     */
    public static HeatMapChart raster(float[] activity, int positions, int neuronsPerHead, int neurons,
            String title) {
        int[] xs = new int[positions];
        int[] ys = new int[neurons];
        int[][] z = new int[positions][neurons];
        for (int t = 0; t < positions; t++) {
            xs[t] = t;
            for (int i = 0; i < neurons; i++) {
                z[t][i] = activity[t * neuronsPerHead + i] > 0 ? 1 : 0;
            }
        }
        for (int i = 0; i < neurons; i++) {
            ys[i] = i;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(640).height(420).title(title)
                .xAxisTitle("position in the window").yAxisTitle("neuron").build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, ACTIVE});
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("x_s > 0", xs, ys, z);
        return chart;
    }
}
