package org.reprolab.papers.snnplacerecognition;

import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.math.Stats;
import org.reprolab.report.Charts;

/** The place-recognition figures, built the same way by the reproduction and the notebook. */
public final class PlaceRecognitionFigures {

    private PlaceRecognitionFigures() {}

    /** Recall@1 and the out-of-region false-positive rate per seed, without and with hyperactive-neuron removal. */
    public static CategoryChart withAndWithout(double[] recallWithout, double[] recallWith, double[] outWithout,
            double[] outWith) {
        CategoryChart c = Charts.bars("Recall@1 and out-of-region false positives, mean over seeds", "",
                "fraction of test queries");
        List<String> x = List.of("Recall@1", "out-of-region matches");
        c.addSeries("ensemble without removal", x, List.of(Stats.mean(recallWithout), Stats.mean(outWithout)));
        c.addSeries("ensemble with removal", x, List.of(Stats.mean(recallWith), Stats.mean(outWith)));
        return c;
    }

    /**
     * Every neuron's mean response to references outside its module's region, sorted, with the calibrated removal
     * threshold: the neurons above it are the hyperactive ones that get removed.
     */
    public static XYChart hyperactive(List<double[]> outOfRegion, double threshold) {
        double[] all = outOfRegion.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        double[] rank = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            rank[i] = i + 1;
        }
        XYChart c = Charts.line("Out-of-region response of every neuron (one seed), sorted",
                "neuron (sorted)", "mean spikes per out-of-region reference");
        Charts.addLine(c, "neurons", rank, all);
        if (Double.isFinite(threshold)) {
            Charts.addLine(c, "calibrated removal threshold", new double[] {1, all.length},
                    new double[] {threshold, threshold});
        }
        return c;
    }
}
