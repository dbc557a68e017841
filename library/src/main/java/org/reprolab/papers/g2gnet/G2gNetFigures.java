package org.reprolab.papers.g2gnet;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reprolab.report.Charts;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/** G2GNet's figures, built the same way by the reproduction and the notebook. */
public final class G2gNetFigures {

    private static final Color ACTIVE = new Color(0x1f4e79);

    private G2gNetFigures() {}

    /**
     * A small mask drawn weight by weight: a square of {@code pixels} per weight, dark where the edge exists,
     * with the ensemble boundaries of {@code ensembles} groups in grey.
     */
    public static BufferedImage maskPicture(float[] mask, int out, int in, int ensembles, int pixels) {
        BufferedImage picture = new BufferedImage(in * pixels, out * pixels, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        for (int j = 0; j < out; j++) {
            for (int i = 0; i < in; i++) {
                g.setColor(mask[j * in + i] != 0 ? ACTIVE : Color.WHITE);
                g.fillRect(i * pixels, j * pixels, pixels, pixels);
            }
        }
        g.setColor(Color.GRAY);
        for (int e = 1; e < ensembles; e++) {
            g.drawLine(e * in / ensembles * pixels, 0, e * in / ensembles * pixels, out * pixels);
            g.drawLine(0, e * out / ensembles * pixels, in * pixels, e * out / ensembles * pixels);
        }
        g.dispose();
        return picture;
    }

    /** Active weights, parameters and sparsity of initialised layers side by side, named by the map's keys. */
    public static Table layerCounts(String title, Map<String, MaskedLinear> layers) {
        record Row(String mask, long activeWeights, @Column("parameters (with bias)") long parameters, double sparsity,
                double vsDense) { }
        List<Row> rows = new ArrayList<>();
        layers.forEach((name, l) -> rows.add(new Row(name, l.activeWeights(),
                l.activeWeights() + (l.hasBias() ? l.units() : 0), l.sparsity(),
                (double) l.activeWeights() / ((long) l.units() * l.inputs()))));
        return Tables.of(title, rows);
    }

    /** A layer's mask averaged over 8×8 blocks, so that a 512×784 mask stays legible. */
    public static HeatMapChart maskHeatmap(MaskedLinear layer, String title) {
        float[] m = layer.mask().toFloatArray();
        int in = layer.inputs();
        int b = 8;
        int rows = layer.units() / b;
        int cols = in / b;
        int[][] z = new int[cols][rows]; // percent of active edges per block
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int sum = 0;
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        sum += (int) m[(r * b + i) * in + c * b + j];
                    }
                }
                z[c][rows - 1 - r] = Math.round(100f * sum / (b * b));
            }
        }
        int[] xs = new int[cols];
        int[] ys = new int[rows];
        for (int c = 0; c < cols; c++) {
            xs[c] = c * b;
        }
        for (int r = 0; r < rows; r++) {
            ys[r] = (rows - 1 - r) * b;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(480).title(title)
                .xAxisTitle("input unit").yAxisTitle("output unit").build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, ACTIVE});
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("mask", xs, ys, z);
        return chart;
    }

    /** DST's prune fraction ζ_t over {@code steps} optimizer steps, with the steps at which layers are rewired. */
    public static XYChart pruneSchedule(DynamicSparseTraining dst, int steps, int every) {
        double[] t = new double[steps + 1];
        double[] zeta = new double[steps + 1];
        List<Double> at = new ArrayList<>();
        List<Double> atZeta = new ArrayList<>();
        for (int s = 0; s <= steps; s++) {
            t[s] = s;
            zeta[s] = dst.pruneFraction(s);
            if (s > 0 && s % every == 0 && zeta[s] > 0) {                          // when afterStep rewires
                at.add((double) s);
                atZeta.add(zeta[s]);
            }
        }
        XYChart c = Charts.line("DST prune fraction ζ_t: " + at.size() + " rewirings", "optimizer step t", "ζ_t");
        Charts.addLine(c, "ζ_t", t, zeta);
        c.addSeries("rewirings (every " + every + " steps)", at, atZeta)
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return c;
    }

    /** Test accuracy after each epoch, one line per model (mean over seeds). */
    public static XYChart accuracyCurves(Map<String, double[]> meanByEpoch) {
        XYChart c = Charts.line("Test accuracy after each epoch (mean over seeds)", "epoch", "test accuracy");
        meanByEpoch.forEach((model, y) -> {
            double[] x = new double[y.length];
            for (int e = 0; e < y.length; e++) {
                x[e] = e + 1;
            }
            c.addSeries(model, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }

    /** Mean test accuracy per model, labelled with each model's multiplies as a share of dense's. */
    public static CategoryChart accuracyBars(List<String> labels, List<Double> meanAccuracy) {
        CategoryChart c = Charts.bars("Test accuracy; % = multiplies vs dense", "model",
                "test accuracy (mean over seeds)");
        c.addSeries("accuracy", labels, meanAccuracy);
        c.getStyler().setLegendVisible(false);
        double lo = meanAccuracy.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        c.getStyler().setYAxisMin(Math.floor(lo * 50 - 1) / 50);
        c.getStyler().setYAxisDecimalPattern("0.00");
        return c;
    }

    /** Share of hidden-1 edges still inside the initial G2G blocks after each rewiring, one line per DST model. */
    public static XYChart rewiring(Map<String, List<DynamicSparseTraining.Update>> historyByModel) {
        XYChart c = Charts.line("DST: hidden-1 edges inside the initial G2G blocks", "optimizer step", "share inside");
        historyByModel.forEach((model, history) -> {
            List<Double> x = new ArrayList<>(List.of(0.0));
            List<Double> y = new ArrayList<>(List.of(1.0));
            for (DynamicSparseTraining.Update u : history) {
                if (u.layer() == 0) {
                    x.add((double) u.step());
                    y.add(u.insideInitialBlocks());
                }
            }
            c.addSeries(model, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }
}
