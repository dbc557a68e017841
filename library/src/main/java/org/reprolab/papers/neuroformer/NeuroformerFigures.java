package org.reprolab.papers.neuroformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;
import org.reprolab.report.ImageGrid;

/** Neuroformer's figures, built the same way by the reproduction and the notebook. */
public final class NeuroformerFigures {

    private NeuroformerFigures() {}

    /** Training loss against optimizer step, one curve per run (e.g. the mean over seeds). */
    public static XYChart trainingLoss(String title, Map<String, double[]> curves) {
        XYChart c = Charts.line(title, "optimizer step", "training loss (nats per token)");
        curves.forEach((name, y) -> {
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            Charts.addLine(c, name, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }

    /** Held-out next-ID cross-entropy per model, one series per model, one bar group per seed. */
    public static CategoryChart crossEntropy(Map<String, double[]> perSeed) {
        CategoryChart c = Charts.bars("Next-ID cross-entropy on held-out windows", "seed", "nats per token");
        perSeed.forEach((name, v) -> c.addSeries(name, seeds(v.length), toList(v)));
        Charts.legendOutside(c);
        return c;
    }

    /**
     * The true coupling W (left; white excitatory, black inhibitory, grey none) next to the attention-derived
     * coupling ln A (right; white above uniform attention): rows are target neurons, columns source neurons.
     */
    public static HeatMapChart coupling(double[][] truth, double[][] attention) {
        int n = truth.length;
        double[] w = new double[n * n];
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] = truth[i][j];
                a[i * n + j] = i == j ? 0 : Math.log(attention[i][j]);
            }
        }
        return ImageGrid.chart("True coupling W (left) and attention coupling ln A (right); row = target, "
                + "column = source", List.of(w, a), n, n, 2, true);
    }

    /** Few-shot speed decoding: Pearson r on held-out windows per seed, one series per model. */
    public static CategoryChart fewShot(Map<String, double[]> perSeed) {
        CategoryChart c = Charts.bars("Few-shot speed decoding on held-out windows", "seed",
                "Pearson r (prediction, speed)");
        perSeed.forEach((name, v) -> c.addSeries(name, seeds(v.length), toList(v)));
        Charts.legendOutside(c);
        return c;
    }

    private static List<String> seeds(int n) {
        List<String> s = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            s.add("seed " + i);
        }
        return s;
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double x : v) {
            l.add(x);
        }
        return l;
    }
}
