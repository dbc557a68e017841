package org.reprolab.papers.elmneuron;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reprolab.report.Charts;

/** The ELM neuron's figures, built the same way by the reproduction and the notebook. */
public final class ElmNeuronFigures {

    private ElmNeuronFigures() {}

    /**
     * What a memory unit keeps of a write after a lag: κ_m^lag = exp(−lag/τ), for each given slowest timescale τ,
     * with the task's delay marked: a neuron whose slowest unit has forgotten by then must hold the cue some other
     * way.
     */
    public static XYChart retention(int delay, double... slowestTimescales) {
        XYChart c = Charts.line("Memory kept after a lag by a neuron's slowest unit, exp(−lag/τ)",
                "lag (steps)", "fraction kept");
        int n = 2 * delay + 1;
        double[] lag = new double[n];
        for (int i = 0; i < n; i++) {
            lag[i] = i;
        }
        for (double tau : slowestTimescales) {
            double[] kept = new double[n];
            for (int i = 0; i < n; i++) {
                kept[i] = Math.exp(-lag[i] / tau);
            }
            Charts.addLine(c, String.format("slowest τ = %.3g", tau), lag, kept);
        }
        Charts.addLine(c, "delay D", new double[] {delay, delay}, new double[] {0, 1});
        return c;
    }

    /**
     * Test accuracy against trainable parameters (log x), one point per model with its accuracy over seeds (mean
     * ± sd), and chance as a line: the smaller the model at a given accuracy, the more parameter-efficient.
     */
    public static XYChart accuracyVsParameters(Map<String, double[]> models, double chance) {
        XYChart c = Charts.line("Delayed recall: test accuracy against parameters", "trainable parameters",
                "test accuracy (mean ± sd over seeds)");
        c.getStyler().setXAxisLogarithmic(true);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Map.Entry<String, double[]> e : models.entrySet()) {
            double[] v = e.getValue();                       // {parameters, mean, sd}
            c.addSeries(e.getKey(), new double[] {v[0]}, new double[] {v[1]}, new double[] {v[2]})
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            lo = Math.min(lo, v[0]);
            hi = Math.max(hi, v[0]);
        }
        Charts.addLine(c, "chance", new double[] {lo / 1.5, hi * 1.5}, new double[] {chance, chance});
        Charts.legendOutside(c);
        return c;
    }
}
