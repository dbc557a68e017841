package org.reprolab.papers.dopamine;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** The paper's figures, built the same way by the reproduction and the notebook. */
public final class DopamineFigures {

    private DopamineFigures() {}

    /** The smooth gate's unit output g·σ((h − τ)/T)·h against h for a few temperatures, beside the hard gate. */
    public static XYChart gate(double tau, double... temperatures) {
        XYChart c = Charts.line("Gated unit g·σ((h − τ)/T)·h with g = 1, τ = " + tau, "pre-activation h", "output");
        int n = 161;
        double[] h = new double[n];
        double[] hard = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = -2 + 4.0 * i / (n - 1);
            hard[i] = h[i] > tau ? h[i] : 0;
        }
        Charts.addLine(c, "hardened: 𝟙[h > τ]·h", h, hard);
        for (double t : temperatures) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = h[i] / (1 + Math.exp(-(h[i] - tau) / t));
            }
            Charts.addLine(c, "smooth, T = " + t, h, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Mean test accuracy per method (over seeds), one group of bars per mode (upright, rotated). */
    public static CategoryChart accuracy(List<String> methods, Map<String, List<Double>> meanByMode) {
        CategoryChart c = Charts.bars("MNIST test accuracy after specialising to the rotated mode (mean over seeds)",
                "method", "test accuracy");
        meanByMode.forEach((mode, acc) -> c.addSeries(mode, methods, acc));
        double lo = meanByMode.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).min()
                .orElse(0);
        c.getStyler().setYAxisMin(Math.max(0, Math.floor(lo * 10 - 1) / 10));
        c.getStyler().setYAxisDecimalPattern("0.00");
        Charts.legendOutside(c);
        return c;
    }
}
