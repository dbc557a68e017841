package org.reprolab.papers.crrelu;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** The figures of the EAFO / CRReLU paper, built the same way by the reproduction and the notebook. */
public final class CrReluFigures {

    private CrReluFigures() {}

    /** The activations on [−4, 4]. */
    public static XYChart activations(List<EafoEntropy.Curve> curves) {
        XYChart c = Charts.line("Activation functions", "x", "f(x)");
        int n = 161;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -4 + 8.0 * i / (n - 1);
        }
        for (EafoEntropy.Curve curve : curves) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = curve.value().applyAsDouble(x[i]);
            }
            Charts.addLine(c, curve.name(), x, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /**
     * \(H_+\) of CRReLU against ε, with ReLU's value (ε = 0) and the first-order line ε/(4√2) through it: the
     * EAFO correction lowers the entropy for ε &lt; 0.
     */
    public static XYChart entropyVsEpsilon(double maxAbsEpsilon) {
        XYChart c = Charts.line("Output entropy H₊ of CRReLU against ε", "ε", "H₊ (nats)");
        int n = 41;
        double[] e = new double[n];
        double[] h = new double[n];
        double[] linear = new double[n];
        double relu = EafoEntropy.Curve.relu().entropy();
        for (int i = 0; i < n; i++) {
            e[i] = -maxAbsEpsilon + 2 * maxAbsEpsilon * i / (n - 1);
            h[i] = EafoEntropy.Curve.crRelu(e[i]).entropy();
            linear[i] = relu + EafoEntropy.firstOrderChange(e[i]);
        }
        Charts.addLine(c, "H₊[CRReLU_ε]", e, h);
        Charts.addLine(c, "first order: H₊[ReLU] + ε/(4√2)", e, linear);
        Charts.legendOutside(c);
        return c;
    }

    /** Mean test accuracy per activation (over seeds), the axis starting near the lowest bar. */
    public static CategoryChart accuracyBars(List<String> activations, List<Double> meanAccuracy) {
        CategoryChart c = Charts.bars("Fashion-MNIST test accuracy (mean over seeds)", "activation", "test accuracy");
        c.addSeries("accuracy", activations, meanAccuracy);
        c.getStyler().setLegendVisible(false);
        double lo = meanAccuracy.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        c.getStyler().setYAxisMin(Math.floor(lo * 100 - 1) / 100);
        c.getStyler().setYAxisDecimalPattern("0.000");
        return c;
    }
}
