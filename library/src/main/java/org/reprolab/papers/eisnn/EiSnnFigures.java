package org.reprolab.papers.eisnn;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.math.Estimate;
import org.reprolab.papers.ultralif.UltraLifFigures;
import org.reprolab.report.Charts;

/** The paper's figures, drawn the same way by the reproduction and the notebook. */
public final class EiSnnFigures {

    private EiSnnFigures() {}

    /**
     * One number of each hidden layer's currents at initialisation (say its spread, or the spike rate), against
     * depth, one line per network.
     */
    public static XYChart byLayer(String title, String yTitle, Map<String, List<EiSnn.LayerCurrents>> byNetwork,
            ToDoubleFunction<EiSnn.LayerCurrents> value, boolean logY) {
        XYChart c = logY ? Charts.logY(title, "hidden layer", yTitle) : Charts.line(title, "hidden layer", yTitle);
        byNetwork.forEach((name, rows) -> {
            double[] x = rows.stream().mapToDouble(EiSnn.LayerCurrents::layer).toArray();
            double[] y = rows.stream().mapToDouble(value).toArray();
            if (logY) {
                Charts.addPositive(c, name, x, y);
            } else {
                c.addSeries(name, x, y);
            }
        });
        Charts.legendOutside(c);
        return c;
    }

    /** Test accuracy after each epoch, mean over seeds, one line per network. */
    public static XYChart accuracyPerEpoch(String title, Map<String, double[]> byNetwork) {
        return UltraLifFigures.perEpoch(title, "test accuracy", byNetwork);
    }

    /** Paired accuracy differences with their 95% intervals. */
    public static CategoryChart differences(String title, Map<String, Estimate> byComparison) {
        return UltraLifFigures.differences(title, "accuracy difference (points)", byComparison);
    }
}
