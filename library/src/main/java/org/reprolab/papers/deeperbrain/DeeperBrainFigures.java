package org.reprolab.papers.deeperbrain;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;

/** DeeperBrain's figures, built the same way by the reproduction and the notebook. */
public final class DeeperBrainFigures {

    private DeeperBrainFigures() {}

    /** The channels of one window, stacked with an offset of {@code spacing} per channel, against time in s. */
    public static XYChart traces(float[] window, double spacing, String title) {
        XYChart c = Charts.line(title, "time (s)", "channel (stacked)");
        double[] t = new double[SyntheticEeg.SAMPLES];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / SyntheticEeg.RATE;
        }
        for (int ch = SyntheticEeg.CHANNELS - 1; ch >= 0; ch--) {
            double[] y = SyntheticEeg.channel(window, ch);
            for (int i = 0; i < y.length; i++) {
                y[i] += spacing * ch;
            }
            Charts.addLine(c, "channel " + (ch + 1), t, y);
        }
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /** Relative band power of each channel of one window: one bar group per band, one bar per channel. */
    public static CategoryChart bandPowers(float[] window, String title) {
        CategoryChart c = Charts.bars(title, "band", "relative power");
        for (int ch = 0; ch < SyntheticEeg.CHANNELS; ch++) {
            double[] r = NeuroStatistics.relativeBandPower(SyntheticEeg.channel(window, ch));
            c.addSeries("ch " + (ch + 1), SyntheticEeg.BAND_NAMES, java.util.Arrays.stream(r).boxed().toList());
        }
        Charts.legendOutside(c);
        return c;
    }

    /** Probe accuracy per task (bars) for each encoder, with the chance level of each task as its own series. */
    public static CategoryChart probeAccuracy(List<String> tasks, Map<String, List<Double>> accuracy) {
        CategoryChart c = Charts.bars("Frozen linear probe: test accuracy (mean over seeds)", "task",
                "accuracy");
        accuracy.forEach((encoder, a) -> c.addSeries(encoder, tasks, a));
        Charts.legendOutside(c);
        return c;
    }

    /** Pretraining loss per step (first seed) for each objective. */
    public static XYChart pretrainingLoss(Map<String, double[]> loss) {
        return Charts.lossCurves("Pretraining loss (first seed)", "optimizer step", loss);
    }
}
