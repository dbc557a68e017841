package org.reprolab.papers.stdphomeostasis;

import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reprolab.report.Charts;

/** The paper's figures, drawn the same way by the reproduction and the notebook. */
public final class StdpHomeostasisFigures {

    private StdpHomeostasisFigures() {}

    /** Confusion of each pair of trained patterns against their Jaccard overlap, one point per pair. */
    public static XYChart confusionVsOverlap(String title, double[] overlap, double[] confusion) {
        XYChart c = Charts.line(title, "Jaccard overlap of the two prototypes", "confusion rate (pair mean)");
        c.addSeries("pattern pairs", overlap, confusion).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return c;
    }

    /** How many patterns each neuron takes (fires on for most noisy copies), one bar group per setting. */
    public static CategoryChart patternsTaken(String title, Map<String, double[]> bySetting) {
        CategoryChart c = Charts.bars(title, "output neuron (trained on digit)", "patterns it fires on");
        bySetting.forEach((name, counts) -> {
            Integer[] x = new Integer[counts.length];
            Double[] y = new Double[counts.length];
            for (int j = 0; j < counts.length; j++) {
                x[j] = j;
                y[j] = counts[j];
            }
            c.addSeries(name, java.util.Arrays.asList(x), java.util.Arrays.asList(y));
        });
        Charts.legendOutside(c);
        return c;
    }
}
