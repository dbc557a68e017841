package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprolab.math.Estimate;
import org.reprolab.math.SignificantDigits;
import org.reprolab.report.Charts;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import org.reprolab.spiking.EventPatterns;
import org.reprolab.spiking.SurrogateLif;
import tech.tablesaw.api.Table;

/** UltraLIF's figures and small tables, built the same way by the reproduction and the notebook. */
public final class UltraLifFigures {

    private UltraLifFigures() {}

    /** LSE_ε(a, b) against max(a, b) for each ε and b, with the normalised gap and the weight ∂LSE/∂a. */
    public static Table lseTable(double a, double[] bs, double... epsilons) {
        record Row(@Column("ε") double epsilon, double b, @Column("LSE_ε(a, b)") double lse,
                @Column("(LSE − max)/(ε ln 2)") double gapOverBound, @Column("∂LSE/∂a") double weight) { }
        List<Row> rows = new ArrayList<>();
        for (double eps : epsilons) {
            for (double b : bs) {
                double v = SoftMaxPlus.lse(a, b, eps);
                rows.add(new Row(eps, b, v, (v - Math.max(a, b)) / (eps * Math.log(2)), SoftMaxPlus.weight(a, b, eps)));
            }
        }
        String x = SignificantDigits.format(a);
        return Tables.of("LSE_ε(" + x + ", b) against max(" + x + ", b)", rows);
    }

    /**
     * At ε = 1 and without spikes UltraLIF is the linear leaky integrator in the log domain: with V = e^v the
     * membrane update reads V_t = τ V_{t−1} + e^{I_t}, V_0 = 1. Returns max_t |v_t − log V_t| for {@code current},
     * v from {@link UltraLif#simulate} and V from that recursion (rounding error only).
     */
    public static double logDomainGap(NDManager manager, double[] current, double tau) {
        NDArray in = manager.create(new double[][] {current}).expandDims(2);             // (B = 1, T, N = 1)
        double[] v = UltraLif.simulate(in, tau, 1, 1e9).get(1).toDoubleArray();          // θ out of reach
        double worst = 0;
        double bigV = 1;
        for (int t = 0; t < current.length; t++) {
            bigV = tau * bigV + Math.exp(current[t]);
            worst = Math.max(worst, Math.abs(v[t] - Math.log(bigV)));
        }
        return worst;
    }

    /** LSE_ε(a, 0) for ε = 1, 0.3, 0.1 and its limit max(a, 0), for a in [−3, 3]. */
    public static XYChart lseVsMax() {
        double[] x = grid(-3, 3, 201);
        XYChart c = Charts.line("Soft max-plus LSE_ε(a, 0) and its limit max(a, 0)", "a", "value");
        for (double e : new double[] {1, 0.3, 0.1}) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = SoftMaxPlus.lse(x[i], 0, e);
            }
            Charts.addLine(c, "ε = " + e, x, y);
        }
        double[] max = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            max[i] = Math.max(x[i], 0);
        }
        Charts.addLine(c, "max(a, 0)  (ε → 0)", x, max);
        c.getStyler().setLegendPosition(LegendPosition.InsideNW);
        return c;
    }

    /** One neuron's membrane v_t after reset, driven by {@code current}: UltraLIF at each ε and the max-plus LIF. */
    public static XYChart trajectory(NDManager manager, double[] current, double tau, double threshold,
            double... epsilons) {
        NDArray in = manager.create(new double[][] {current}).expandDims(2);              // (B = 1, T, N = 1)
        double[] time = grid(1, current.length, current.length);
        XYChart c = Charts.line("One neuron's membrane v_t after reset (τ = " + SignificantDigits.format(tau) + ", θ = "
                + SignificantDigits.format(threshold) + ")", "step t", "v_t");
        for (double eps : epsilons) {
            Charts.addLine(c, "UltraLIF ε = " + eps, time, UltraLif.simulate(in, tau, eps, threshold).get(1)
                    .toDoubleArray());
        }
        Charts.addLine(c, "max-plus LIF (ε → 0)", time, TropicalLif.simulate(in, tau, threshold).get(1)
                .toDoubleArray());
        Charts.legendOutside(c);
        return c;
    }

    /** The trajectory errors of a {@link TrajectoryErrors#study} against ε, with the one-step bound ε ln 2. */
    public static XYChart errorVsEpsilon(List<TrajectoryErrors.Row> rows, int neurons, int steps) {
        double[] e = rows.stream().mapToDouble(TrajectoryErrors.Row::epsilon).toArray();
        XYChart c = Charts.logLog("UltraLIF vs max-plus LIF: trajectory error (" + neurons + " neurons, " + steps
                + " steps)", "ε", "|v^ε − v|");
        Charts.addPositive(c, "max over neurons and steps", e,
                rows.stream().mapToDouble(TrajectoryErrors.Row::maxError).toArray());
        Charts.addPositive(c, "mean", e, rows.stream().mapToDouble(TrajectoryErrors.Row::meanError).toArray());
        Charts.addPositive(c, "tied input (worst case)", e,
                rows.stream().mapToDouble(TrajectoryErrors.Row::tiedInputError).toArray());
        double[] bound = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            bound[i] = e[i] * Math.log(2);
        }
        Charts.addPositive(c, "ε ln 2 (one step)", e, bound);
        c.getStyler().setLegendPosition(LegendPosition.InsideSE);
        return c;
    }

    /**
     * ∂s/∂I at T = 1 against the input current: UltraLIF (τ = 0.9, θ = 0) at ε = 1, 0.3 and {@code learnedEps},
     * and the surrogate LIF's made-up derivative (α = 4, θ = 1), whose true derivative is 0.
     */
    public static XYChart spikeDerivative(double learnedEps) {
        double[] x = grid(-3, 3, 301);
        XYChart c = Charts.line("Spike derivative at T = 1: UltraLIF ∂s/∂I vs the LIF surrogate", "input current I",
                "∂s/∂I");
        double lt = Math.log(UltraLif.TAU);
        for (double eps : new double[] {1, 0.3, learnedEps}) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double s = 1 / (1 + Math.exp(-SoftMaxPlus.lse(lt, x[i], eps) / eps));
                y[i] = s * (1 - s) / eps * SoftMaxPlus.weight(x[i], lt, eps);
            }
            Charts.addLine(c, String.format("UltraLIF ε = %.2f", eps), x, y);
        }
        double[] sur = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sur[i] = SurrogateLif.surrogateDerivative(x[i] - 1, SurrogateLif.ALPHA);
        }
        Charts.addLine(c, "LIF surrogate (α = 4, θ = 1); true derivative 0", x, sur);
        c.getStyler().setLegendPosition(LegendPosition.InsideNW);
        return c;
    }

    /** A quantity after each epoch, one line per model (mean over seeds). */
    public static XYChart perEpoch(String title, String yTitle, Map<String, double[]> byModel) {
        XYChart c = Charts.line(title, "epoch", yTitle);
        byModel.forEach((model, y) -> c.addSeries(model, grid(1, y.length, y.length), y));
        Charts.legendOutside(c);
        return c;
    }

    /** Paired differences with their 95% intervals, one bar per comparison. */
    public static CategoryChart differences(String title, String yTitle, Map<String, Estimate> byComparison) {
        CategoryChart c = Charts.bars(title + " (mean over seeds, 95% interval)", "comparison", yTitle);
        List<String> names = new ArrayList<>(byComparison.keySet());
        List<Double> value = new ArrayList<>();
        List<Double> half = new ArrayList<>();
        double lo = 0;
        double hi = 0;
        for (Estimate e : byComparison.values()) {
            double h = e.hasInterval() ? (e.hi() - e.lo()) / 2 : 0;
            value.add(e.value());
            half.add(h);
            lo = Math.min(lo, e.value() - h);
            hi = Math.max(hi, e.value() + h);
        }
        c.addSeries("difference", names, value, half);
        double pad = 0.08 * (hi - lo + 1e-9);
        c.getStyler().setYAxisMin(lo - pad);
        c.getStyler().setYAxisMax(hi + pad);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /**
     * One recording of each class in {@code labels}: its events (dots), channel against time, over the class's
     * formants before any jitter (lines), in one colour per class.
     */
    public static XYChart eventRaster(EventPatterns task, SplittableRandom rng, int... labels) {
        XYChart c = Charts.line("One recording per class: events (dots) and the class's formants (lines)",
                "time step", "channel");
        Color[] palette = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
        for (int i = 0; i < labels.length; i++) {
            Color colour = palette[i % palette.length];
            List<EventPatterns.Event> ev = task.recording(labels[i], rng);
            XYSeries s = c.addSeries("class " + labels[i], ev.stream().mapToDouble(EventPatterns.Event::time).toArray(),
                    ev.stream().mapToDouble(EventPatterns.Event::channel).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarkerColor(colour);
            int j = 0;
            for (EventPatterns.Formant f : task.pattern(labels[i])) {
                XYSeries line = c.addSeries("class " + labels[i] + " formant " + ++j, new double[] {f.start(), f.end()},
                        new double[] {f.from(), f.to()});
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(colour);
                line.setLineWidth(3);
                line.setShowInLegend(false);
            }
        }
        c.getStyler().setMarkerSize(4);
        Charts.legendOutside(c);
        return c;
    }

    /** The same recordings binned into one frame (T = 1): event counts per channel. */
    public static XYChart countFrames(EventPatterns task, SplittableRandom rng, int... labels) {
        XYChart c = Charts.line("The same kind of recordings at T = 1: event counts per channel", "channel",
                "events in the recording");
        double[] channel = grid(0, task.channels() - 1, task.channels());
        for (int label : labels) {
            float[] frame = task.bin(task.recording(label, rng), 1);
            double[] y = new double[frame.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = frame[i];
            }
            Charts.addLine(c, "class " + label, channel, y);
        }
        Charts.legendOutside(c);
        return c;
    }

    /** {@code n} evenly spaced points from {@code from} to {@code to}. */
    private static double[] grid(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
        }
        return x;
    }
}
