package org.reprolab.papers.sdr;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reprolab.math.Estimate;
import org.reprolab.report.Charts;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/** The figures of Ahmad and Hawkins (2016), built the same way by the reproduction and the notebook. */
public final class SdrFigures {

    private SdrFigures() {}

    /**
     * Simulated / exact for each rate, with its 95% interval as an error bar (the larger half, so the bar covers
     * the Wilson interval), and the margin 1 ± {@code margin} as dashed lines. Rates whose closed form expects
     * fewer than {@code minEvents} events are left out: their intervals are too wide to judge.
     */
    public static XYChart agreement(String title, List<SimulatedRate> rates, double margin, double minEvents) {
        List<SimulatedRate> shown = rates.stream().filter(r -> r.expectedEvents() >= minEvents).toList();
        double[] x = new double[shown.size()];
        double[] y = new double[x.length];
        double[] bar = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            Estimate r = shown.get(i).ratio();
            x[i] = i + 1;
            y[i] = r.value();
            bar[i] = Math.max(r.hi() - r.value(), r.value() - r.lo());
        }
        XYChart c = Charts.line(title, "setting (row of the table)", "simulated / closed form");
        c.addSeries("simulated / exact, 95% interval", x, y, bar)
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double[] ends = {0.5, x.length + 0.5};
        Charts.addLine(c, "1 + " + margin, ends, new double[] {1 + margin, 1 + margin});
        Charts.addLine(c, "1 − " + margin, ends, new double[] {1 - margin, 1 - margin});
        c.getStyler().setYAxisMin(1 - 2 * margin);
        c.getStyler().setYAxisMax(1 + 2 * margin);
        c.getStyler().setXAxisDecimalPattern("0");
        Charts.legendOutside(c);
        return c;
    }

    /**
     * The rates as a table: closed form, simulated rate, expected events, simulated / exact with its 95% interval,
     * and whether the setting expects enough events ({@code minEvents}) to decide.
     */
    public static Table rateTable(String title, List<SimulatedRate> rates, double minEvents) {
        record Row(String setting, double exact, double simulated, @Column("expected events") double expectedEvents,
                @Column("simulated / exact") double ratio, @Column("95% low") double lo,
                @Column("95% high") double hi, boolean decides) { }
        List<Row> rows = new java.util.ArrayList<>();
        for (SimulatedRate r : rates) {
            Estimate e = r.exact() > 0 ? r.ratio() : Estimate.exact(Double.NaN);
            rows.add(new Row(r.setting(), r.exact(), r.simulated(), r.expectedEvents(), e.value(), e.lo(), e.hi(),
                    r.expectedEvents() >= minEvents));
        }
        return Tables.of(title, Row.class, rows);
    }

    /** Eq. (2) and the simulated miss rate against the fraction of the pattern's cells replaced, one per rate. */
    public static XYChart missVsNoise(String title, double[] noise, List<SimulatedRate> rates) {
        XYChart c = Charts.logY(title, "fraction of cells replaced", "P(miss)");
        Charts.addPositive(c, "Eq. (2)", noise, rates.stream().mapToDouble(SimulatedRate::exact).toArray());
        Charts.addPositive(c, "simulated", noise, rates.stream().mapToDouble(SimulatedRate::simulated).toArray());
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return c;
    }

    /**
     * False match (Eq. (1)) and miss with half the pattern replaced (Eq. (2)) against θ, for segments with s = 2θ
     * synapses in a population of {@code n} cells with {@code a} active: the paper's design rule trades them.
     */
    public static XYChart errorVsTheta(int n, int a, int[] thetas) {
        double[] th = new double[thetas.length];
        double[] fp = new double[thetas.length];
        double[] miss = new double[thetas.length];
        for (int i = 0; i < thetas.length; i++) {
            th[i] = thetas[i];
            fp[i] = SdrMath.falseMatch(n, a, 2 * thetas[i], thetas[i]).doubleValue();
            miss[i] = SdrMath.miss(a, 2 * thetas[i], thetas[i], a / 2).doubleValue();
        }
        XYChart c = Charts.logY("False match and miss vs θ (n=" + n + ", a=" + a + ", s=2θ)", "θ (NMDA threshold)",
                "probability");
        Charts.addPositive(c, "false match", th, fp);
        Charts.addPositive(c, "miss, 50% noise", th, miss);
        return c;
    }

    /** The false-match probability against the population size n, one log-log curve per entry of {@code curves}. */
    public static XYChart errorVsN(double[] n, Map<String, double[]> curves) {
        XYChart c = Charts.logLog("False match vs population size (s=2θ)", "n", "P(false match)");
        curves.forEach((name, p) -> Charts.addPositive(c, name, n, p));
        Charts.legendOutside(c);
        return c;
    }

    /**
     * The trade-off that sets the NMDA threshold: per θ ≤ {@code maxTheta}, the sweep's median false match, median
     * miss and their sum over the balanced segments (the false match is what the paper's threshold figure plots), the
     * median false match over the whole grid where some segments do not fit in the pattern, and the figure's bound
     * 1e-9; values below 1e-20 are left out so that the axis stays
     * legible.
     */
    public static XYChart thresholdTradeOff(NmdaThreshold.Sweep sw, int maxTheta) {
        int n = Math.min(maxTheta, sw.theta().length);
        double[] x = java.util.Arrays.copyOf(sw.theta(), n);
        Map<String, double[]> curves = new java.util.LinkedHashMap<>();
        curves.put("false match, Eq. (1)", sw.medianFalseMatch());
        curves.put("miss, Eq. (2)", sw.medianMiss());
        double[] sum = new double[n];
        for (int t = 0; t < n; t++) {
            sum[t] = sw.medianFalseMatch()[t] + sw.medianMiss()[t];
        }
        curves.put("sum", sum);
        if (sw.gridSize() > sw.segments().size()) {
            curves.put("false match, all " + sw.gridSize() + " segments", sw.medianFalseMatchAll());
        }
        XYChart c = Charts.logY("False match vs miss, median over " + sw.segments().size() + " segments",
                "θ (NMDA threshold)", "median probability");
        curves.forEach((name, p) -> {
            double[] shown = new double[n];
            for (int i = 0; i < n; i++) {
                shown[i] = p[i] >= 1e-20 ? p[i] : 0;
            }
            Charts.addPositive(c, name, x, shown);
        });
        Charts.addLine(c, "1e-9", new double[] {x[0], x[n - 1]}, new double[] {1e-9, 1e-9});
        c.getStyler().setYAxisMin(1e-20);
        c.getStyler().setYAxisMax(1.0);
        Charts.legendOutside(c);
        return c;
    }

    /** How many segments of the sweep have each balanced threshold θ*. */
    public static CategoryChart balancedThresholds(NmdaThreshold.Sweep sw) {
        int[] thetaStar = sw.segments().stream().mapToInt(NmdaThreshold.Segment::balanced).toArray();
        String title = "Balanced threshold θ* over " + thetaStar.length + " segments";
        int max = 0;
        for (int t : thetaStar) {
            max = Math.max(max, t);
        }
        int min = max;
        for (int t : thetaStar) {
            min = Math.min(min, t);
        }
        List<String> labels = new java.util.ArrayList<>();
        List<Integer> counts = new java.util.ArrayList<>();
        for (int t = min; t <= max; t++) {
            labels.add(Integer.toString(t));
            int k = 0;
            for (int v : thetaStar) {
                k += v == t ? 1 : 0;
            }
            counts.add(k);
        }
        CategoryChart c = Charts.bars(title, "balanced threshold θ*", "segments of the grid");
        c.addSeries("segments", labels, counts);
        c.getStyler().setLegendVisible(false);
        return c;
    }
}
