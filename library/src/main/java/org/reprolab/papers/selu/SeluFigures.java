package org.reprolab.papers.selu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.reprolab.report.Charts;

/** The figures of Klambauer et al. (2017), built the same way by the reproduction and the notebook. */
public final class SeluFigures {

    private SeluFigures() {}

    /** Paths of the moment map g (ω = 0, τ = 1) in the (mean, variance) plane, one per start (μ₀, ν₀). */
    public static XYChart momentIterates(SeluMomentMap g, double[][] starts, int layers) {
        XYChart c = Charts.line("Iterating the moment map g (ω=0, τ=1) for " + layers + " layers", "mean μ",
                "variance ν");
        for (double[] s0 : starts) {
            double[][] path = g.iterate(s0[0], s0[1], layers);
            double[] mu = new double[path.length];
            double[] nu = new double[path.length];
            for (int k = 0; k < path.length; k++) {
                mu[k] = path[k][0];
                nu[k] = path[k][1];
            }
            c.addSeries(String.format("from (%.1f, %.1f)", s0[0], s0[1]), mu, nu);
        }
        return c;
    }

    /** The activations' variance after each random layer, one log-y line per network. */
    public static XYChart propagationVariance(Map<String, SignalPropagation.Trace> traces, int width) {
        XYChart c = Charts.logY("Variance through random layers (width " + width + ")", "layer",
                "variance (LeCun-normal weights unless noted)");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        traces.forEach((name, t) -> Charts.addPositive(c, name, t.layers(), t.variance()));
        return c;
    }

    /** The activations' mean after each random layer, one line per network. */
    public static XYChart propagationMean(Map<String, SignalPropagation.Trace> traces) {
        XYChart c = Charts.line("Mean of activations through random layers", "layer", "mean");
        traces.forEach((name, t) -> c.addSeries(name, t.layers(), t.mean()));
        return c;
    }

    /**
     * The training loss of every batch over {@code epochs} epochs, one log-y line per network, against the epoch
     * (the paper's Figure 1 shows these curves).
     */
    public static XYChart trainingLoss(String title, Map<String, float[]> batchLoss, int epochs) {
        XYChart c = Charts.logY(title, "epoch", "training loss per batch");
        c.getStyler().setXAxisDecimalPattern("0.#");
        batchLoss.forEach((name, loss) -> {
            double[] x = new double[loss.length];
            double[] y = new double[loss.length];
            for (int i = 0; i < loss.length; i++) {
                x[i] = (i + 1.0) * epochs / loss.length;
                y[i] = loss[i];
            }
            Charts.addLine(c, name, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }

    /** Mean and variance after each application of g (ω = 0, τ = 1) from (μ₀, ν₀), against the layer. */
    public static XYChart momentsByLayer(SeluMomentMap g, double mu0, double nu0, int layers) {
        double[][] path = g.iterate(mu0, nu0, layers);
        double[] layer = new double[path.length];
        double[] mean = new double[path.length];
        double[] variance = new double[path.length];
        for (int k = 0; k < path.length; k++) {
            layer[k] = k;
            mean[k] = path[k][0];
            variance[k] = path[k][1];
        }
        XYChart c = Charts.line(String.format("Iterating g from (%.1f, %.1f)", mu0, nu0), "layer", "moment");
        c.addSeries("mean", layer, mean);
        c.addSeries("variance", layer, variance);
        return c;
    }

    /** Test accuracy after each epoch, one line per network (mean over seeds). */
    public static XYChart testAccuracy(String title, Map<String, double[]> meanByEpoch) {
        XYChart c = Charts.line(title, "epoch", "test accuracy (mean over seeds)");
        meanByEpoch.forEach((name, y) -> {
            double[] x = new double[y.length];
            for (int e = 0; e < y.length; e++) {
                x[e] = e + 1;
            }
            c.addSeries(name, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }

    /** Mean accuracy rank per model (1 = best), averaged over tables and seeds. */
    public static CategoryChart meanRanks(String title, List<String> models, double[] meanRank) {
        CategoryChart c = Charts.bars(title, "model", "mean rank (1 = best)");
        List<Double> y = new ArrayList<>();
        for (double r : meanRank) {
            y.add(r);
        }
        c.addSeries("mean rank", models, y);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisMin(1.0);
        c.getStyler().setYAxisMax((double) models.size());
        return c;
    }
}
