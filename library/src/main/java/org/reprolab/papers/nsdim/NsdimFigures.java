package org.reprolab.papers.nsdim;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.reprolab.report.Charts;

/** The NSdim figures, drawn the same way by the reproduction and the notebook. */
public final class NsdimFigures {

    private NsdimFigures() {}

    /** Normalised singular values σ_i / σ_1 against i on a log axis, one line per setting, ε dashed across. */
    public static XYChart spectra(String title, Map<String, double[]> spectra, double eps) {
        XYChart c = Charts.logY(title, "index i", "σ_i / σ_1");
        int longest = 1;
        for (Map.Entry<String, double[]> e : spectra.entrySet()) {
            double[] s = e.getValue();
            Charts.addPositive(c, e.getKey(), index(s.length), s);
            longest = Math.max(longest, s.length);
        }
        Charts.addLine(c, "ε = " + eps, new double[] {1, longest}, new double[] {eps, eps});
        legendRight(c);
        return c;
    }

    /** One quantity against a swept parameter (linear axis), one line per setting, on a log axis if asked. */
    public static XYChart against(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> lines,
            boolean logY) {
        XYChart c = logY ? Charts.logY(title, xTitle, yTitle) : Charts.line(title, xTitle, yTitle);
        lines.forEach((name, y) -> {
            if (logY) {
                Charts.addPositive(c, name, x, y);
            } else {
                Charts.addLine(c, name, x, y);
            }
        });
        legendRight(c);
        return c;
    }

    /** The legend in a column right of the plot, sigmoid's lines dashed so they differ from tanh's. */
    private static void legendRight(XYChart c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getSeriesMap().forEach((name, series) -> {
            if (name.contains("sigmoid")) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
        });
    }

    private static double[] index(int n) {
        double[] i = new double[n];
        for (int k = 0; k < n; k++) {
            i[k] = k + 1;
        }
        return i;
    }
}
