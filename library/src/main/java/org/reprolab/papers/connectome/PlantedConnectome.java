package org.reprolab.papers.connectome;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Synthetic calcium traces with planted, time-varying communities: the recording is cut into epochs, and in epoch
 * e the neurons of community C_e share a latent AR(1) driver (x = λ z_e + sqrt(1 − λ²) ξ), while every other
 * neuron follows its own AR(1). Communities are random subsets, so two may overlap. Each animal shares the
 * communities and the epochs, with its own noise. Calcium is the activity filtered by an exponential kernel
 * (c_t = κ c_{t−1} + x_t) plus white measurement noise.
 *
 * @param neurons neurons per animal
 * @param animals animals
 * @param epochs epochs, one community active in each
 * @param epochLength samples per epoch
 * @param communitySize neurons per community
 * @param loading λ, the driver's loading on a community member
 * @param ar the AR(1) coefficient of drivers and private activity
 * @param kernel κ, the calcium decay per sample
 * @param noise the measurement noise's standard deviation
 */
public record PlantedConnectome(int neurons, int animals, int epochs, int epochLength, int communitySize,
        double loading, double ar, double kernel, double noise) {

    /**
     * One recording.
     *
     * @param traces calcium, [animal][neuron][time]
     * @param communities the planted community of each epoch
     */
    public record Recording(double[][][] traces, List<Set<Integer>> communities) { }

    /** Samples a recording: communities, then every animal's traces. */
    public Recording sample(SplittableRandom random) {
        List<Set<Integer>> communities = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            Set<Integer> c = new TreeSet<>();
            while (c.size() < communitySize) {
                c.add(random.nextInt(neurons));
            }
            communities.add(c);
        }
        int length = epochs * epochLength;
        double[][][] traces = new double[animals][neurons][length];
        double innovation = Math.sqrt(1 - ar * ar);
        for (int a = 0; a < animals; a++) {
            double[] z = new double[epochs];
            double[] x = new double[neurons];
            double[] calcium = new double[neurons];
            for (int t = 0; t < length; t++) {
                int e = t / epochLength;
                for (int d = 0; d < epochs; d++) {
                    z[d] = ar * z[d] + innovation * random.nextGaussian();
                }
                for (int i = 0; i < neurons; i++) {
                    x[i] = ar * x[i] + innovation * random.nextGaussian();
                    double activity = communities.get(e).contains(i)
                            ? loading * z[e] + Math.sqrt(1 - loading * loading) * x[i] : x[i];
                    calcium[i] = kernel * calcium[i] + activity;
                    traces[a][i][t] = calcium[i] + noise * random.nextGaussian();
                }
            }
        }
        return new Recording(traces, communities);
    }

    /** The fraction of each window's samples that fall in epoch {@code e}: the epoch's indicator per window. */
    public double[] epochIndicator(int e, int window, int step) {
        int windows = Affinities.windows(epochs * epochLength, window, step);
        double[] v = new double[windows];
        for (int w = 0; w < windows; w++) {
            int from = w * step;
            int inside = Math.max(0, Math.min(from + window, (e + 1) * epochLength) - Math.max(from, e * epochLength));
            v[w] = (double) inside / window;
        }
        return v;
    }
}
