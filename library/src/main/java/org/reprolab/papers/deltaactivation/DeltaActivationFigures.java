package org.reprolab.papers.deltaactivation;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reprolab.report.Charts;

/** The paper's figures, drawn the same way by the reproduction and the notebook. */
public final class DeltaActivationFigures {

    private DeltaActivationFigures() {}

    /** The T frames of one clip side by side, grey levels clipped to [0, 1], each pixel drawn {@code scale} times. */
    public static BufferedImage clipPicture(float[] clip, int side, int frames, int scale) {
        int gap = 2;
        BufferedImage img = new BufferedImage(frames * (side + gap) * scale, side * scale, BufferedImage.TYPE_INT_RGB);
        for (int t = 0; t < frames; t++) {
            for (int r = 0; r < side * scale; r++) {
                for (int c = 0; c < side * scale; c++) {
                    float v = clip[t * side * side + (r / scale) * side + c / scale];
                    int g = Math.round(255 * Math.max(0, Math.min(1, v)));
                    img.setRGB(t * (side + gap) * scale + c, r, (g << 16) | (g << 8) | g);
                }
            }
        }
        return img;
    }

    /** The fraction of non-zero deltas per hidden layer, one bar group per model. */
    public static CategoryChart densityBars(String title, Map<String, double[]> densityByModel) {
        CategoryChart c = Charts.bars(title, "hidden layer", "non-zero deltas (fraction, frames 2 … T)");
        densityByModel.forEach((name, d) -> {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int l = 0; l < d.length; l++) {
                x.add("layer " + (l + 1));
                y.add(d[l]);
            }
            c.addSeries(name, x, y);
        });
        Charts.legendOutside(c);
        return c;
    }

    /** Mean per-frame accuracy against mean delta density, one point per model and seed. */
    public static XYChart accuracyVsDensity(String title, Map<String, double[][]> byModel) {
        XYChart c = Charts.line(title, "non-zero deltas (fraction, mean over hidden layers)",
                "per-frame test accuracy");
        byModel.forEach((name, pts) -> c.addSeries(name, pts[0], pts[1])
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter));
        Charts.legendOutside(c);
        return c;
    }
}
