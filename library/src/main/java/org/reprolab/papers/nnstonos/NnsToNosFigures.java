package org.reprolab.papers.nnstonos;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** The paper's resolution figures, drawn the same way by the reproduction and the notebook. */
public final class NnsToNosFigures {

    private NnsToNosFigures() {}

    /** One quantity against the grid size N on log-log axes, one line per layer or model. */
    public static XYChart againstResolution(String title, String yTitle, double[] resolutions,
            Map<String, double[]> values) {
        XYChart c = Charts.logLog(title, "grid points N", yTitle);
        values.forEach((name, y) -> Charts.addPositive(c, name, resolutions, y));
        Charts.legendOutside(c);
        return c;
    }

    /** A layer's output on several grids of one periodic input, each against x ∈ [0, 1). */
    public static XYChart outputs(String title, Map<String, double[]> outputByGrid) {
        XYChart c = Charts.line(title, "x", "output");
        outputByGrid.forEach((name, y) -> {
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = (double) i / y.length;
            }
            Charts.addLine(c, name, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }
}
