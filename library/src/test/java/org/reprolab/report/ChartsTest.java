package org.reprolab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

class ChartsTest {

    @Test
    void aLogAxisWithinOneDecadeWidensToTheNearestDecadesSoTwoLabelsShow() {
        XYChart c = Charts.logLog("t", "G", "RMSE");
        c.addSeries("rmse", new double[] {3, 5, 10, 20}, new double[] {0.05, 0.02, 0.006, 0.002});
        Charts.finish(c);
        assertEquals(1.0, c.getStyler().getXAxisMin(), 0, "3..20 holds only the decade 10: widen down to 1");
        assertEquals(null, c.getStyler().getXAxisMax());
        assertEquals("0.###", c.getStyler().getYAxisDecimalPattern(), "0.002..0.05: plain numbers");
        assertTrue(Charts.png(c).length > 0);
    }

    @Test
    void aLogAxisOfManyDecadesIsDrawnAsLog10ValuesWithOneLabelFormat() {
        XYChart c = Charts.logY("t", "layer", "variance");
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = i;
            y[i] = Math.pow(10, -0.4 * i);
        }
        c.addSeries("v", x, y);
        Charts.finish(c);
        assertFalse(c.getStyler().isYAxisLogarithmic());
        assertEquals(-10, c.getSeriesMap().get("v").getYData()[25], 1e-12);
        assertEquals("variance (log10)", c.getYAxisTitle());
        assertEquals("0.#", c.getStyler().getYAxisDecimalPattern());
        Charts.finish(c);
        assertEquals("variance (log10)", c.getYAxisTitle(), "finishing twice changes nothing");
    }

    @Test
    void boundsTheAuthorSetOnAManyDecadeAxisAreCarriedOverAsLog10() {
        XYChart c = Charts.logY("t", "θ", "p");
        c.addSeries("p", new double[] {1, 2, 3}, new double[] {1e-2, 1e-20, 1e-40});
        c.getStyler().setYAxisMin(1e-30);
        c.getStyler().setYAxisMax(1.0);
        Charts.finish(c);
        assertEquals(-30, c.getStyler().getYAxisMin(), 1e-12);
        assertEquals(0, c.getStyler().getYAxisMax(), 1e-12);
    }

    @Test
    void barsOnALogAxisGrowFromTheDecadeBelowTheSmallestAndLongLabelsTurn() {
        CategoryChart c = Charts.bars("t", "space", "RMSE");
        c.getStyler().setYAxisLogarithmic(true);
        c.addSeries("rmse", List.of("B-spline", "Chebyshev", "Fourier", "Gaussian RBF", "S-KAN", "MLP"),
                List.of(0.003, 0.006, 0.02, 0.01, 0.004, 0.18));
        Charts.finish(c);
        assertEquals(0.001, c.getStyler().getYAxisMin(), 1e-15);
        assertEquals(45, c.getStyler().getXAxisLabelRotation());
        assertTrue(Charts.png(c).length > 0);
    }

    @Test
    void aLegendLeavesThePlotAndGoesForOneSeriesAndATooWideTitleShrinks() {
        XYChart two = Charts.line("t", "x", "y");
        two.addSeries("a", new double[] {0, 1}, new double[] {0, 1});
        two.addSeries("b", new double[] {0, 1}, new double[] {1, 0});
        Charts.finish(two);
        assertEquals(Styler.LegendPosition.OutsideS, two.getStyler().getLegendPosition());
        XYChart one = Charts.line("a title far too long to fit across a chart of six hundred and forty pixels at 14 "
                + "points", "x", "y");
        one.addSeries("a", new double[] {0, 1}, new double[] {0, 1});
        Charts.finish(one);
        assertFalse(one.getStyler().isLegendVisible());
        assertTrue(one.getStyler().getChartTitleFont().getSize() < 14);
    }
}
