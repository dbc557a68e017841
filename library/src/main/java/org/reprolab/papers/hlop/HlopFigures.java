package org.reprolab.papers.hlop;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** The paper's figures, drawn the same way by the reproduction and the notebook. */
public final class HlopFigures {

    private HlopFigures() {}

    /** Accuracy on task 1 after each task, one line per method, from each method's accuracy matrix R[t][j]. */
    public static XYChart firstTaskAccuracy(String title, Map<String, double[][]> matrices) {
        XYChart c = Charts.line(title, "tasks learned", "test accuracy on task 1");
        matrices.forEach((name, r) -> {
            double[] x = new double[r.length];
            double[] y = new double[r.length];
            for (int t = 0; t < r.length; t++) {
                x[t] = t + 1;
                y[t] = r[t][0];
            }
            c.addSeries(name, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }

    /** The cosines of the principal angles between two subspaces, largest first (all 1: the same subspace). */
    public static XYChart principalCosines(String title, double[] cosines) {
        XYChart c = Charts.line(title, "principal angle (largest cosine first)", "cosine");
        double[] x = new double[cosines.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        c.addSeries("cos θ_i", x, cosines);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.05);
        return c;
    }
}
