package org.reprolab.papers.rnnsparsedata;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** The figures of rnn-sparse-data, built the same way by the reproduction and the notebook. */
public final class RnnSparseDataFigures {

    private RnnSparseDataFigures() {}

    /** One output over time for several networks run on the same condition (each trajectory: steps × outputs). */
    public static XYChart output(Map<String, double[][]> outputs, int output, String title) {
        XYChart c = Charts.line(title, "time step", "output " + (output + 1));
        outputs.forEach((name, z) -> {
            double[] t = new double[z.length];
            double[] y = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                t[i] = i + 1;
                y[i] = z[i][output];
            }
            Charts.addLine(c, name, t, y);
        });
        Charts.legendOutside(c);
        return c;
    }

    /** The rates of the first {@code units} units over time (steps × n), one line each. */
    public static XYChart rates(double[][] rates, int units, String title) {
        XYChart c = Charts.line(title, "time step", "rate tanh(x)");
        for (int j = 0; j < units; j++) {
            double[] t = new double[rates.length];
            double[] y = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                t[i] = i + 1;
                y[i] = rates[i][j];
            }
            Charts.addLine(c, "unit " + (j + 1), t, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Grouped bars: for each measure (category), one bar per variant. */
    public static CategoryChart compare(List<String> measures, Map<String, List<Double>> byVariant, String title) {
        CategoryChart c = Charts.bars(title, "measure", "value");
        byVariant.forEach((variant, v) -> c.addSeries(variant, measures, v));
        Charts.legendOutside(c);
        return c;
    }

    /** Training loss per Adam step for each variant. */
    public static XYChart loss(Map<String, double[]> loss) {
        return Charts.lossCurves("Training loss (first seed)", "Adam step", loss);
    }
}
