package org.reprolab.papers.widedeep;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.reprolab.math.Stats;
import org.reprolab.report.Charts;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/** The figures and tables of the wide-and-deep reproduction, built the same way by its steps and its notebook. */
public final class WideDeepFigures {

    private WideDeepFigures() {}

    /** A named line of (x, y) points. */
    public record Curve(String name, double[] x, double[] y) { }

    /** A depth as a label: 10⁶ for a million, else the digits. */
    public static String depthLabel(int depth) {
        return depth == 1_000_000 ? "10⁶" : Integer.toString(depth);
    }

    /**
     * The depth-L NTK across all correlations, K_L(ρ)/K_L(1) for ρ ∈ [−1, 1], one line per depth: how depth
     * flattens the kernel away from ρ = 1 (its sign kept, e.g. ReLU's shallow kernel is negative for some ρ < 0).
     */
    public static XYChart flattening(String title, DualActivation dual, int... depths) {
        int points = 201;
        double[] rho = new double[points];
        for (int i = 0; i < points; i++) {
            rho[i] = -1 + 2.0 * i / (points - 1);
        }
        XYChart c = Charts.line(title, "ρ = x·z", "K_L(ρ) / K_L(1)");
        for (int depth : depths) {
            double diagonal = DeepKernel.ntk(dual, depth, 1).log();
            double[] k = new double[points];
            for (int i = 0; i < points; i++) {
                SignedLog v = DeepKernel.ntk(dual, depth, rho[i]);
                k[i] = v.sign() * Math.exp(v.log() - diagonal);
            }
            Charts.addLine(c, "L = " + depthLabel(depth), rho, k);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setXAxisDecimalPattern("0.00");
        return c;
    }

    /**
     * The deep NTK near the diagonal on log-log axes, K_L(1 − ε)/K_L(0.5) against ε = 1 − ρ from 1e-8 to 0.5, one
     * line per depth, with the singular kernel \((2\varepsilon)^{-\alpha/2} = \|x - z\|^{-\alpha}\) dashed (also
     * normalised at ρ = 0.5).
     */
    public static XYChart nearDiagonal(String title, DualActivation dual, double alpha, int... depths) {
        int points = 41;
        double[] eps = new double[points];
        for (int i = 0; i < points; i++) {
            eps[i] = Math.pow(10, -8 + i * (Math.log10(0.5) + 8) / (points - 1));
        }
        XYChart c = Charts.logLog(title, "1 − ρ", "K_L(ρ) / K_L(0.5)");
        for (int depth : depths) {
            DeepKernel k = DeepKernel.builder().setDual(dual).setDepth(depth).build();
            double ref = k.at(0.5).log();
            double[] y = new double[points];
            for (int i = 0; i < points; i++) {
                y[i] = Math.exp(k.at(1 - eps[i]).log() - ref);
            }
            Charts.addLine(c, "L = " + depthLabel(depth), eps, y);
        }
        double[] singular = new double[points];
        for (int i = 0; i < points; i++) {
            singular[i] = Math.pow(2 * eps[i], -alpha / 2) / Math.pow(2 * 0.5, -alpha / 2);
        }
        String name = "‖x − z‖^−" + org.reprolab.math.SignificantDigits.format(alpha);
        Charts.addLine(c, name, eps, singular);
        c.getSeriesMap().get(name).setLineColor(Color.BLACK).setLineStyle(SeriesLines.DASH_DASH);
        Charts.legendOutside(c);
        return c;
    }

    /** Agreement of a network's classifier with its regime's classical classifier, against depth (log x). */
    public static XYChart agreementVsDepth(String title, List<Curve> curves) {
        XYChart c = Charts.line(title, "depth L", "agreement on held-out points");
        c.getStyler().setXAxisLogarithmic(true);
        for (Curve k : curves) {
            c.addSeries(k.name(), k.x(), k.y());
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);      // the curves rise to the top right
        c.getStyler().setYAxisMax(1.0);
        return c;
    }

    /**
     * Mean test accuracy over seeds against the number of training points, one line per classifier;
     * {@code accuracy.get(name)[i][seed]} is the accuracy at {@code sizes[i]}.
     */
    public static CategoryChart accuracyVsN(String title, int[] sizes, Map<String, double[][]> accuracy) {
        CategoryChart c = Charts.bars(title, "training points n", "accuracy (mean over seeds)");
        c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        c.getStyler().setOverlapped(true);                                     // one x position per n for all lines
        List<String> x = Arrays.stream(sizes).mapToObj(Integer::toString).toList();
        accuracy.forEach((name, a) -> c.addSeries(name, x, Arrays.stream(a).mapToDouble(Stats::mean).boxed()
                .toList()));
        Charts.legendOutside(c);
        return c;
    }

    /** The mean accuracies of {@link #accuracyVsN} as a table: one row per n, one column per classifier. */
    public static Table accuracyTable(String title, int[] sizes, Map<String, double[][]> accuracy) {
        double[][] means = new double[sizes.length][accuracy.size()];
        int k = 0;
        for (double[][] a : accuracy.values()) {
            for (int i = 0; i < sizes.length; i++) {
                means[i][k] = Stats.mean(a[i]);
            }
            k++;
        }
        return Tables.matrix(title, "n", Arrays.stream(sizes).mapToObj(n -> "n = " + n).toList(),
                new ArrayList<>(accuracy.keySet()), means);
    }

    /** A sample of the two Dirichlet classes on the simplex, drawn as a triangle (corner s₃ = 1 at the top). */
    public static XYChart simplex(String title, DirichletSphere.Sample sample) {
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<Double> mx = new ArrayList<>();
        List<Double> my = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            double[] s = sample.simplex()[i];
            (sample.y()[i] > 0 ? px : mx).add(s[1] + s[2] / 2);               // barycentric → plane
            (sample.y()[i] > 0 ? py : my).add(s[2] * Math.sqrt(3) / 2);
        }
        XYChart c = Charts.line(title, "", "");
        Charts.addLine(c, "simplex", new double[] {0, 1, 0.5, 0}, new double[] {0, 0, Math.sqrt(3) / 2, 0});
        c.getSeriesMap().get("simplex").setLineColor(Color.GRAY);
        c.addSeries("class +1", px, py).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.addSeries("class −1", mx, my).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return c;
    }

    /**
     * One dual's singular exponent, from the closed form and fitted to its deep kernels near the diagonal
     * ({@link DeepKernel#fittedExponent} over 1 − ρ ∈ [1e-4, 1e-2]).
     *
     * @param activation the dual's name
     * @param slope0 ξ′(0)
     * @param slope1 ξ′(1)
     * @param alpha the closed form α = 2 ln(1/ξ′(0))/ln ξ′(1)
     * @param ntk α̂ of the NTK at L = 10⁶
     * @param nngp α̂ of the NNGP kernel at L = 200
     * @param shallow α̂ of the NTK at L = 100
     */
    public record Exponent(String activation, @Column("ξ′(0)") double slope0, @Column("ξ′(1)") double slope1,
            @Column("α = 2ln(1/ξ′(0))/ln ξ′(1)") double alpha, @Column("α̂ NTK L=10⁶") double ntk,
            @Column("α̂ NNGP L=200") double nngp, @Column("α̂ NTK L=100") double shallow) {

        /** The exponents of {@code dual}, named {@code name}. */
        public static Exponent of(String name, DualActivation dual) {
            return new Exponent(name, dual.slopeAtZero(), dual.slopeAtOne(), dual.singularExponent(),
                    fitted(dual, 1_000_000, DeepKernel.Kind.NTK), fitted(dual, 200, DeepKernel.Kind.NNGP),
                    fitted(dual, 100, DeepKernel.Kind.NTK));
        }

        /** |α̂/α − 1| of the NTK at L = 10⁶. */
        public double relativeDeviation() {
            return Math.abs(ntk / alpha - 1);
        }

        private static double fitted(DualActivation dual, int depth, DeepKernel.Kind kind) {
            return DeepKernel.of(dual, depth, kind).fittedExponent(1e-4, 1e-2, 21);
        }
    }

    /** The duals' values that decide their deep network's classifier: ξ(0), ξ′(0), ξ′(1), the regime and α. */
    public static Table duals(String title, List<DualActivation> duals) {
        record Row(@Column("dual ξ(ρ)") String dual, @Column("ξ(0)") double xi0, @Column("ξ′(0)") double slope0,
                @Column("ξ′(1)") double slope1, String regime, @Column("α") double alpha) { }
        List<Row> rows = new ArrayList<>();
        for (DualActivation d : duals) {
            rows.add(new Row(d.name(), d.xi(0), d.slopeAtZero(), d.slopeAtOne(), d.regime().toString(),
                    d.singularExponent()));
        }
        return Tables.of(title, rows);
    }
}
