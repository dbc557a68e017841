package org.reprolab.operators;

import java.util.SplittableRandom;

/**
 * Random input functions for operator learning, drawn from a seed: smooth sine series on (0, 1) with zero
 * boundary values (Poisson sources) and thresholded Gaussian random fields on (0, 1)² (Darcy coefficients with two
 * values, the FNO benchmark's convention).
 */
public final class RandomFields {

    private RandomFields() {}

    /** A standard normal draw (Box–Muller; the JDK's SplittableRandom has none). */
    public static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * f(x_i) = Σ_{k=1}^{K} ξ_k k^(−decay) sin(kπx_i) with ξ_k standard normal, on the n interior nodes of
     * {@link Poisson1d#nodes}.
     */
    public static double[] sineSeries(int n, int modes, double decay, SplittableRandom rng) {
        double[] xi = new double[modes];
        for (int k = 0; k < modes; k++) {
            xi[k] = gaussian(rng) * Math.pow(k + 1, -decay);
        }
        double[] x = Poisson1d.nodes(n);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < modes; k++) {
                f[i] += xi[k] * Math.sin((k + 1) * Math.PI * x[i]);
            }
        }
        return f;
    }

    /**
     * A Gaussian random field on the n × n interior nodes with spectrum (π²(k² + l²) + τ²)^(−α) over cosine modes
     * k, l = 0..modes−1, thresholded at 0 to the values {@code high} (≥ 0) and {@code low} (< 0): the FNO Darcy
     * benchmark uses α = 2, τ = 3, values 12 and 3.
     */
    public static double[][] thresholdedField(int n, int modes, double alpha, double tau, double low, double high,
            SplittableRandom rng) {
        double[][] xi = new double[modes][modes];
        for (int k = 0; k < modes; k++) {
            for (int l = 0; l < modes; l++) {
                double lam = Math.PI * Math.PI * (k * k + l * l) + tau * tau;
                xi[k][l] = (k + l == 0) ? 0 : gaussian(rng) * Math.pow(lam, -alpha / 2);
            }
        }
        double[] x = Poisson1d.nodes(n);
        double[][] cosTable = new double[modes][n];
        for (int k = 0; k < modes; k++) {
            for (int i = 0; i < n; i++) {
                cosTable[k][i] = Math.cos(k * Math.PI * x[i]);
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < modes; k++) {
                    for (int l = 0; l < modes; l++) {
                        s += xi[k][l] * cosTable[k][i] * cosTable[l][j];
                    }
                }
                a[i][j] = s >= 0 ? high : low;
            }
        }
        return a;
    }
}
