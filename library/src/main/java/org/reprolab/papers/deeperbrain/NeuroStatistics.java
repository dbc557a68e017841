package org.reprolab.papers.deeperbrain;

import org.reprolab.math.Correlation;
import org.reprolab.math.Spectra;

/**
 * DeeperBrain's neurodynamics statistics (NSP targets) of one window: the log power of each channel in each band
 * (δ θ α β), the functional connectivity (Pearson correlation of every channel pair) and each channel's spectral
 * entropy (a complexity measure). The paper also names cross-frequency coupling; we leave it out.
 */
public final class NeuroStatistics {

    private NeuroStatistics() {}

    /** The number of statistics: channels × bands + channel pairs + channels. */
    public static int count() {
        int c = SyntheticEeg.CHANNELS;
        return c * SyntheticEeg.BANDS.length + c * (c - 1) / 2 + c;
    }

    /** The statistics of a channel-major window. */
    public static double[] of(float[] window) {
        int channels = SyntheticEeg.CHANNELS;
        double[] out = new double[count()];
        double[][] signal = new double[channels][];
        int i = 0;
        for (int c = 0; c < channels; c++) {
            signal[c] = SyntheticEeg.channel(window, c);
            double[] p = Spectra.periodogram(signal[c]);
            for (double[] band : SyntheticEeg.BANDS) {
                out[i++] = Math.log(Spectra.bandPower(p, SyntheticEeg.RATE, band[0], band[1]) + 1e-6);
            }
            out[channels * SyntheticEeg.BANDS.length + channels * (channels - 1) / 2 + c] = Spectra
                    .spectralEntropy(p);
        }
        for (int a = 0; a < channels; a++) {
            for (int b = a + 1; b < channels; b++) {
                out[i++] = Correlation.pearson(signal[a], signal[b]);
            }
        }
        return out;
    }

    /** The relative power of each band (band power over the total of the four bands) of one signal. */
    public static double[] relativeBandPower(double[] signal) {
        double[] p = Spectra.periodogram(signal);
        double[] r = new double[SyntheticEeg.BANDS.length];
        double total = 0;
        for (int b = 0; b < r.length; b++) {
            r[b] = Spectra.bandPower(p, SyntheticEeg.RATE, SyntheticEeg.BANDS[b][0], SyntheticEeg.BANDS[b][1]);
            total += r[b];
        }
        for (int b = 0; b < r.length; b++) {
            r[b] /= total;
        }
        return r;
    }
}
