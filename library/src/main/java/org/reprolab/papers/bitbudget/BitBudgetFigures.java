package org.reprolab.papers.bitbudget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reprolab.report.Charts;
import org.reprolab.spiking.MultiLevelIf;

/** The paper's figures, drawn the same way by the reproduction and the notebook. */
public final class BitBudgetFigures {

    private BitBudgetFigures() {}

    /**
     * The IF neuron as a quantiser: the spike units it emits in T steps for a constant current I ∈ [0, θL], divided
     * by T·L, one staircase per (b_s, T): more levels, finer steps.
     */
    public static XYChart staircase(String title, int[][] spikeBitsAndSteps) {
        XYChart c = Charts.line(title, "input current I / (θ L)", "spike units / (T L)");
        for (int[] bt : spikeBitsAndSteps) {
            int levels = (1 << bt[0]) - 1;
            double[] x = new double[401];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i / 400.0;
                y[i] = MultiLevelIf.spikeCount(x[i] * levels, bt[1], 1, levels) / (double) (bt[1] * levels);
            }
            Charts.addLine(c, "b_s = " + bt[0] + ", T = " + bt[1] + " (" + (bt[1] * levels + 1) + " levels)", x, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Mean test accuracy of each configuration against its bit budget, one series per number of time steps. */
    public static XYChart accuracyByBudget(String title, List<BitBudget.Config> configs, double[] accuracy) {
        XYChart c = Charts.line(title, "bit budget B = b_w · b_s · T", "test accuracy");
        double[] budget = configs.stream().mapToDouble(BitBudget.Config::budget).toArray();
        scatterBy(c, configs, budget, accuracy, cfg -> "T = " + cfg.steps());
        c.getStyler().setXAxisLogarithmic(true);
        return c;
    }

    /**
     * The bit-budget energy estimate (synaptic operations × b_w × b_s) against the usual synaptic-operation count,
     * per example, one series per budget: the same SynOps can cost very different numbers of bit-operations.
     */
    public static XYChart energyVsSynOps(String title, List<BitBudget.Config> configs, double[] synOps,
            double[] bitOps) {
        XYChart c = Charts.logLog(title, "synaptic operations per example (SynOps)",
                "bit-operations per example (bit budget)");
        scatterBy(c, configs, synOps, bitOps, cfg -> "B = " + cfg.budget());
        return c;
    }

    private static void scatterBy(XYChart c, List<BitBudget.Config> configs, double[] x, double[] y,
            Function<BitBudget.Config, String> group) {
        Map<String, List<double[]>> points = new TreeMap<>();
        for (int i = 0; i < configs.size(); i++) {
            points.computeIfAbsent(group.apply(configs.get(i)), k -> new ArrayList<>())
                    .add(new double[] {x[i], y[i]});
        }
        points.forEach((name, pts) -> {
            double[] px = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] py = pts.stream().mapToDouble(p -> p[1]).toArray();
            c.addSeries(name, px, py).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        });
        Charts.legendOutside(c);
    }
}
