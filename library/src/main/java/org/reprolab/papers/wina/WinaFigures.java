package org.reprolab.papers.wina;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** WINA's figures, built the same way by the reproduction and the notebook. */
public final class WinaFigures {

    private WinaFigures() {}

    /** One line per named series of a quantity against sparsity (fractions shown as percent). */
    public static XYChart vsSparsity(String title, String yTitle, double[] sparsities, Map<String, double[]> series) {
        XYChart c = Charts.line(title, "sparsity (%)", yTitle);
        double[] percent = new double[sparsities.length];
        for (int i = 0; i < percent.length; i++) {
            percent[i] = 100 * sparsities[i];
        }
        series.forEach((name, y) -> c.addSeries(name, percent, y));
        Charts.finish(c);
        return c;
    }
}
