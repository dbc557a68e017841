package org.reprolab.spiking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Interrupts;

/**
 * A seeded synthetic event dataset in the manner of neuromorphic audio (the Spiking Heidelberg Digits): each class
 * is a pattern of a few "formants", bands of events that sweep linearly across input channels during part of the
 * recording, and each recording draws its events afresh, with a random time stretch and shift, a random channel
 * shift, spread around each formant and background events. Recordings are binned into T frames of event counts,
 * as event cameras' and cochleas' data is for spiking networks, so T = 1 sums every event of a recording into one
 * frame of counts.
 *
 * <p>The class patterns come from the pattern seed ({@link Builder#optSeed}); recordings from the generator
 * passed to {@link #frames}, so training and test sets of one task are independent draws.
 *
 * <pre>{@code
 * EventPatterns task = EventPatterns.builder().optSeed(7).build();
 * LabeledData train = task.frames(2_000, 1, new SplittableRandom(1));    // T = 1: counts per channel
 * }</pre>
 */
public final class EventPatterns {

    /** One event: the fine time step and the channel it fell on. */
    public record Event(int time, int channel) { }

    /** One formant of a class: a band sweeping from channel {@code from} to {@code to} during [start, end). */
    public record Formant(double from, double to, double start, double end) { }

    private final int channels;
    private final int classes;
    private final int duration;
    private final double rate;
    private final double spread;
    private final double channelJitter;
    private final double timeJitter;
    private final double noise;
    private final List<List<Formant>> patterns;

    private EventPatterns(Builder b) {
        this.channels = b.channels;
        this.classes = b.classes;
        this.duration = b.duration;
        this.rate = b.rate;
        this.spread = b.spread;
        this.channelJitter = b.channelJitter;
        this.timeJitter = b.timeJitter;
        this.noise = b.noise;
        SplittableRandom rng = new SplittableRandom(b.seed);
        List<List<Formant>> p = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            List<Formant> f = new ArrayList<>();
            for (int j = 0; j < b.formants; j++) {
                double from = rng.nextDouble(0, channels);
                double to = Math.max(0, Math.min(channels - 1, from + rng.nextDouble(-channels / 4.0, channels / 4.0)));
                double start = rng.nextDouble(0, duration / 2.0);
                double end = Math.min(duration, start + rng.nextDouble(duration / 4.0, duration / 2.0));
                f.add(new Formant(from, to, start, end));
            }
            p.add(List.copyOf(f));
        }
        this.patterns = List.copyOf(p);
    }

    /** A builder with the defaults below (64 channels, 20 classes, 3 formants, 50 steps). */
    public static Builder builder() {
        return new Builder();
    }

    /** Input channels. */
    public int channels() {
        return channels;
    }

    /** Classes. */
    public int classes() {
        return classes;
    }

    /** Fine time steps of a recording. */
    public int duration() {
        return duration;
    }

    /** Class {@code label}'s formants. */
    public List<Formant> pattern(int label) {
        return patterns.get(label);
    }

    /** One recording of class {@code label}: its events in time order. */
    public List<Event> recording(int label, SplittableRandom rng) {
        double stretch = timeJitter > 0 ? rng.nextDouble(1 - timeJitter, 1 + timeJitter) : 1;
        double shift = timeJitter > 0 ? rng.nextDouble(-timeJitter, timeJitter) * duration : 0;
        double channelShift = channelJitter * Synthetic.gaussian(rng);
        List<Event> events = new ArrayList<>();
        for (int t = 0; t < duration; t++) {
            for (Formant f : patterns.get(label)) {
                double start = f.start() * stretch + shift;
                double end = f.end() * stretch + shift;
                if (t < start || t >= end) {
                    continue;
                }
                double centre = f.from() + (f.to() - f.from()) * (t - start) / (end - start) + channelShift;
                for (int e = poisson(rate, rng); e > 0; e--) {
                    int c = (int) Math.round(centre + spread * Synthetic.gaussian(rng));
                    if (c >= 0 && c < channels) {
                        events.add(new Event(t, c));
                    }
                }
            }
            for (int c = 0; c < channels; c++) {
                if (rng.nextDouble() < noise) {
                    events.add(new Event(t, c));
                }
            }
        }
        return events;
    }

    /**
     * Event counts of {@code events} in {@code bins} equal time bins: {@code bins × channels} values, time-major
     * (bin b holds channels b·C … b·C + C − 1).
     */
    public float[] bin(List<Event> events, int bins) {
        float[] frame = new float[bins * channels];
        for (Event e : events) {
            frame[e.time() * bins / duration * channels + e.channel()]++;
        }
        return frame;
    }

    /** {@code n} recordings with labels drawn uniformly, binned into {@code bins} frames (see {@link #bin}). */
    public LabeledData frames(int n, int bins, SplittableRandom rng) {
        if (bins < 1 || bins > duration) {
            throw new IllegalArgumentException("bins must be in 1.." + duration + ", got " + bins);
        }
        int cols = bins * channels;
        float[] x = new float[n * cols];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0) {
                Interrupts.check();
            }
            y[i] = rng.nextInt(classes);
            System.arraycopy(bin(recording(y[i], rng), bins), 0, x, i * cols, cols);
        }
        return new LabeledData("event-patterns/T=" + bins, x, y, cols, LabeledData.numberedClasses(classes));
    }

    /** A Poisson draw by inversion (small means only). */
    static int poisson(double mean, SplittableRandom rng) {
        double u = rng.nextDouble();
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /** Builds {@link EventPatterns}. */
    public static final class Builder {
        private int channels = 64;
        private int classes = 20;
        private int formants = 3;
        private int duration = 50;
        private double rate = 2;
        private double spread = 1.5;
        private double channelJitter = 3;
        private double timeJitter = 0.15;
        private double noise = 0.05;
        private long seed;

        /** Input channels; default 64. */
        public Builder optChannels(int channels) {
            this.channels = channels;
            return this;
        }

        /** Classes; default 20 (as many as SHD's). */
        public Builder optClasses(int classes) {
            this.classes = classes;
            return this;
        }

        /** Formants per class; default 3. */
        public Builder optFormants(int formants) {
            this.formants = formants;
            return this;
        }

        /** Fine time steps per recording; default 50. */
        public Builder optDuration(int duration) {
            this.duration = duration;
            return this;
        }

        /** Mean events per formant and time step (Poisson); default 2. */
        public Builder optRate(double rate) {
            this.rate = rate;
            return this;
        }

        /** Standard deviation of an event's channel around its formant's centre; default 1.5 channels. */
        public Builder optSpread(double spread) {
            this.spread = spread;
            return this;
        }

        /** Standard deviation of a recording's channel shift; default 3 channels. */
        public Builder optChannelJitter(double jitter) {
            this.channelJitter = jitter;
            return this;
        }

        /** A recording's time stretch 1 ± j and shift ± j·duration, uniform; default j = 0.15. */
        public Builder optTimeJitter(double jitter) {
            this.timeJitter = jitter;
            return this;
        }

        /** Probability of a background event per channel and time step; default 0.05. */
        public Builder optNoise(double noise) {
            this.noise = noise;
            return this;
        }

        /** Seed of the class patterns; default 0. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The task. */
        public EventPatterns build() {
            if (channels < 2 || classes < 2 || formants < 1 || duration < 1) {
                throw new IllegalArgumentException("EventPatterns needs ≥ 2 channels, ≥ 2 classes, ≥ 1 formant and "
                        + "≥ 1 time step");
            }
            if (!(rate > 0) || spread < 0 || channelJitter < 0 || !(timeJitter >= 0 && timeJitter < 1)
                    || !(noise >= 0 && noise < 1)) {
                throw new IllegalArgumentException("EventPatterns needs rate > 0, spreads ≥ 0, 0 ≤ time jitter < 1 and "
                        + "0 ≤ noise < 1");
            }
            return new EventPatterns(this);
        }
    }
}
