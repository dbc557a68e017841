package org.reprolab.papers.sgntk;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprolab.math.SignificantDigits;
import org.reprolab.report.Charts;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/** The SG-NTK paper's figures and small tables, built the same way by the reproduction and the notebook. */
public final class SgNtkFigures {

    private SgNtkFigures() {}

    /** Σ(x, x′), K(x, x) and K(x, x′) of each kernel, with the derivative its update uses. */
    public static Table entries(String title, double[] x, double[] xp, List<SgNtk> kernels) {
        record Row(String activation, String derivativeInTheUpdate, @Column("Σ(x, x′)") double nngp,
                @Column("K(x, x)") double diagonal, @Column("K(x, x′)") double offDiagonal) { }
        List<Row> rows = new ArrayList<>();
        for (SgNtk k : kernels) {
            String update = k.surrogate().name() + (k.surrogate().equals(k.activation().derivative())
                    ? " (true: NTK Θ)" : " (surrogate: SG-NTK I)");
            rows.add(new Row(k.activation().name(), update, k.entry(x, xp).nngp(), k.entry(x, x).kernel(),
                    k.entry(x, xp).kernel()));
        }
        return Tables.of(title, rows);
    }

    /** The empirical kernel of one finite network (row-major, as {@link SurrogateMlp#kernel} gives it) beside I. */
    public static Table finiteVsAnalytic(String title, List<String> entryNames, double[] empirical,
            double[][] analytic) {
        record Row(String entry, @Column("empirical Î") double empirical, @Column("analytic I") double analytic) { }
        List<Row> rows = new ArrayList<>();
        int n = analytic[0].length;
        for (int i = 0; i < empirical.length; i++) {
            rows.add(new Row(entryNames.get(i), empirical[i], analytic[i / n][i % n]));
        }
        return Tables.of(title, rows);
    }

    /**
     * The Gaussian factor of the layer recursion on the diagonal (u = v, variance a): E[φ_m′(u)·φ_m′(u)] of the
     * naive NTK and E[φ_m′(u)·erf_k′(u)] of the SG-NTK for erf_m, and their m → ∞ limits for sign.
     */
    public static Table diagonalFactors(double a, double k, double... ms) {
        record Row(String m, @Column("E[φ_m′(u)·φ_m′(u)] (naive NTK)") double naive,
                @Column("E[φ_m′(u)·erf_k′(u)] (SG-NTK)") double surrogate) { }
        List<Row> rows = new ArrayList<>();
        for (double m : ms) {
            rows.add(new Row(String.format("%.0f", m), GaussianExpectations.erfBumps(m, m, a, a, a),
                    GaussianExpectations.erfBumps(m, k, a, a, a)));
        }
        rows.add(new Row("∞ (sign)", GaussianExpectations.deltaDelta(a, a, a),
                GaussianExpectations.deltaErfBump(k, a, a, a)));
        return Tables.of("Gaussian factors of the layer recursion on the diagonal (a = b = c = "
                + SignificantDigits.format(a) + ", k = " + SignificantDigits.format(k) + ")", rows);
    }

    /** K(x(0), x(α)) along the circle for each kernel, named by the map's keys. */
    public static XYChart slices(String title, Map<String, SgNtk> kernels, boolean withNngp, int points) {
        double[] alpha = CircleInputs.angles(points);
        double[][] x0 = {CircleInputs.point(0)};
        double[][] circle = CircleInputs.circle(points);
        XYChart c = Charts.line(title, "angle α", "K(x₀, x(α))");
        kernels.forEach((name, k) -> Charts.addLine(c, name, alpha, k.kernel(x0, circle)[0]));
        if (withNngp) {
            SgNtk any = kernels.values().iterator().next();
            Charts.addLine(c, "NNGP Σ(x₀, x(α))", alpha, any.nngp(x0, circle)[0]);
        }
        angleAxis(c);
        return c;
    }

    /** A kernel row I(x₀, x(α)) along the circle, analytic and of one finite network per width. */
    public static XYChart slice(String title, double[] analytic, Map<String, double[]> empirical) {
        double[] alpha = CircleInputs.angles(analytic.length);
        XYChart c = Charts.line(title, "angle α", "I(x₀, x(α))");
        Charts.addLine(c, "analytic", alpha, analytic);
        empirical.forEach((name, row) -> Charts.addLine(c, name, alpha, row));
        angleAxis(c);
        return c;
    }

    /** Mean relative error of the empirical kernels against width, per kernel, with a 1/√n guide. */
    public static XYChart errorVsWidth(String title, int[] widths, Map<String, double[]> meanError) {
        double[] w = new double[widths.length];
        double[] guide = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            w[i] = widths[i];
            guide[i] = 0.5 * Math.sqrt(widths[0] / w[i]);
        }
        XYChart c = Charts.logLog(title, "width n", "‖K̂ − K‖_F / ‖K‖_F");
        meanError.forEach((name, e) -> Charts.addPositive(c, name, w, e));
        Charts.addLine(c, "∝ 1/√n", w, guide);
        legendRight(c);
        return c;
    }

    /** Kernel values against m, one line each (log-log), plus optional measured points. */
    public static XYChart naiveVsSg(String title, double[] ms, Map<String, double[]> lines, String pointsName,
            double[] pointMs, double[] points) {
        XYChart c = Charts.logLog(title, "m", "kernel value");
        lines.forEach((name, y) -> Charts.addPositive(c, name, ms, y));
        if (points != null) {
            c.addSeries(pointsName, pointMs, points).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        legendRight(c);
        return c;
    }

    /**
     * Networks trained by SGL against SG-NTK regression along the circle: the target, the kernel prediction with
     * its ±2σ band, each width's ensemble mean, and the training points.
     */
    public static XYChart sgl(String title, double[] testAngles, double[] target, KernelRegression.Prediction gp,
            Map<String, double[]> ensembleMeans, double[] trainAngles, double[] trainTargets) {
        XYChart c = Charts.line(title, "angle α", "f(α)");
        Charts.addLine(c, "target", testAngles, target);
        c.getSeriesMap().get("target").setLineColor(Color.BLACK);
        Charts.addLine(c, "SG-NTK mean", testAngles, gp.mean());
        c.getSeriesMap().get("SG-NTK mean").setLineColor(new Color(0x1f77b4));
        for (int z : new int[] {2, -2}) {
            String name = "mean " + (z > 0 ? "+" : "−") + " 2σ";
            Charts.addLine(c, name, testAngles, gp.band(z));
            c.getSeriesMap().get(name).setLineColor(new Color(0x9ecae1));
            c.getSeriesMap().get(name).setLineStyle(SeriesLines.DASH_DASH);
        }
        ensembleMeans.forEach((name, y) -> Charts.addLine(c, name, testAngles, y));
        XYSeries train = c.addSeries("training points", trainAngles, trainTargets);
        train.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        train.setMarker(SeriesMarkers.CIRCLE);
        angleAxis(c);
        return c;
    }

    private static void angleAxis(XYChart c) {
        c.getStyler().setXAxisDecimalPattern("0.0");
        legendRight(c);
    }

    private static void legendRight(XYChart c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    }
}
