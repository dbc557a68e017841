package org.reprolab.papers.connectome;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** The connectome paper's figures, built the same way by the reproduction and the notebook. */
public final class ConnectomeFigures {

    private ConnectomeFigures() {}

    /** Each epoch's indicator beside the time factor matched to it (scaled to peak 1), against the window. */
    public static XYChart timeFactors(String title, double[][] indicators, double[][] factors) {
        XYChart c = Charts.line(title, "window", "activity (factor scaled to peak 1)");
        double[] w = new double[indicators[0].length];
        for (int i = 0; i < w.length; i++) {
            w[i] = i;
        }
        for (int e = 0; e < indicators.length; e++) {
            Charts.addLine(c, "epoch " + (e + 1), w, indicators[e]);
            double peak = org.reprolab.math.Stats.max(factors[e]);
            double[] f = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                f[i] = factors[e][i] / peak;
            }
            c.addSeries("factor for epoch " + (e + 1), w, f);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Community recovery (Jaccard) per seed: the NTF motifs against static correlation clustering. */
    public static CategoryChart jaccardBySeed(double[] ntf, double[] staticClustering) {
        CategoryChart c = Charts.bars("Planted communities recovered (mean Jaccard over epochs)", "seed",
                "Jaccard");
        java.util.List<String> seeds = new java.util.ArrayList<>();
        for (int s = 0; s < ntf.length; s++) {
            seeds.add(Integer.toString(s));
        }
        c.addSeries("NTF motifs + leading community", seeds, java.util.Arrays.stream(ntf).boxed().toList());
        c.addSeries("static correlation + k-means", seeds,
                java.util.Arrays.stream(staticClustering).boxed().toList());
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        Charts.legendOutside(c);
        return c;
    }
}
