package org.reprolab.papers.evonorm;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** EvoNorm's figures, built the same way by the reproduction and the notebook. */
public final class EvoNormFigures {

    private EvoNormFigures() {}

    /**
     * S0's activation part x·σ(v₁x) for a few v₁, beside ReLU: v₁ = 1 is SiLU, a large v₁ approaches ReLU, v₁ = 0
     * is x/2.
     */
    public static XYChart s0Numerator(double... v1) {
        XYChart c = Charts.line("EvoNorm-S0's numerator x·σ(v₁x)", "x", "x·σ(v₁x)");
        int n = 161;
        double[] x = new double[n];
        double[] relu = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -4 + 8.0 * i / (n - 1);
            relu[i] = Math.max(0, x[i]);
        }
        Charts.addLine(c, "ReLU", x, relu);
        for (double v : v1) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[i] / (1 + Math.exp(-v * x[i]));
            }
            Charts.addLine(c, "v₁ = " + v, x, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Mean test accuracy per layer (over seeds), one group of bars per batch size. */
    public static CategoryChart accuracy(List<String> layers, Map<String, List<Double>> meanByBatch) {
        CategoryChart c = Charts.bars("Fashion-MNIST test accuracy (mean over seeds)", "normalisation-activation",
                "test accuracy");
        meanByBatch.forEach((batch, acc) -> c.addSeries(batch, layers, acc));
        double lo = meanByBatch.values().stream().flatMap(List::stream).filter(v -> !Double.isNaN(v))
                .mapToDouble(Double::doubleValue).min().orElse(0);
        c.getStyler().setYAxisMin(Math.max(0, Math.floor(lo * 20 - 1) / 20));
        c.getStyler().setYAxisDecimalPattern("0.00");
        Charts.legendOutside(c);
        return c;
    }
}
