package org.reprolab.papers.selu;

import static org.reprolab.math.SpecialFunctions.erf;
import static org.reprolab.math.SpecialFunctions.erfc;

import org.reprolab.engine.Interrupts;

/**
 * The map g from the mean μ and second-moment-free variance ν of a layer's inputs to those of its SELU
 * outputs, when the net input z = Σ wᵢxᵢ is approximated as N(μω, ντ) with ω = Σwᵢ and τ = Σwᵢ².
 *
 * <p>With m = μω, v = ντ and s = √(2v), the closed forms are
 * <pre>
 *   E[y]  = ½λ [ m + √(2/π)√v·e^{−m²/2v} + m·erf(m/s) − α·erfc(m/s) + α·e^{m+v/2}·erfc((m+v)/s) ]
 *   E[y²] = ½λ² [ m√(2v/π)·e^{−m²/2v} + (m²+v)(1+erf(m/s)) + α²·erfc(m/s)
 *                 − 2α²·e^{m+v/2}·erfc((m+v)/s) + α²·e^{2(m+v)}·erfc((m+2v)/s) ]
 * </pre>
 * and ν̃ = E[y²] − E[y]².
 *
 * @param lambda λ, the SELU scale
 * @param alpha α, the SELU negative saturation
 */
public record SeluMomentMap(double lambda, double alpha) {

    /** The paper's λ₀₁ (from the reference implementation {@code selu.py}), for comparison only. */
    public static final double PAPER_LAMBDA = 1.0507009873554804934193349852946;
    /** The paper's α₀₁ (from {@code selu.py}), for comparison only. */
    public static final double PAPER_ALPHA = 1.6732632423543772848170429916717;

    /** E[selu(z)] for z ~ N(μω, ντ). */
    public double mean(double mu, double omega, double nu, double tau) {
        double m = mu * omega;
        double v = nu * tau;
        double s = Math.sqrt(2 * v);
        return 0.5 * lambda * (m + Math.sqrt(2 / Math.PI) * Math.sqrt(v) * Math.exp(-m * m / (2 * v))
                + m * erf(m / s) - alpha * erfc(m / s) + alpha * Math.exp(m + v / 2) * erfc((m + v) / s));
    }

    /** E[selu(z)²] for z ~ N(μω, ντ). */
    public double secondMoment(double mu, double omega, double nu, double tau) {
        double m = mu * omega;
        double v = nu * tau;
        double s = Math.sqrt(2 * v);
        double a2 = alpha * alpha;
        return 0.5 * lambda * lambda * (m * Math.sqrt(2 * v / Math.PI) * Math.exp(-m * m / (2 * v))
                + (m * m + v) * (1 + erf(m / s)) + a2 * erfc(m / s)
                - 2 * a2 * Math.exp(m + v / 2) * erfc((m + v) / s)
                + a2 * Math.exp(2 * (m + v)) * erfc((m + 2 * v) / s));
    }

    /** g(μ, ν) = (μ̃, ν̃) for weights with sum ω and squared sum τ. */
    public double[] apply(double mu, double nu, double omega, double tau) {
        double mean = mean(mu, omega, nu, tau);
        return new double[] {mean, secondMoment(mu, omega, nu, tau) - mean * mean};
    }

    /** The 2×2 Jacobian ∂(μ̃, ν̃)/∂(μ, ν) by central differences (step 1e-5; error about 1e-10). */
    public double[][] jacobian(double mu, double nu, double omega, double tau) {
        double h = 1e-5;
        double[] pm = apply(mu + h, nu, omega, tau);
        double[] mm = apply(mu - h, nu, omega, tau);
        double[] pn = apply(mu, nu + h, omega, tau);
        double[] mn = apply(mu, nu - h, omega, tau);
        return new double[][] {
            {(pm[0] - mm[0]) / (2 * h), (pn[0] - mn[0]) / (2 * h)},
            {(pm[1] - mm[1]) / (2 * h), (pn[1] - mn[1]) / (2 * h)}};
    }

    /** The largest singular value of a 2×2 matrix (closed form). */
    public static double spectralNorm(double[][] j) {
        double a = j[0][0];
        double b = j[0][1];
        double c = j[1][0];
        double d = j[1][1];
        double s = a * a + b * b + c * c + d * d;
        double det = a * d - b * c;
        return Math.sqrt((s + Math.sqrt(Math.max(0, s * s - 4 * det * det))) / 2);
    }

    /**
     * Where the Jacobian's spectral norm is largest on Theorem 1's domain (μ, ω ∈ [−0.1, 0.1], ν ∈ [0.8, 1.5],
     * τ ∈ [0.95, 1.1]), searched on a grid of {@code pointsPerAxis} points per axis (ends included).
     */
    public DomainMaximum maxSpectralNormOnTheorem1Domain(int pointsPerAxis) {
        if (pointsPerAxis < 2) {
            throw new IllegalArgumentException("need at least 2 points per axis, got " + pointsPerAxis);
        }
        int n = pointsPerAxis - 1;
        DomainMaximum best = null;
        for (int a = 0; a <= n; a++) {
            Interrupts.check();
            double mu = -0.1 + 0.2 * a / n;
            for (int b = 0; b <= n; b++) {
                double omega = -0.1 + 0.2 * b / n;
                for (int c = 0; c <= n; c++) {
                    double nu = 0.8 + 0.7 * c / n;
                    for (int d = 0; d <= n; d++) {
                        double tau = 0.95 + 0.15 * d / n;
                        double norm = spectralNorm(jacobian(mu, nu, omega, tau));
                        if (best == null || norm > best.norm()) {
                            best = new DomainMaximum(norm, mu, omega, nu, tau);
                        }
                    }
                }
            }
        }
        return best;
    }

    /**
     * The largest spectral norm found on a domain and where.
     *
     * @param norm the spectral norm of the Jacobian there
     * @param mu the input mean μ
     * @param omega the weight sum ω
     * @param nu the input variance ν
     * @param tau the squared weight sum τ
     */
    public record DomainMaximum(double norm, double mu, double omega, double nu, double tau) { }

    /** The moments (μ, ν) after each of {@code layers} applications of g with ω = 0, τ = 1, from (μ₀, ν₀). */
    public double[][] iterate(double mu0, double nu0, int layers) {
        double[][] out = new double[layers + 1][];
        out[0] = new double[] {mu0, nu0};
        for (int k = 1; k <= layers; k++) {
            out[k] = apply(out[k - 1][0], out[k - 1][1], 0, 1);
        }
        return out;
    }

    /** The map with the paper's constants. */
    public static SeluMomentMap paper() {
        return new SeluMomentMap(PAPER_LAMBDA, PAPER_ALPHA);
    }
}
