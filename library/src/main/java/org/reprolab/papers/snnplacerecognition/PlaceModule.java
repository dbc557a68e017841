package org.reprolab.papers.snnplacerecognition;

import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;
import org.reprolab.spiking.AdaptiveThreshold;
import org.reprolab.spiking.Stdp;

/**
 * One compact region-specific spiking module (after Diehl and Cook 2015, as the paper's modules are): Poisson
 * rate-coded inputs, leaky integrate-and-fire excitatory neurons with adaptive thresholds, lateral inhibition as a
 * winner-take-all per step (only the most depolarised neuron above threshold spikes, the others are reset), and
 * STDP on the input weights, each neuron's weights renormalised to a fixed sum after every presentation. Per step:
 *
 * <pre>
 *   v_j ← v_j e^{−1/τ_v} + Σ_i w_ji s_i,     spike if v_j ≥ θ_j + a_j and j = argmax (WTA),   then v ← 0
 * </pre>
 *
 * Trained on its own region's reference images only; each neuron is then assigned to the place it responds to
 * most ({@link #assign}).
 */
public final class PlaceModule {

    private final int inputs;
    private final int neurons;
    private final int steps;
    private final double maxRate;
    private final double weightSum;
    private final double threshold;
    private final double tauV;
    private final Stdp stdp;
    private final double[][] w;
    private final AdaptiveThreshold theta;

    /**
     * A module with random initial weights.
     *
     * @param inputs input pixels
     * @param neurons excitatory neurons
     * @param steps time steps per presentation
     * @param rng the initial weights' random source
     */
    public PlaceModule(int inputs, int neurons, int steps, SplittableRandom rng) {
        this.inputs = inputs;
        this.neurons = neurons;
        this.steps = steps;
        this.maxRate = 0.25;
        this.weightSum = 0.1 * inputs;
        this.threshold = 1.5 * weightSum * maxRate;
        this.tauV = 20;
        this.stdp = new Stdp(0.01, 0.012, 10, 10, 0, 1);
        this.theta = new AdaptiveThreshold(neurons, threshold, 0.05 * threshold, 1e4);
        this.w = new double[neurons][inputs];
        for (double[] row : w) {
            for (int i = 0; i < inputs; i++) {
                row[i] = rng.nextDouble();
            }
            normalise(row);
        }
    }

    /** Excitatory neurons. */
    public int neurons() {
        return neurons;
    }

    /** Neuron j's input weights (a copy). */
    public double[] weights(int j) {
        return w[j].clone();
    }

    /** Trains on {@code images} (rates in [0, 1]) for {@code epochs} passes in a fresh random order each. */
    public void train(double[][] images, int epochs, SplittableRandom rng) {
        for (int e = 0; e < epochs; e++) {
            int[] order = rng.ints(images.length, 0, Integer.MAX_VALUE).toArray();
            Integer[] idx = new Integer[images.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, (a, b) -> Integer.compare(order[a], order[b]));
            for (int i : idx) {
                present(images[i], true, rng);
                for (double[] row : w) {
                    normalise(row);
                }
            }
        }
    }

    /** Spike counts of every neuron for one presentation of {@code image}, without learning. */
    public int[] respond(double[] image, SplittableRandom rng) {
        return present(image, false, rng);
    }

    /**
     * The place each neuron responds to most over the module's references (one response each), or −1 for a neuron
     * that never fires: {@code places[r]} names reference r.
     */
    public int[] assign(double[][] references, int[] places, SplittableRandom rng) {
        int[] best = new int[neurons];
        double[] top = new double[neurons];
        java.util.Arrays.fill(best, -1);
        for (int r = 0; r < references.length; r++) {
            int[] c = respond(references[r], rng);
            for (int j = 0; j < neurons; j++) {
                if (c[j] > top[j]) {
                    top[j] = c[j];
                    best[j] = places[r];
                }
            }
        }
        return best;
    }

    private int[] present(double[] image, boolean learn, SplittableRandom rng) {
        double[] v = new double[neurons];
        double[] pre = new double[inputs];
        double[] post = new double[neurons];
        boolean[] in = new boolean[inputs];
        boolean[] out = new boolean[neurons];
        int[] count = new int[neurons];
        double leak = Math.exp(-1 / tauV);
        for (int t = 0; t < steps; t++) {
            Interrupts.check();
            for (int i = 0; i < inputs; i++) {
                in[i] = rng.nextDouble() < maxRate * image[i];
            }
            int winner = -1;
            double margin = 0;
            for (int j = 0; j < neurons; j++) {
                double drive = 0;
                double[] row = w[j];
                for (int i = 0; i < inputs; i++) {
                    if (in[i]) {
                        drive += row[i];
                    }
                }
                v[j] = v[j] * leak + drive;
                double over = v[j] - theta.threshold(j);
                if (over >= 0 && (winner < 0 || over > margin)) {
                    winner = j;
                    margin = over;
                }
                out[j] = false;
            }
            if (winner >= 0) {
                out[winner] = true;
                count[winner]++;
                java.util.Arrays.fill(v, 0);                     // lateral inhibition resets the others too
            }
            if (learn) {
                stdp.step(w, pre, post, in, out, 1);
                theta.step(out, 1);
            }
        }
        return count;
    }

    private void normalise(double[] row) {
        double s = 0;
        for (double x : row) {
            s += x;
        }
        for (int i = 0; i < row.length; i++) {
            row[i] = Math.min(1, row[i] * weightSum / s);
        }
    }
}
