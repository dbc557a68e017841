package org.reprolab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.reprolab.math.SignificantDigits;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts in one house style, rendered to PNG (never JavaScript), so they show offline and headless.
 * Before a chart is drawn ({@link #png}), {@link #finish} makes its axes and legend readable whatever the data:
 * log axes span whole decades in one number format (an axis of more than {@value #MAX_LABELS} decades is drawn as
 * log10 values, its title marked "(log10)", since XChart labels every decade),
 * linear axes use the same compact numbers as the tables, a title too wide for the chart is set smaller, a legend
 * sits below the plot where it cannot cover data (and goes when there is one series), long category labels turn,
 * and bars on a log axis grow from the axis' lower end.
 */
public final class Charts {

    /** Default width in pixels. */
    public static final int WIDTH = 640;
    /** Default height in pixels. */
    public static final int HEIGHT = 420;
    /** At most this many labels on an axis. */
    public static final int MAX_LABELS = 10;

    private Charts() {}

    /** A line chart with linear axes. */
    public static XYChart line(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setMarkerSize(5);
        return c;
    }

    /** A line chart with a logarithmic y axis. */
    public static XYChart logY(String title, String xTitle, String yTitle) {
        XYChart c = line(title, xTitle, yTitle);
        c.getStyler().setYAxisLogarithmic(true);
        return c;
    }

    /** A line chart with both axes logarithmic. */
    public static XYChart logLog(String title, String xTitle, String yTitle) {
        XYChart c = logY(title, xTitle, yTitle);
        c.getStyler().setXAxisLogarithmic(true);
        return c;
    }

    /** A bar chart. */
    public static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        return c;
    }

    /** Adds a series drawn as a line without markers. */
    public static void addLine(XYChart chart, String name, double[] x, double[] y) {
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }

    /** Adds a series to a log-scale chart, leaving out points with y ≤ 0 (log axes cannot show them). */
    public static void addPositive(XYChart chart, String name, double[] x, double[] y) {
        int k = 0;
        for (double v : y) {
            if (v > 0) {
                k++;
            }
        }
        double[] px = new double[k];
        double[] py = new double[k];
        k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                px[k] = x[i];
                py[k++] = y[i];
            }
        }
        if (k > 0) {
            chart.addSeries(name, px, py);
        }
    }

    /**
     * Loss curves on a log y axis, one per model, against the step 1, 2, ... (points with loss ≤ 0 left out), the
     * legend below the plot.
     */
    public static XYChart lossCurves(String title, String xTitle, Map<String, double[]> loss) {
        XYChart c = logY(title, xTitle, "loss");
        loss.forEach((name, y) -> {
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            addPositive(c, name, x, y);
        });
        legendOutside(c);
        return c;
    }

    /** Moves the legend below the plot, where it cannot cover data (charts whose lines fill the whole area). */
    public static void legendOutside(Chart<?, ?> chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    /** PNG bytes of {@code chart}, {@linkplain #finish finished} first. */
    public static byte[] png(Chart<?, ?> chart) {
        finish(chart);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PNG of {@code chart}, base64-encoded (for data URIs and Jupyter's image/png). */
    public static String pngBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(png(chart));
    }

    /**
     * Applies the house rules that depend on the data (see the class comment); idempotent, and a no-op for chart
     * kinds other than XY and category charts. {@link #png} calls it.
     */
    public static void finish(Chart<?, ?> chart) {
        fitTitle(chart);
        if (chart instanceof XYChart xy) {
            finishXy(xy);
        } else if (chart instanceof CategoryChart bars) {
            finishBars(bars);
        }
    }

    private static void finishXy(XYChart c) {
        XYStyler s = c.getStyler();
        if (s.isXAxisLogarithmic() && decades(range(c, true)) > MAX_LABELS) {
            toLog10(c, true);
        }
        if (s.isYAxisLogarithmic() && decades(range(c, false)) > MAX_LABELS) {
            toLog10(c, false);
        }
        if (s.isXAxisLogarithmic()) {
            logAxis(range(c, true), s.getXAxisMin(), s.getXAxisMax(), s::setXAxisMin, s::setXAxisMax,
                    s::setXAxisDecimalPattern);
        } else if (s.getxAxisTickLabelsFormattingFunction() == null && s.getXAxisDecimalPattern() == null) {
            s.setxAxisTickLabelsFormattingFunction(SignificantDigits::format);
        }
        if (s.isYAxisLogarithmic()) {
            logAxis(range(c, false), s.getYAxisMin(), s.getYAxisMax(), s::setYAxisMin, s::setYAxisMax,
                    s::setYAxisDecimalPattern);
        } else if (s.getyAxisTickLabelsFormattingFunction() == null && s.getYAxisDecimalPattern() == null) {
            s.setyAxisTickLabelsFormattingFunction(SignificantDigits::format);
        }
        legend(c, c.getSeriesMap().size());
    }

    /** Decades a positive [min, max] spans on a log axis, rounded out. */
    private static int decades(double[] range) {
        return Double.isNaN(range[0]) ? 0
                : (int) Math.ceil(Math.log10(range[1]) - 1e-9) - (int) Math.floor(Math.log10(range[0]) + 1e-9);
    }

    /**
     * Re-plots an axis that spans more decades than fit as labels on a linear axis of log10 values, its title
     * marked "(log10)": XChart labels every decade of a log axis and cannot skip any, and a labelling callback
     * makes it place ticks only at the data's ends. Bounds the author set are carried over as log10 too.
     */
    private static void toLog10(XYChart c, boolean xAxis) {
        for (XYSeries series : List.copyOf(c.getSeriesMap().values())) {
            double[] v = (xAxis ? series.getXData() : series.getYData()).clone();
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] > 0 ? Math.log10(v[i]) : Double.NaN;
            }
            c.updateXYSeries(series.getName(), xAxis ? v : series.getXData(), xAxis ? series.getYData() : v, null);
        }
        XYStyler s = c.getStyler();
        java.util.function.UnaryOperator<Double> log10 = b -> b == null || b <= 0 ? null : Math.log10(b);
        if (xAxis) {
            s.setXAxisLogarithmic(false);
            s.setXAxisMin(log10.apply(s.getXAxisMin()));
            s.setXAxisMax(log10.apply(s.getXAxisMax()));
            s.setXAxisDecimalPattern("0.#");
            c.setXAxisTitle(c.getXAxisTitle() + " (log10)");
        } else {
            s.setYAxisLogarithmic(false);
            s.setYAxisMin(log10.apply(s.getYAxisMin()));
            s.setYAxisMax(log10.apply(s.getYAxisMax()));
            s.setYAxisDecimalPattern("0.#");
            c.setYAxisTitle(c.getYAxisTitle() + " (log10)");
        }
    }

    private static void finishBars(CategoryChart c) {
        CategoryStyler s = c.getStyler();
        if (s.isYAxisLogarithmic()) {
            double[] y = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            c.getSeriesMap().values().forEach(series -> series.getYData().forEach(v -> {
                double d = v.doubleValue();
                if (d > 0) {
                    y[0] = Math.min(y[0], d);
                    y[1] = Math.max(y[1], d);
                }
            }));
            // Bars grow from the axis' lower end, the decade at or below the smallest bar: a longer bar is larger.
            if (s.getYAxisMin() == null && y[0] <= y[1]) {
                s.setYAxisMin(Math.pow(10, Math.floor(Math.log10(y[0]) + 1e-9)));
            }
            logAxis(y, s.getYAxisMin(), s.getYAxisMax(), s::setYAxisMin, s::setYAxisMax, s::setYAxisDecimalPattern);
        } else if (s.getyAxisTickLabelsFormattingFunction() == null && s.getYAxisDecimalPattern() == null) {
            s.setyAxisTickLabelsFormattingFunction(SignificantDigits::format);
        }
        int labels = 0;
        int longest = 0;
        for (CategorySeries series : c.getSeriesMap().values()) {
            labels = Math.max(labels, series.getXData().size());
            for (Object o : series.getXData()) {
                longest = Math.max(longest, String.valueOf(o).length());
            }
        }
        // About 7 px a character: turn the labels when they would not fit side by side.
        if (labels * (longest * 7 + 10) > c.getWidth() - 100) {
            s.setXAxisLabelRotation(45);
        }
        legend(c, c.getSeriesMap().size());
    }

    private static void legend(Chart<?, ?> c, int series) {
        if (series <= 1) {
            c.getStyler().setLegendVisible(false);
        } else if (c.getStyler().getLegendPosition() == Styler.LegendPosition.InsideNE) {
            legendOutside(c); // the default corner covers rising curves; an author's explicit choice stays
        }
    }

    private static void fitTitle(Chart<?, ?> c) {
        String title = c.getTitle();
        if (title == null || title.isEmpty()) {
            return;
        }
        Font f = c.getStyler().getChartTitleFont();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        // XChart centres the title over the plot, which the y axis narrows: keep it well inside the chart.
        while (f.getSize() > 9 && f.getStringBounds(title, frc).getWidth() > c.getWidth() - 150) {
            f = f.deriveFont((float) f.getSize() - 1);
        }
        c.getStyler().setChartTitleFont(f);
    }

    /** [min, max] of the series' x (or y) values, positive values only for a log axis' sake; NaN when none. */
    private static double[] range(XYChart c, boolean xAxis) {
        boolean log = xAxis ? c.getStyler().isXAxisLogarithmic() : c.getStyler().isYAxisLogarithmic();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : c.getSeriesMap().values()) {
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }

    /**
     * A log axis over whole decades, so it always has at least two labels, all in one format: plain numbers
     * when every label lies in [0.001, 1000], {@code 1E-n} otherwise. Bounds the author set stay.
     */
    private static void logAxis(double[] range, Double min, Double max, java.util.function.Consumer<Double> setMin,
            java.util.function.Consumer<Double> setMax, java.util.function.Consumer<String> setPattern) {
        if (Double.isNaN(range[0])) {
            return;
        }
        double a = Math.log10(min != null ? min : range[0]);
        double b = Math.log10(max != null ? max : range[1]);
        int lo = (int) Math.floor(a + 1e-9);
        int hi = (int) Math.ceil(b - 1e-9);
        // XChart labels decades only: widen the axis to the nearest decades until two labels show.
        int inside = (int) Math.floor(b + 1e-9) - (int) Math.ceil(a - 1e-9) + 1;
        boolean widenLow = inside < 2 && min == null && (inside == 0 || a - lo <= hi - b || max != null);
        boolean widenHigh = inside < 2 && max == null && (inside == 0 || !widenLow);
        if (widenLow) {
            setMin.accept(Math.pow(10, lo));
        }
        if (widenHigh) {
            setMax.accept(Math.pow(10, hi == lo ? hi + 1 : hi));
        }
        setPattern.accept(lo >= -3 && hi <= 3 ? "0.###" : "0E0");
    }

    private static void style(Styler s) {
        if (s instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            // Pixels between tick labels: at most about ten labels along a default-sized axis.
            axes.setXAxisTickMarkSpacingHint(WIDTH / MAX_LABELS + 10);
            axes.setYAxisTickMarkSpacingHint(HEIGHT / MAX_LABELS + 10);
        }
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(0xDDDDDD));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAntiAlias(true);
        s.setPlotBorderVisible(false);
    }
}
