package org.reprolab.papers.braindynamics;

import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * The Kuramoto model of {@code N} phase oscillators, all-to-all coupled with strength {@code K}:
 * dθ_i/dt = ω_i + (K/N) Σ_j sin(θ_j − θ_i), integrated in its exact mean-field form
 * dθ_i/dt = ω_i + K r sin(ψ − θ_i), where r e^{iψ} = (1/N) Σ_j e^{iθ_j} is the order parameter (r = 0: incoherent,
 * r = 1: in phase). That form costs O(N) a step instead of O(N²).
 *
 * <p>For natural frequencies drawn from a density g symmetric about 0, Kuramoto's self-consistency gives the
 * critical coupling K_c = 2 / (π g(0)); for the Lorentzian g(ω) = γ / (π(γ² + ω²)) that is K_c = 2γ, and above
 * it the stationary order parameter of the infinite population is r∞ = sqrt(1 − K_c / K) (Kuramoto 1975;
 * Strogatz 2000, "From Kuramoto to Crawford").
 *
 * <pre>{@code
 * double[] omega = Kuramoto.lorentzianFrequencies(1000, 0.5, new SplittableRandom(1));
 * Kuramoto model = new Kuramoto(omega, 2.0);
 * double[] r = model.orderParameterTrace(Kuramoto.uniformPhases(1000, new SplittableRandom(2)), 0.01, 2000);
 * }</pre>
 */
public final class Kuramoto {

    private final double[] omega;
    private final double coupling;

    /** The population with natural frequencies {@code omega} (rad per unit time) and coupling {@code coupling}. */
    public Kuramoto(double[] omega, double coupling) {
        if (omega.length == 0) {
            throw new IllegalArgumentException("no oscillators");
        }
        this.omega = omega.clone();
        this.coupling = coupling;
    }

    /** The number of oscillators. */
    public int size() {
        return omega.length;
    }

    /** The coupling K. */
    public double coupling() {
        return coupling;
    }

    /** {@code n} frequencies from the Lorentzian (Cauchy) density of centre 0 and half-width {@code gamma}. */
    public static double[] lorentzianFrequencies(int n, double gamma, SplittableRandom random) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = gamma * Math.tan(Math.PI * (random.nextDouble() - 0.5));
        }
        return w;
    }

    /** {@code n} phases drawn uniformly on [0, 2π): an incoherent start. */
    public static double[] uniformPhases(int n, SplittableRandom random) {
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = 2 * Math.PI * random.nextDouble();
        }
        return theta;
    }

    /** The Lorentzian density of half-width {@code gamma} at ω = 0: 1 / (πγ). */
    public static double lorentzianAtZero(double gamma) {
        return 1 / (Math.PI * gamma);
    }

    /** Kuramoto's critical coupling K_c = 2 / (π g(0)) for a frequency density with value {@code g0} at 0. */
    public static double criticalCoupling(double g0) {
        return 2 / (Math.PI * g0);
    }

    /** The stationary order parameter of an infinite Lorentzian population: sqrt(1 − K_c/K) above K_c, else 0. */
    public static double stationaryOrder(double coupling, double gamma) {
        double kc = criticalCoupling(lorentzianAtZero(gamma));
        return coupling > kc ? Math.sqrt(1 - kc / coupling) : 0;
    }

    /** The order parameter {r, ψ} of {@code theta}: r e^{iψ} = (1/N) Σ e^{iθ_j}. */
    public static double[] orderParameter(double[] theta) {
        double c = 0;
        double s = 0;
        for (double t : theta) {
            c += Math.cos(t);
            s += Math.sin(t);
        }
        c /= theta.length;
        s /= theta.length;
        return new double[] {Math.hypot(c, s), Math.atan2(s, c)};
    }

    /** dθ/dt at {@code theta}, in the mean-field form (equal to the pairwise sum up to rounding). */
    public double[] velocity(double[] theta) {
        double[] rpsi = orderParameter(theta);
        double[] d = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            d[i] = omega[i] + coupling * rpsi[0] * Math.sin(rpsi[1] - theta[i]);
        }
        return d;
    }

    /** dθ/dt at {@code theta} by the pairwise sum (K/N) Σ_j sin(θ_j − θ_i): O(N²), the definition, for tests. */
    public double[] pairwiseVelocity(double[] theta) {
        int n = theta.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.sin(theta[j] - theta[i]);
            }
            d[i] = omega[i] + coupling * sum / n;
        }
        return d;
    }

    /** One classical Runge-Kutta step of length {@code dt}, in place. */
    public void step(double[] theta, double dt) {
        int n = theta.length;
        double[] k1 = velocity(theta);
        double[] tmp = new double[n];
        for (int i = 0; i < n; i++) {
            tmp[i] = theta[i] + dt / 2 * k1[i];
        }
        double[] k2 = velocity(tmp);
        for (int i = 0; i < n; i++) {
            tmp[i] = theta[i] + dt / 2 * k2[i];
        }
        double[] k3 = velocity(tmp);
        for (int i = 0; i < n; i++) {
            tmp[i] = theta[i] + dt * k3[i];
        }
        double[] k4 = velocity(tmp);
        for (int i = 0; i < n; i++) {
            theta[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /**
     * Integrates {@code steps} steps of {@code dt} from {@code theta} (advanced in place) and returns r at each
     * step's end ({@code steps} values).
     */
    public double[] orderParameterTrace(double[] theta, double dt, int steps) {
        if (theta.length != omega.length) {
            throw new IllegalArgumentException(theta.length + " phases for " + omega.length + " oscillators");
        }
        double[] r = new double[steps];
        for (int t = 0; t < steps; t++) {
            if (t % 256 == 0) {
                Interrupts.check();
            }
            step(theta, dt);
            r[t] = orderParameter(theta)[0];
        }
        return r;
    }
}
