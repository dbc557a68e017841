package org.reprolab.papers.syncredundancy;

import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * n redundant noisy gradient learners on the quadratic loss f(x) = (h/2)‖x − x*‖² in d dimensions, coupled
 * diffusively through a graph Laplacian L (Bouvrie and Slotine 2011, Sec. 3; numbering ours):
 *
 * <pre>
 *   dx_i = [−h (x_i − x*) − k Σ_j L_ij x_j] dt + σ dW_i
 * </pre>
 *
 * an Ornstein–Uhlenbeck process whose stationary spread around the centroid x̄ is, in closed form,
 * E Σ_i ‖x_i − x̄‖² = (σ² d / 2) Σ_{j ≥ 2} 1 / (h + k λ_j) over L's nonzero eigenvalues λ_j, while the centroid,
 * untouched by the coupling, has E‖x̄ − x*‖² = σ² d / (2 h n). The simulation integrates it by Euler–Maruyama.
 *
 * @param laplacian the coupling graph's Laplacian L (n × n)
 * @param dims the dimension d of each learner's parameters
 * @param curvature h, the loss's curvature
 * @param coupling k, the coupling strength
 * @param noise σ, the noise amplitude
 */
public record CoupledLearners(double[][] laplacian, int dims, double curvature, double coupling, double noise) {

    /** Time averages of a simulated run. */
    public record Averages(double spread, double centroidError, double dt, long steps) { }

    /** The closed-form stationary spread (σ² d / 2) Σ_{j ≥ 2} 1 / (h + k λ_j), from L's increasing eigenvalues. */
    public double spread(double[] eigenvalues) {
        double s = 0;
        for (int j = 1; j < eigenvalues.length; j++) {
            s += 1 / (curvature + coupling * eigenvalues[j]);
        }
        return noise * noise * dims / 2 * s;
    }

    /**
     * The stationary spread of the Euler–Maruyama chain with step dt, exactly: (σ² d) Σ_{j ≥ 2} 1 / (a_j (2 − a_j
     * dt)) with a_j = h + k λ_j, which tends to {@link #spread} as dt → 0.
     */
    public double spreadEulerMaruyama(double[] eigenvalues, double dt) {
        double s = 0;
        for (int j = 1; j < eigenvalues.length; j++) {
            double a = curvature + coupling * eigenvalues[j];
            s += 1 / (a * (2 - a * dt));
        }
        return noise * noise * dims * s;
    }

    /**
     * The contraction bound of the paper's theorem, σ² d (n − 1) / (2 (h + k λ_2)): every term of {@link #spread}
     * with λ_j replaced by the smallest nonzero eigenvalue λ_2, so equal to it when all λ_j coincide (all-to-all).
     */
    public double contractionBound(double[] eigenvalues) {
        int n = eigenvalues.length;
        return noise * noise * dims * (n - 1) / (2 * (curvature + coupling * eigenvalues[1]));
    }

    /** The closed-form stationary centroid error E‖x̄ − x*‖² = σ² d / (2 h n). */
    public double centroidError() {
        return noise * noise * dims / (2 * curvature * laplacian.length);
    }

    /**
     * Euler–Maruyama from x_i = x* (taken as 0: the dynamics are translation invariant) for time {@code time} with
     * step {@code dt}, averaging Σ_i‖x_i − x̄‖² and ‖x̄ − x*‖² over every step after the first {@code burnIn}
     * fraction of the time. The scheme's stationary variance of a mode with rate a is σ²/(a (2 − a dt)): a relative
     * bias of a dt / 2, so take dt (h + k λ_max) small.
     */
    public Averages simulate(double time, double dt, double burnIn, SplittableRandom rng) {
        int n = laplacian.length;
        double[][] x = new double[n][dims];
        double[][] drift = new double[n][dims];
        double sqrtDt = noise * Math.sqrt(dt);
        long steps = Math.round(time / dt);
        long start = Math.round(burnIn * steps);
        double spreadSum = 0;
        double centroidSum = 0;
        for (long t = 0; t < steps; t++) {
            if ((t & 0xFFFF) == 0) {
                Interrupts.check();
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < dims; c++) {
                    double lx = 0;
                    for (int j = 0; j < n; j++) {
                        lx += laplacian[i][j] * x[j][c];
                    }
                    drift[i][c] = -curvature * x[i][c] - coupling * lx;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < dims; c++) {
                    x[i][c] += drift[i][c] * dt + sqrtDt * rng.nextGaussian();
                }
            }
            if (t >= start) {
                double[] mean = centroid(x);
                double s = 0;
                for (double[] xi : x) {
                    for (int c = 0; c < dims; c++) {
                        double e = xi[c] - mean[c];
                        s += e * e;
                    }
                }
                double e2 = 0;
                for (double v : mean) {
                    e2 += v * v;
                }
                spreadSum += s;
                centroidSum += e2;
            }
        }
        long used = steps - start;
        return new Averages(spreadSum / used, centroidSum / used, dt, steps);
    }

    private static double[] centroid(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] xi : x) {
            for (int c = 0; c < m.length; c++) {
                m[c] += xi[c] / x.length;
            }
        }
        return m;
    }
}
