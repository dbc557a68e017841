package org.reprolab.papers.btf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.reprolab.report.Charts;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/** The figures and small tables of the BTF reproduction, built the same way by its steps and its notebook. */
public final class BtfFigures {

    private BtfFigures() {}

    /**
     * The truth table of a single unit ({@code BtfNetwork.layered(n, new int[0], 1, bias)}) with weights
     * {@code w}: its inputs, the pre-activation w·x and the output y = sgn(w·x), one row per input pattern.
     */
    public static Table unitTable(String title, BtfNetwork unit, double[][] w) {
        if (unit.nodes() != 1) {
            throw new IllegalArgumentException("a single unit, not " + unit.nodes() + " nodes");
        }
        TruthTable t = unit.truthTable(w);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < unit.inputs(); i++) {
            columns.add("x" + (i + 1));
        }
        columns.add("w·x");
        columns.add("y");
        List<String> rows = new ArrayList<>();
        double[][] values = new double[t.rows()][];
        for (int r = 0; r < t.rows(); r++) {
            double[] x = t.input(r);
            double[] v = java.util.Arrays.copyOf(x, x.length + 2);
            double a = unit.bias() ? w[0][x.length] : 0;
            for (int i = 0; i < x.length; i++) {
                a += w[0][i] * x[i];
            }
            v[x.length] = a;
            v[x.length + 1] = t.output(r)[0];
            values[r] = v;
            rows.add(Integer.toString(r + 1));
        }
        return Tables.matrix(title, "row", rows, columns, values);
    }

    /**
     * Weights divided by ρ, one row per weight (named by {@code weightNames}) and one column per weighting (the
     * map's keys, e.g. "teacher", "μ = 0.3"); each value is one node's weight vector.
     */
    public static Table weights(String title, List<String> weightNames, Map<String, double[]> weightings,
            double rho) {
        double[][] values = new double[weightNames.size()][weightings.size()];
        int c = 0;
        for (double[] w : weightings.values()) {
            for (int i = 0; i < weightNames.size(); i++) {
                values[i][c] = w[i] / rho;
            }
            c++;
        }
        return Tables.matrix(title, "weight", weightNames, new ArrayList<>(weightings.keySet()), values);
    }

    /** RRR's error \(\|P_B(2P_A(z) - z) - P_A(z)\|\) per iteration, one line per run (log y axis). */
    public static XYChart errorTraces(String title, Map<String, double[]> errorsByRun) {
        XYChart c = Charts.logY(title, "iteration", "error ‖P_B(2P_A(z) − z) − P_A(z)‖");
        errorsByRun.forEach((run, e) -> {
            double[] it = new double[e.length];
            for (int k = 0; k < e.length; k++) {
                it[k] = k + 1;
            }
            Charts.addPositive(c, run, it, e);
        });
        for (var s : c.getSeriesMap().values()) {
            s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);   // the lines fill the plot
        return c;
    }

    /**
     * The fraction of restarts that reached an exact network within t passes over the truth table, for t up to
     * {@code budget}, one line per method; {@code passes[r]} is restart r's passes to its first exact network,
     * or −1 if it found none within the budget.
     */
    public static XYChart solvedWithin(String title, int budget, Map<String, int[]> passesByMethod) {
        XYChart c = Charts.line(title, "passes over the truth table", "fraction of restarts exact");
        double[] t = new double[101];
        for (int i = 0; i < t.length; i++) {
            t[i] = budget * i / 100.0;
        }
        passesByMethod.forEach((method, passes) -> {
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                int ok = 0;
                for (int p : passes) {
                    ok += p >= 0 && p <= t[i] ? 1 : 0;
                }
                y[i] = (double) ok / passes.length;
            }
            Charts.addLine(c, method, t, y);
        });
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        return c;
    }

    /** Histograms of input weights divided by ρ, in 21 bins of width 0.1 centred on −1, −0.9, …, 1. */
    public static CategoryChart weightHistogram(String title, Map<String, double[]> normalisedByLabel) {
        CategoryChart c = Charts.bars(title, "w / ρ", "fraction of input weights");
        List<String> bins = new ArrayList<>();
        for (int b = 0; b <= 20; b++) {
            bins.add(String.format(java.util.Locale.ROOT, "%.1f", -1 + 0.1 * b));
        }
        normalisedByLabel.forEach((label, u) -> {
            List<Double> share = new ArrayList<>();
            double[] counts = new double[bins.size()];
            for (double v : u) {
                counts[(int) Math.rint((Math.max(-1, Math.min(1, v)) + 1) * 10)]++;
            }
            for (double n : counts) {
                share.add(u.length == 0 ? 0 : n / u.length);
            }
            c.addSeries(label, bins, share);
        });
        Charts.legendOutside(c);
        c.getStyler().setXAxisLabelRotation(90);
        return c;
    }
}
