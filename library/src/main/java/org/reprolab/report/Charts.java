package org.reprolab.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart charts in one house style, rendered to PNG (never JavaScript), so they show offline and headless. */
public final class Charts {

    /** Default width in pixels. */
    public static final int WIDTH = 640;
    /** Default height in pixels. */
    public static final int HEIGHT = 420;

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

    /** Moves the legend below the plot, where it cannot cover data (charts whose lines fill the whole area). */
    public static void legendOutside(Chart<?, ?> chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    /** PNG bytes of {@code chart}. */
    public static byte[] png(Chart<?, ?> chart) {
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

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(0xDDDDDD));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAntiAlias(true);
        s.setPlotBorderVisible(false);
    }
}
