package org.reprolab.operators;

import java.util.SplittableRandom;

/**
 * A real 1-periodic function given by its Fourier series u(x) = Σ_{k=1}^{K} (a_k cos 2πkx + b_k sin 2πkx), so that
 * the same function can be sampled on any grid and evolved exactly under the heat equation u_t = ν u_xx, whose
 * solution multiplies mode k by exp(−4π²k²νt).
 *
 * @param cos a_k, k = 1..K (index k − 1)
 * @param sin b_k, k = 1..K (index k − 1)
 */
public record PeriodicField(double[] cos, double[] sin) {

    /**
     * A Gaussian random field with spectrum E|a_k|² = E|b_k|² ∝ (4π²k² + τ²)^(−α), truncated at {@code modes}
     * modes (the FNO convention for heat and Burgers initial data is α = 2, τ = 3).
     */
    public static PeriodicField gaussian(int modes, double alpha, double tau, SplittableRandom rng) {
        double[] a = new double[modes];
        double[] b = new double[modes];
        for (int k = 1; k <= modes; k++) {
            double sd = Math.pow(4 * Math.PI * Math.PI * k * k + tau * tau, -alpha / 2) * Math.pow(tau, alpha);
            a[k - 1] = sd * RandomFields.gaussian(rng);
            b[k - 1] = sd * RandomFields.gaussian(rng);
        }
        return new PeriodicField(a, b);
    }

    /** The values at the n grid points x_i = i / n, i = 0..n−1. */
    public double[] sample(int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (double) i / n;
            double s = 0;
            for (int k = 1; k <= cos.length; k++) {
                s += cos[k - 1] * Math.cos(2 * Math.PI * k * x) + sin[k - 1] * Math.sin(2 * Math.PI * k * x);
            }
            u[i] = s;
        }
        return u;
    }

    /** The exact solution of u_t = ν u_xx at time t from this initial condition. */
    public PeriodicField heat(double nu, double t) {
        double[] a = new double[cos.length];
        double[] b = new double[sin.length];
        for (int k = 1; k <= cos.length; k++) {
            double decay = Math.exp(-4 * Math.PI * Math.PI * k * k * nu * t);
            a[k - 1] = cos[k - 1] * decay;
            b[k - 1] = sin[k - 1] * decay;
        }
        return new PeriodicField(a, b);
    }
}
