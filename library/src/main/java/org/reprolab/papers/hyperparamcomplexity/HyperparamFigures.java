package org.reprolab.papers.hyperparamcomplexity;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.math.LinearFit;
import org.reprolab.report.Charts;

/** The paper's quantities as charts, built the same way by the reproduction and the notebook. */
public final class HyperparamFigures {

    private HyperparamFigures() {}

    /** The interpolated activation σ_α for a few α. */
    public static XYChart activations(double... alphas) {
        XYChart c = Charts.line("σ_α(x) = α·ReLU(x) + (1 − α)·tanh(x)", "x", "σ_α(x)");
        int n = 161;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -3 + 6.0 * i / (n - 1);
        }
        for (double a : alphas) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = InterpolatedActivation.value(x[i], a);
            }
            Charts.addLine(c, "α = " + a, x, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Dual functions α ↦ u_α(P) of a few tasks, one line each ({@code u[task][alpha]}). */
    public static XYChart dualFunctions(double[] alphas, double[][] u) {
        XYChart c = Charts.line("Dual functions: validation loss of the trained student vs α, one line per task", "α",
                "validation MSE u_α(P)");
        for (int t = 0; t < u.length; t++) {
            c.addSeries("task " + (t + 1), alphas, u[t]);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** How many tasks' curves have 0, 1, 2, ... local extrema on the grid. */
    public static CategoryChart extremaHistogram(double[][] u) {
        int[] counts = new int[u[0].length];
        int most = 0;
        for (double[] curve : u) {
            int k = DualFunctions.localExtrema(curve);
            counts[k]++;
            most = Math.max(most, k);
        }
        double[] x = new double[most + 1];
        double[] y = new double[most + 1];
        for (int k = 0; k <= most; k++) {
            x[k] = k;
            y[k] = counts[k];
        }
        CategoryChart c = Charts.bars("Local extrema of each task's dual function on the α grid", "local extrema",
                "tasks");
        c.addSeries("tasks", x, y);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /**
     * The uniform deviation sup_α |Û_N(α) − U(α)| against the number of tasks N (each draw a point, the mean per N
     * a line) with the fitted power law and the theory's N^(−1/2) through the fit's value at the smallest N.
     */
    public static XYChart uniformDeviation(double[] n, double[] deviation, double[] sizes, double[] meanDeviation,
            LinearFit fit) {
        XYChart c = Charts.logLog("Uniform deviation of the empirical utility vs number of tasks N", "tasks N",
                "sup over α of |Û_N(α) − U(α)|");
        c.addSeries("draws", n, deviation).setXYSeriesRenderStyle(
                org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        c.addSeries("mean per N", sizes, meanDeviation);
        double[] fitted = new double[sizes.length];
        double[] theory = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            fitted[i] = Math.exp(fit.at(Math.log(sizes[i])));
            theory[i] = fitted[0] * Math.sqrt(sizes[0] / sizes[i]);
        }
        Charts.addLine(c, String.format("fit: slope %.2f", fit.slope()), sizes, fitted);
        Charts.addLine(c, "theory: slope −1/2", sizes, theory);
        Charts.legendOutside(c);
        return c;
    }
}
