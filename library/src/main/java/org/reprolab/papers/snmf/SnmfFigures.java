package org.reprolab.papers.snmf;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.math.Stats;
import org.reprolab.report.Charts;

/** SNMF's figures, built the same way by the reproduction and the notebook. */
public final class SnmfFigures {

    private SnmfFigures() {}

    /** The best loss ‖A − ZYᵀ‖²_F against the iteration (log y). */
    public static XYChart lossCurve(double[] bestLoss) {
        XYChart c = Charts.logY("Semi-NMF: best loss so far", "iteration", "‖A − ZYᵀ‖²_F");
        double[] it = new double[bestLoss.length];
        for (int i = 0; i < it.length; i++) {
            it[i] = i + 1;
        }
        Charts.addLine(c, "best iterate", it, bestLoss);
        Charts.finish(c);
        return c;
    }

    /**
     * Mean purity and steering flip rate over seeds per method (SNMF, SAE, difference of means, random
     * direction; random has no purity and is drawn at 0).
     */
    public static CategoryChart comparison(double[] puritySnmf, double[] puritySae, double[] purityDiffMeans,
            double[] steerSnmf, double[] steerSae, double[] steerDiffMeans, double[] steerRandom) {
        CategoryChart c = Charts.bars("Feature purity and steering, means over seeds", "", "share");
        List<String> methods = List.of("SNMF", "SAE", "diff. of means", "random");
        c.addSeries("purity of top inputs", methods, List.of(Stats.mean(puritySnmf), Stats.mean(puritySae),
                Stats.mean(purityDiffMeans), 0.0));
        c.addSeries("steering flip rate", methods, List.of(Stats.mean(steerSnmf), Stats.mean(steerSae),
                Stats.mean(steerDiffMeans), Stats.mean(steerRandom)));
        Charts.finish(c);
        return c;
    }
}
