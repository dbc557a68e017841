package org.reprolab.report;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Small images (receptive fields, dictionary atoms, feature visualisations) tiled into one grey-level chart,
 * each scaled to its own range, with a one-pixel mid-grey gap between tiles.
 */
public final class ImageGrid {

    /** Grey level of the gaps and of a tile's zero when it is {@linkplain #tiles signed}. */
    static final int MID = 128;

    private ImageGrid() {}

    /**
     * Grey levels 0..255 of the mosaic, {@code [row][column]} from the top: tile {@code i} of {@code images}
     * (each {@code height × width}, row by row) goes to row {@code i / columns}, column {@code i % columns}.
     * With {@code signed}, each tile maps 0 to mid-grey and its largest |value| to black or white (for
     * receptive fields); otherwise its minimum to black and its maximum to white (for pictures).
     */
    public static int[][] tiles(List<double[]> images, int height, int width, int columns, boolean signed) {
        int rows = (images.size() + columns - 1) / columns;
        int[][] g = new int[rows * (height + 1) + 1][columns * (width + 1) + 1];
        for (int[] row : g) {
            java.util.Arrays.fill(row, MID);
        }
        for (int i = 0; i < images.size(); i++) {
            double[] im = images.get(i);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : im) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double amp = Math.max(Math.abs(lo), Math.abs(hi));
            int top = 1 + (i / columns) * (height + 1);
            int left = 1 + (i % columns) * (width + 1);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    double v = im[r * width + c];
                    double u = signed ? (amp == 0 ? 0.5 : 0.5 + 0.5 * v / amp) : (hi == lo ? 0.5
                            : (v - lo) / (hi - lo));
                    g[top + r][left + c] = (int) Math.round(255 * u);
                }
            }
        }
        return g;
    }

    /** The mosaic of {@link #tiles} as a chart without axes, titled {@code title}. */
    public static HeatMapChart chart(String title, List<double[]> images, int height, int width, int columns,
            boolean signed) {
        int[][] g = tiles(images, height, width, columns, signed);
        int h = g.length;
        int w = g[0].length;
        int[][] z = new int[w][h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                z[c][h - 1 - r] = g[r][c];
            }
        }
        int[] xs = new int[w];
        int[] ys = new int[h];
        for (int c = 0; c < w; c++) {
            xs[c] = c;
        }
        for (int r = 0; r < h; r++) {
            ys[r] = r;
        }
        int cell = Math.max(3, Math.min(12, Math.min(640 / w, 480 / h)));
        HeatMapChart chart = new HeatMapChartBuilder().width(w * cell + 120).height(h * cell + 110).title(title)
                .build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setRangeColors(new Color[] {Color.BLACK, Color.WHITE});
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(255);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("tiles", xs, ys, z);
        return chart;
    }
}
