package org.reprolab.papers.deeperbrain;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic multichannel EEG with a known ground truth, generated from a seed. Four cortical sources sit inside a
 * ring of eight electrodes; each electrode sees each source through a volume-conduction lead field
 * exp(−‖r_e − r_s‖ / 0.4). Every source carries red (AR(1), φ = 0.95) background noise and a weak oscillation in a
 * random band; one <em>active</em> source carries a strong oscillation in the window's <em>dominant band</em>;
 * in half the windows an <em>event</em> (a brief evoked bump, 80 ms wide, at a random time) is added at a random
 * source; sensors add white noise. The labels (dominant band, active source, event) are what a probe predicts.
 */
public final class SyntheticEeg {

    /** Electrodes. */
    public static final int CHANNELS = 8;
    /** Sampling rate (Hz). */
    public static final double RATE = 64;
    /** Samples per window (2 s). */
    public static final int SAMPLES = 128;
    /** Sources. */
    public static final int SOURCES = 4;
    /** The EEG bands of the labels and of the statistics: δ, θ, α, β (Hz). */
    public static final double[][] BANDS = {{1, 4}, {4, 8}, {8, 13}, {13, 30}};
    /** Names of {@link #BANDS}. */
    public static final List<String> BAND_NAMES = List.of("delta", "theta", "alpha", "beta");

    /** The three probe tasks: dominant band, active source, event present. */
    public static final List<String> TASKS = List.of("band", "source", "event");

    private static final double[][] LEAD = leadField();

    private SyntheticEeg() {}

    /**
     * Windows and their labels: {@code x[i]} is channel-major ({@code CHANNELS × SAMPLES}), {@code band[i]} the
     * dominant band, {@code source[i]} the active source, {@code event[i]} 1 when an event occurred.
     */
    public record Data(float[][] x, int[] band, int[] source, int[] event) {

        /** Number of windows. */
        public int size() {
            return x.length;
        }

        /** The labels of a task by name: "band", "source" or "event". */
        public int[] labels(String task) {
            return switch (task) {
                case "band" -> band;
                case "source" -> source;
                case "event" -> event;
                default -> throw new IllegalArgumentException("no task " + task);
            };
        }
    }

    /** The number of classes of a task. */
    public static int classes(String task) {
        return task.equals("event") ? 2 : task.equals("band") ? BANDS.length : SOURCES;
    }

    /** {@code n} windows drawn from {@code rng}. */
    public static Data generate(int n, SplittableRandom rng) {
        float[][] x = new float[n][];
        int[] band = new int[n];
        int[] source = new int[n];
        int[] event = new int[n];
        for (int i = 0; i < n; i++) {
            band[i] = rng.nextInt(BANDS.length);
            source[i] = rng.nextInt(SOURCES);
            event[i] = rng.nextInt(2);
            x[i] = window(band[i], source[i], event[i] == 1, rng);
        }
        return new Data(x, band, source, event);
    }

    /** One window with the given dominant band, active source and event. */
    public static float[] window(int band, int active, boolean event, SplittableRandom rng) {
        double[][] s = new double[SOURCES][SAMPLES];
        for (int k = 0; k < SOURCES; k++) {
            double ar = 0;
            int b = rng.nextInt(BANDS.length);
            double weak = 0.4 * rng.nextDouble();
            double f = frequency(b, rng);
            double phase = 2 * Math.PI * rng.nextDouble();
            for (int t = 0; t < SAMPLES; t++) {
                ar = 0.95 * ar + 0.3 * rng.nextDouble(-1, 1) * Math.sqrt(3);
                s[k][t] = ar * 0.3 + weak * Math.sin(2 * Math.PI * f * t / RATE + phase);
            }
        }
        double amplitude = 1 + rng.nextDouble();
        double f = frequency(band, rng);
        double phase = 2 * Math.PI * rng.nextDouble();
        for (int t = 0; t < SAMPLES; t++) {
            s[active][t] += amplitude * Math.sin(2 * Math.PI * f * t / RATE + phase);
        }
        if (event) {
            int k = rng.nextInt(SOURCES);
            double centre = rng.nextDouble(0.3, 1.7) * RATE;
            double width = 0.08 * RATE;
            for (int t = 0; t < SAMPLES; t++) {
                s[k][t] += 3 * Math.exp(-0.5 * Math.pow((t - centre) / width, 2));
            }
        }
        float[] x = new float[CHANNELS * SAMPLES];
        for (int c = 0; c < CHANNELS; c++) {
            for (int t = 0; t < SAMPLES; t++) {
                double v = 0.2 * rng.nextDouble(-1, 1) * Math.sqrt(3);
                for (int k = 0; k < SOURCES; k++) {
                    v += LEAD[c][k] * s[k][t];
                }
                x[c * SAMPLES + t] = (float) v;
            }
        }
        return x;
    }

    private static double frequency(int band, SplittableRandom rng) {
        return rng.nextDouble(BANDS[band][0] + 0.5, BANDS[band][1] - 0.5);
    }

    /** Electrodes on the unit circle, sources at radius 0.5 between them: gain exp(−distance / 0.4). */
    static double[][] leadField() {
        double[][] g = new double[CHANNELS][SOURCES];
        for (int c = 0; c < CHANNELS; c++) {
            double ac = 2 * Math.PI * c / CHANNELS;
            for (int k = 0; k < SOURCES; k++) {
                double as = Math.PI / 4 + Math.PI / 2 * k;
                double dx = Math.cos(ac) - 0.5 * Math.cos(as);
                double dy = Math.sin(ac) - 0.5 * Math.sin(as);
                g[c][k] = Math.exp(-Math.hypot(dx, dy) / 0.4);
            }
        }
        return g;
    }

    /** The lead field (channels × sources), a copy. */
    public static double[][] lead() {
        double[][] g = new double[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) {
            g[c] = LEAD[c].clone();
        }
        return g;
    }

    /** Channel {@code c} of a window as doubles. */
    public static double[] channel(float[] window, int c) {
        double[] v = new double[SAMPLES];
        for (int t = 0; t < SAMPLES; t++) {
            v[t] = window[c * SAMPLES + t];
        }
        return v;
    }
}
