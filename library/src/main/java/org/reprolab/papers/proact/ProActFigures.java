package org.reprolab.papers.proact;

import java.util.Arrays;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** ProAct's figures, built the same way by the reproduction and the notebook. */
public final class ProActFigures {

    private ProActFigures() {}

    /** The clipped ReLU \(\min(\max(x, 0), T)\) for a few thresholds, beside the plain ReLU. */
    public static XYChart clippedRelu(double... thresholds) {
        XYChart c = Charts.line("Clipped ReLU f_T(x) = min(max(x, 0), T)", "x", "f_T(x)");
        int n = 201;
        double[] x = new double[n];
        double[] relu = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -2 + 8.0 * i / (n - 1);
            relu[i] = Math.max(0, x[i]);
        }
        Charts.addLine(c, "ReLU", x, relu);
        for (double t : thresholds) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = Math.min(relu[i], t);
            }
            Charts.addLine(c, "T = " + t, x, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Mean accuracy under faults against the bit error rate (log x), one line per scheme. */
    public static XYChart accuracyVsBer(double[] bers, Map<String, double[]> meanAccuracy) {
        XYChart c = Charts.line("Accuracy under random bit flips in the weights (mean over seeds and trials)",
                "bit error rate", "test accuracy");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        meanAccuracy.forEach((scheme, acc) -> c.addSeries(scheme, bers, acc));
        Charts.legendOutside(c);
        return c;
    }

    /**
     * Each hidden layer's mean threshold after training, per scheme, as a share of the largest activation the
     * unclipped network reaches in that layer: lower is a tighter clip. The colours skip the first of the palette,
     * which {@link #accuracyVsBer} gives the unclipped network (drawn first there, absent here).
     */
    public static CategoryChart thresholds(java.util.List<String> layers, Map<String, double[]> shareOfMaximum) {
        CategoryChart c = Charts.bars("Trained thresholds: mean per layer / the layer's largest activation",
                "hidden layer", "threshold / max activation");
        java.awt.Color[] palette = c.getStyler().getSeriesColors();
        c.getStyler().setSeriesColors(Arrays.copyOfRange(palette, 1, palette.length));
        shareOfMaximum.forEach((scheme, v) -> c.addSeries(scheme, layers,
                Arrays.stream(v).boxed().toList()));
        Charts.legendOutside(c);
        return c;
    }
}
