package org.reprolab.papers.beyondl1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reprolab.report.Charts;
import org.reprolab.report.ImageGrid;

/** The paper's figures, drawn the same way by the reproduction and the notebook. */
public final class BeyondL1Figures {

    private BeyondL1Figures() {}

    /** The four thresholding operators prox(u) for u in [−3, 3] at step η and weight λ (the paper's Fig. 1). */
    public static XYChart operators(double eta, double lambda) {
        XYChart c = Charts.line(String.format("Thresholding operators at η = %.2f, λ = %.2f", eta, lambda),
                "input u", "prox(u)");
        int n = 601;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = -3 + 6.0 * i / (n - 1);
        }
        for (Thresholding op : Thresholding.values()) {
            double[] v = Arrays.stream(u).map(x -> op.prox(x, eta, lambda)).toArray();
            Charts.addLine(c, op.label(), u, v);
        }
        Charts.addLine(c, "identity", u, u);
        Charts.legendOutside(c);
        return c;
    }

    /**
     * Relative reconstruction error against the mean number of active units, one curve per operator (each point a
     * λ), with the target error of the comparison drawn across.
     */
    public static XYChart sparsityError(String title, Map<String, List<SparseCoder.Fit>> curves, double target) {
        XYChart c = Charts.line(title, "mean active units per patch", "relative reconstruction error");
        double maxActive = 0;
        for (Map.Entry<String, List<SparseCoder.Fit>> e : curves.entrySet()) {
            List<SparseCoder.Fit> sorted = new ArrayList<>(e.getValue());
            sorted.sort((p, q) -> Double.compare(p.meanActive(), q.meanActive()));
            double[] x = sorted.stream().mapToDouble(SparseCoder.Fit::meanActive).toArray();
            double[] y = sorted.stream().mapToDouble(SparseCoder.Fit::relativeError).toArray();
            c.addSeries(e.getKey(), x, y);
            maxActive = Math.max(maxActive, x[x.length - 1]);
        }
        c.addSeries("target error", new double[] {0, maxActive}, new double[] {target, target})
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line)
                .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        Charts.legendOutside(c);
        return c;
    }

    /** Square atoms or patches of {@code side × side} pixels as a mosaic, {@code columns} a row, 0 mid-grey. */
    public static HeatMapChart mosaic(String title, double[][] images, int side, int columns) {
        return ImageGrid.chart(title, List.of(images), side, side, columns, true);
    }
}
