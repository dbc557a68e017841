package org.reprolab.papers.selu;

import static org.reprolab.math.SpecialFunctions.erf;
import static org.reprolab.math.SpecialFunctions.erfc;

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

    /** The map with the paper's constants. */
    public static SeluMomentMap paper() {
        return new SeluMomentMap(PAPER_LAMBDA, PAPER_ALPHA);
    }
}
