package org.reprolab.papers.selu;

import static org.reprolab.math.SpecialFunctions.erfc;

/**
 * λ₀₁ and α₀₁ found, not typed: the unique (λ, α) for which the moment map of normalised weights
 * (ω = 0, τ = 1) has its fixed point at (μ, ν) = (0, 1), solved by Newton's method on g(0, 1) − (0, 1).
 *
 * @param lambda λ₀₁
 * @param alpha α₀₁
 * @param iterations Newton steps taken
 * @param residual max |g(0,1) − (0,1)| at the solution
 */
public record SeluConstants(double lambda, double alpha, int iterations, double residual) {

    /** Solves from the start (λ, α) = (1, 1). */
    public static SeluConstants solve() {
        double lambda = 1;
        double alpha = 1;
        double h = 1e-7;
        for (int it = 1; it <= 50; it++) {
            double[] f = residual(lambda, alpha);
            double[] fl = residual(lambda + h, alpha);
            double[] fa = residual(lambda, alpha + h);
            double j00 = (fl[0] - f[0]) / h;
            double j01 = (fa[0] - f[0]) / h;
            double j10 = (fl[1] - f[1]) / h;
            double j11 = (fa[1] - f[1]) / h;
            double det = j00 * j11 - j01 * j10;
            double dl = (j11 * f[0] - j01 * f[1]) / det;
            double da = (-j10 * f[0] + j00 * f[1]) / det;
            lambda -= dl;
            alpha -= da;
            if (Math.abs(dl) < 1e-15 * lambda && Math.abs(da) < 1e-15 * alpha) {
                double[] r = residual(lambda, alpha);
                return new SeluConstants(lambda, alpha, it, Math.max(Math.abs(r[0]), Math.abs(r[1])));
            }
        }
        throw new ArithmeticException("Newton's method did not converge for the SELU fixed point");
    }

    /** g(0,1) − (0,1) with ω = 0, τ = 1. */
    static double[] residual(double lambda, double alpha) {
        double[] g = new SeluMomentMap(lambda, alpha).apply(0, 1, 0, 1);
        return new double[] {g[0], g[1] - 1};
    }

    /**
     * The closed forms of the reference notebook {@code getSELUparameters.ipynb}, an independent check:
     * α₀₁ = −√(2/π) / (erfc(1/√2)·√e − 1) and
     * λ₀₁ = (1 − √e·erfc(1/√2))·√(2π / (2 + π − 2√e(2+π)erfc(1/√2) + eπ·erfc(1/√2)² + 2e²erfc(√2))).
     */
    public static double[] closedForm() {
        double e = Math.E;
        double c = erfc(1 / Math.sqrt(2));
        double alpha = -Math.sqrt(2 / Math.PI) / (c * Math.sqrt(e) - 1);
        double lambda = (1 - Math.sqrt(e) * c) * Math.sqrt(2 * Math.PI
                / (2 + Math.PI - 2 * Math.sqrt(e) * (2 + Math.PI) * c + e * Math.PI * c * c
                        + 2 * e * e * erfc(Math.sqrt(2))));
        return new double[] {lambda, alpha};
    }
}
