package org.reprolab.papers.syncredundancy;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprolab.report.Charts;

/** The spread-against-coupling figure, drawn the same way by the reproduction and the notebook. */
public final class SyncFigures {

    private SyncFigures() {}

    /**
     * Simulated spread (markers) and closed form (lines) against the coupling k on log-log axes, one pair per
     * topology; k = 0 cannot sit on a log axis and is left to the table.
     */
    public static XYChart spreadAgainstCoupling(String title, double[] couplings, Map<String, double[]> simulated,
            Map<String, double[]> closedForm) {
        XYChart c = Charts.logLog(title, "coupling k", "spread Σ‖x_i − x̄‖²");
        closedForm.forEach((name, y) -> Charts.addPositive(c, name + ", closed form", couplings, y));
        simulated.forEach((name, y) -> {
            Charts.addPositive(c, name + ", simulated", couplings, y);
            XYSeries s = c.getSeriesMap().get(name + ", simulated");
            if (s != null) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        });
        Charts.legendOutside(c);
        return c;
    }
}
