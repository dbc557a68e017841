package org.reprolab.papers.neuroformer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A discrete-time Hawkes (Poisson GLM) spiking network, the synthetic circuit standing in for the paper's
 * simulated and recorded data. N neurons in bins of Δ seconds; neuron i fires in bin t with probability
 * <pre>
 *   λ_i(t) = r₀ exp(g_i s(t) + ρ x_i(t−1) + Σ_j W_ij x_j(t − d_ij)),     p_i(t) = 1 − exp(−min(λ_i(t), λ_max) Δ)
 * </pre>
 * (numbering ours: Eq. (1) and (2)), with s(t) = Σ_k a_k sin(2π f_k t Δ + φ_k) a one-dimensional stimulus, g_i the
 * neuron's stimulus gain, ρ &lt; 0 a one-bin refractory term and W a sparse directed coupling: exactly
 * round(density · N(N − 1)) ordered pairs j → i (i ≠ j), each with a lag d_ij of 1 to {@code maxLag} bins and an
 * excitatory or inhibitory weight. A behaviour variable "speed" reads out a few neurons:
 * v(t) = (1 − 1/τ) v(t−1) + (1/τ) Σ_k c_k x_{n_k}(t) and speed(t) = v(t)/Δ + σ ε(t) (Eq. (3), in spikes/s).
 * Everything is drawn from one seed; pure Java.
 */
public final class HawkesNetwork {

    private final int neurons;
    private final double binSeconds;
    private final double baseRate;
    private final double maxRate;
    private final double refractory;
    private final double density;
    private final int maxLag;
    private final double[][] weight;
    private final int[][] lag;
    private final double[] gain;
    private final double[] amplitude;
    private final double[] frequency;
    private final double[] phase;
    private final int[] readout;
    private final double[] readoutWeight;
    private final double speedTau;
    private final double speedNoise;

    private HawkesNetwork(Builder b) {
        neurons = b.neurons;
        binSeconds = b.binSeconds;
        baseRate = b.baseRate;
        maxRate = b.maxRate;
        refractory = b.refractory;
        density = b.density;
        maxLag = b.maxLag;
        speedTau = b.speedTau;
        speedNoise = b.speedNoise;
        Random rng = new Random(b.seed);
        weight = new double[neurons][neurons];
        lag = new int[neurons][neurons];
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < neurons; i++) {
            for (int j = 0; j < neurons; j++) {
                if (i != j) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        Collections.shuffle(pairs, rng);
        int edges = edges(neurons, density);
        for (int e = 0; e < edges; e++) {
            int i = pairs.get(e)[0];
            int j = pairs.get(e)[1];
            weight[i][j] = rng.nextDouble() < b.excitatoryFraction ? b.excitatory : b.inhibitory;
            lag[i][j] = 1 + rng.nextInt(maxLag);
        }
        gain = new double[neurons];
        for (int i = 0; i < neurons; i++) {
            gain[i] = b.stimulusGain * rng.nextGaussian();
        }
        int k = b.frequencies.length;
        amplitude = new double[k];
        frequency = b.frequencies.clone();
        phase = new double[k];
        for (int c = 0; c < k; c++) {
            amplitude[c] = 1 / Math.sqrt(k);
            phase[c] = 2 * Math.PI * rng.nextDouble();
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < neurons; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, rng);
        readout = new int[Math.min(b.readout, neurons)];
        readoutWeight = new double[readout.length];
        for (int r = 0; r < readout.length; r++) {
            readout[r] = ids.get(r);
            readoutWeight[r] = 0.5 + rng.nextDouble();
        }
    }

    /** The number of directed pairs a density gives: round(density · N(N − 1)). */
    public static int edges(int neurons, double density) {
        return (int) Math.round(density * neurons * (neurons - 1));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The spikes [bins][N], the stimulus s(t), the speed and the firing probabilities p_i(t) [bins][N]. */
    public record Simulation(boolean[][] spikes, double[] stimulus, double[] speed, double[][] probability) {

        /** Bins simulated. */
        public int bins() {
            return spikes.length;
        }

        /** The fraction of bins in which neuron i fired, for each i. */
        public double[] spikesPerBin() {
            double[] r = new double[spikes[0].length];
            for (boolean[] row : spikes) {
                for (int i = 0; i < r.length; i++) {
                    r[i] += row[i] ? 1.0 / spikes.length : 0;
                }
            }
            return r;
        }
    }

    /** The stimulus s(t) at bin t: a sum of sinusoids of equal amplitude. */
    public double stimulus(int t) {
        double s = 0;
        for (int c = 0; c < frequency.length; c++) {
            s += amplitude[c] * Math.sin(2 * Math.PI * frequency[c] * t * binSeconds + phase[c]);
        }
        return s;
    }

    /** The firing probability in a bin of a neuron whose log-rate above r₀ is {@code drive} (Eq. (2)). */
    public double probability(double drive) {
        return 1 - Math.exp(-Math.min(baseRate * Math.exp(drive), maxRate) * binSeconds); // Eq. (2)
    }

    /** Runs {@code bins} bins from silence with the spikes drawn from {@code seed}. */
    public Simulation simulate(int bins, long seed) {
        Random rng = new Random(seed);
        boolean[][] x = new boolean[bins][neurons];
        double[][] p = new double[bins][neurons];
        double[] s = new double[bins];
        double[] speed = new double[bins];
        double v = 0;
        for (int t = 0; t < bins; t++) {
            s[t] = stimulus(t);
            for (int i = 0; i < neurons; i++) {
                double drive = gain[i] * s[t] + (t > 0 && x[t - 1][i] ? refractory : 0); // Eq. (1)
                for (int j = 0; j < neurons; j++) {
                    if (weight[i][j] != 0 && t - lag[i][j] >= 0 && x[t - lag[i][j]][j]) {
                        drive += weight[i][j];
                    }
                }
                p[t][i] = probability(drive);
                x[t][i] = rng.nextDouble() < p[t][i];
            }
            double u = 0;
            for (int r = 0; r < readout.length; r++) {
                u += x[t][readout[r]] ? readoutWeight[r] : 0;
            }
            v += (u - v) / speedTau; // Eq. (3)
            speed[t] = v / binSeconds + speedNoise * rng.nextGaussian();
        }
        return new Simulation(x, s, speed, p);
    }

    /** The coupling W [target i][source j]: 0 where j does not drive i. */
    public double[][] coupling() {
        double[][] w = new double[neurons][];
        for (int i = 0; i < neurons; i++) {
            w[i] = weight[i].clone();
        }
        return w;
    }

    /** The lags d_ij in bins [target][source] (0 where there is no coupling). */
    public int[][] lags() {
        int[][] d = new int[neurons][];
        for (int i = 0; i < neurons; i++) {
            d[i] = lag[i].clone();
        }
        return d;
    }

    /** The fraction of ordered pairs i ≠ j with W_ij ≠ 0. */
    public double couplingDensity() {
        int n = 0;
        for (int i = 0; i < neurons; i++) {
            for (int j = 0; j < neurons; j++) {
                n += i != j && weight[i][j] != 0 ? 1 : 0;
            }
        }
        return n / (double) (neurons * (neurons - 1));
    }

    /** The configured density. */
    public double density() {
        return density;
    }

    /** The stimulus gains g_i. */
    public double[] gains() {
        return gain.clone();
    }

    /** The neurons read out into speed. */
    public int[] readout() {
        return readout.clone();
    }

    /** N. */
    public int neurons() {
        return neurons;
    }

    /** The largest lag in bins. */
    public int maxLag() {
        return maxLag;
    }

    /** Builds a {@link HawkesNetwork}; the defaults are the research notes' circuit. */
    public static final class Builder {
        private int neurons = 20;
        private double binSeconds = 0.01;
        private double baseRate = 5;
        private double maxRate = 80;
        private double refractory = -2;
        private double density = 0.15;
        private int maxLag = 3;
        private double excitatory = 1.5;
        private double inhibitory = -1.5;
        private double excitatoryFraction = 0.7;
        private double stimulusGain = 0.8;
        private double[] frequencies = {0.7, 1.9, 4.3};
        private int readout = 5;
        private double speedTau = 10;
        private double speedNoise = 2;
        private long seed = 1;

        private Builder() {}

        /** The number of neurons N (default 20). */
        public Builder setNeurons(int neurons) {
            this.neurons = neurons;
            return this;
        }

        /** The seed of the coupling, gains, stimulus phases and readout. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The bin width Δ in seconds (default 0.01). */
        public Builder optBinSeconds(double binSeconds) {
            this.binSeconds = binSeconds;
            return this;
        }

        /** The base rate r₀ in spikes/s (default 5). */
        public Builder optBaseRate(double baseRate) {
            this.baseRate = baseRate;
            return this;
        }

        /** The cap λ_max of the rate in spikes/s (default 80). */
        public Builder optMaxRate(double maxRate) {
            this.maxRate = maxRate;
            return this;
        }

        /** The refractory term ρ added to the log-rate one bin after a neuron's own spike (default −2). */
        public Builder optRefractory(double refractory) {
            this.refractory = refractory;
            return this;
        }

        /** The fraction of ordered pairs coupled (default 0.15). */
        public Builder optDensity(double density) {
            this.density = density;
            return this;
        }

        /** The largest coupling lag in bins (default 3; lags are uniform on 1..maxLag). */
        public Builder optMaxLag(int maxLag) {
            this.maxLag = maxLag;
            return this;
        }

        /** The excitatory and inhibitory log-rate weights (default +1.5 and −1.5). */
        public Builder optWeights(double excitatory, double inhibitory) {
            this.excitatory = excitatory;
            this.inhibitory = inhibitory;
            return this;
        }

        /** The fraction of couplings that excite (default 0.7). */
        public Builder optExcitatoryFraction(double excitatoryFraction) {
            this.excitatoryFraction = excitatoryFraction;
            return this;
        }

        /** The standard deviation of the stimulus gains g_i (default 0.8; 0 removes the stimulus). */
        public Builder optStimulusGain(double stimulusGain) {
            this.stimulusGain = stimulusGain;
            return this;
        }

        /** The stimulus frequencies in Hz (default 0.7, 1.9, 4.3). */
        public Builder optFrequencies(double... frequencies) {
            this.frequencies = frequencies.clone();
            return this;
        }

        /** Neurons read out into speed (default 5). */
        public Builder optReadout(int readout) {
            this.readout = readout;
            return this;
        }

        /** Speed's smoothing time constant τ in bins (default 10) and noise σ in spikes/s (default 2). */
        public Builder optSpeed(double speedTau, double speedNoise) {
            this.speedTau = speedTau;
            this.speedNoise = speedNoise;
            return this;
        }

        /** Builds the network. */
        public HawkesNetwork build() {
            if (neurons < 2 || density < 0 || density > 1 || maxLag < 1 || speedTau < 1) {
                throw new IllegalArgumentException("need N ≥ 2, density in [0, 1], maxLag ≥ 1, τ ≥ 1");
            }
            return new HawkesNetwork(this);
        }
    }
}
