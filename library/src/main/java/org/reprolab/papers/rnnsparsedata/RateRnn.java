package org.reprolab.papers.rnnsparsedata;

import java.util.SplittableRandom;

/**
 * A discrete-time rate RNN, the model of both the teacher ("biological" network) and the student in Salatiello and
 * Giese (2020): x_{t+1} = (1 − α) x_t + α (W r_t + B u_t + b), r_t = tanh(x_t), z_t = C r_t, from x_0 = 0, with
 * α = dt/τ. Weights are plain double arrays (rows = postsynaptic units), so a trainer can update them in place.
 *
 * <pre>{@code
 * RateRnn teacher = RateRnn.random(30, 2, 4, 1.2, 0.2, rng);
 * RateRnn.Trajectory tr = teacher.run(ReachConditions.pulse(theta, 50, 10));   // rates and outputs per step
 * }</pre>
 *
 * @param w recurrent weights, n × n
 * @param b input weights, n × inputs
 * @param bias unit biases, n
 * @param c readout weights, outputs × n
 * @param alpha dt/τ in (0, 1]
 */
public record RateRnn(double[][] w, double[][] b, double[] bias, double[][] c, double alpha) {

    /** The rates r_1..r_T (T × n) and outputs z_1..z_T (T × outputs) of one run. */
    public record Trajectory(double[][] rates, double[][] outputs) { }

    /**
     * A random network: W ~ N(0, g²/n) (gain g; g &gt; 1 gives rich transients), B ~ N(0, 1), zero biases and a
     * readout C ~ N(0, 1/n).
     */
    public static RateRnn random(int n, int inputs, int outputs, double gain, double alpha, SplittableRandom rng) {
        return new RateRnn(gaussian(n, n, gain / Math.sqrt(n), rng), gaussian(n, inputs, 1, rng), new double[n],
                gaussian(outputs, n, 1 / Math.sqrt(n), rng), alpha);
    }

    /** Units. */
    public int size() {
        return w.length;
    }

    /** Runs the network from x_0 = 0 on inputs {@code u} (T × inputs). */
    public Trajectory run(double[][] u) {
        int n = size();
        int steps = u.length;
        double[][] r = new double[steps + 1][n];
        double[] x = new double[n];
        for (int t = 0; t < steps; t++) {
            double[] a = drive(r[t], u[t]);
            for (int i = 0; i < n; i++) {
                x[i] = (1 - alpha) * x[i] + alpha * a[i];
                r[t + 1][i] = Math.tanh(x[i]);
            }
        }
        double[][] rates = java.util.Arrays.copyOfRange(r, 1, steps + 1);
        return new Trajectory(rates, readout(rates));
    }

    /** W r + B u + b. */
    double[] drive(double[] r, double[] u) {
        int n = size();
        double[] a = bias.clone();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += w[i][j] * r[j];
            }
            for (int k = 0; k < u.length; k++) {
                s += b[i][k] * u[k];
            }
            a[i] += s;
        }
        return a;
    }

    /** C r_t for each row of {@code rates}. */
    public double[][] readout(double[][] rates) {
        double[][] z = new double[rates.length][c.length];
        for (int t = 0; t < rates.length; t++) {
            for (int o = 0; o < c.length; o++) {
                double s = 0;
                for (int j = 0; j < rates[t].length; j++) {
                    s += c[o][j] * rates[t][j];
                }
                z[t][o] = s;
            }
        }
        return z;
    }

    /** A deep copy (the trainer updates weights in place). */
    public RateRnn copy() {
        return new RateRnn(deep(w), deep(b), bias.clone(), deep(c), alpha);
    }

    private static double[][] deep(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static double[][] gaussian(int rows, int cols, double sd, SplittableRandom rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = sd * rng.nextGaussian();
            }
        }
        return m;
    }
}
