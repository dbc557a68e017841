package org.reprolab.papers.infocompression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.math.Stats;
import org.reprolab.report.Charts;

/** The paper's figures (information planes, compression per activation), built alike by reproduction and notebook. */
public final class InfoCompressionFigures {

    private InfoCompressionFigures() {}

    /** One run's information plane: a trajectory per hidden layer, from the first measured epoch to the last. */
    public static XYChart informationPlane(InformationPlaneTraining.Trajectory t, int estimator, String title) {
        XYChart c = Charts.line(title, "I(T;X) [bits]", "I(T;Y) [bits]");
        int layers = t.points().get(estimator).get(0).size();
        for (int l = 1; l <= layers; l++) {
            c.addSeries("layer " + l, t.ix(estimator, l), t.iy(estimator, l));
        }
        Charts.legendOutside(c);
        return c;
    }

    /** One layer's I(T;X) against the epoch, one line per named run (say, per activation). */
    public static XYChart ixOverEpochs(Map<String, InformationPlaneTraining.Trajectory> runs, int estimator, int layer,
            String title) {
        XYChart c = Charts.line(title, "epoch", "I(T;X) of layer " + layer + " [bits]");
        c.getStyler().setXAxisLogarithmic(true);
        runs.forEach((name, t) -> c.addSeries(name, toDouble(t.epochs()), t.ix(estimator, layer)));
        Charts.legendOutside(c);
        return c;
    }

    /** Mean compression per named group of runs, one bar per group. */
    public static CategoryChart compressionBars(Map<String, double[]> compression, String title) {
        CategoryChart c = Charts.bars(title, "", "(peak − final) / peak of I(T;X)");
        List<String> names = new ArrayList<>(compression.keySet());
        List<Double> means = new ArrayList<>();
        compression.values().forEach(v -> means.add(Stats.mean(v)));
        c.addSeries("mean over seeds", names, means);
        return c;
    }

    /** Estimated against closed-form mutual information of two correlated Gaussians, one line per estimator. */
    public static XYChart gaussianCheck(double[] rho, double[] closedForm, Map<String, double[]> estimates) {
        XYChart c = Charts.line("Mutual information of correlated Gaussians", "correlation ρ", "I [bits]");
        c.addSeries("closed form −½ log2(1 − ρ²)", rho, closedForm);
        estimates.forEach((name, v) -> c.addSeries(name, rho, v));
        return c;
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
