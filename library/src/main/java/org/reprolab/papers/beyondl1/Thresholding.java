package org.reprolab.papers.beyondl1;

/**
 * The four thresholding operators of the paper: the proximal maps of ℓ1 (soft), ℓ0 (hard), ℓ1/2 (half) and CEL0,
 * applied coordinate by coordinate in ISTA, a ← prox_{ηλR}(a + η·Φᵀ(x − Φa)). For unit-norm atoms each is
 *
 * <pre>prox(u) = argmin_v ½(v − u)² + η·R(v; λ)</pre>
 *
 * with the penalty {@link #penalty R}; {@link #proxByGridSearch} evaluates that definition by brute force, as an
 * oracle for the closed forms.
 */
public enum Thresholding {

    /** ℓ1: R = λ|v|; soft thresholding sign(u)·max(|u| − ηλ, 0). */
    SOFT("ℓ1 (soft)"),
    /** ℓ0: R = λ·1[v ≠ 0]; hard thresholding u·1[|u| > √(2ηλ)]. */
    HARD("ℓ0 (hard)"),
    /**
     * ℓ1/2: R = λ|v|^½; half thresholding (Xu et al. 2012), zero for |u| ≤ (54^⅓/4)·μ^⅔ with μ = 2ηλ, else
     * (2/3)·u·(1 + cos(2π/3 − (2/3)·arccos((μ/8)·(|u|/3)^−3/2))). Xu et al. write the data term without the ½,
     * hence μ = 2ηλ here (the threshold is (3/2)·(ηλ)^⅔).
     */
    HALF("ℓ1/2 (half)"),
    /**
     * CEL0 (Soubies et al. 2015): R = λ − ½(|v| − √(2λ))²·1[|v| ≤ √(2λ)] for a unit-norm atom; its prox for
     * η &lt; 1 is sign(u)·min(|u|, max(0, (|u| − η√(2λ))/(1 − η))).
     */
    CEL0("CEL0");

    private final String label;

    Thresholding(String label) {
        this.label = label;
    }

    /** The name used in tables and legends. */
    public String label() {
        return label;
    }

    /** The penalty R(v; λ) of one coefficient (unit-norm atom). */
    public double penalty(double v, double lambda) {
        double a = Math.abs(v);
        return switch (this) {
            case SOFT -> lambda * a;
            case HARD -> v == 0 ? 0 : lambda;
            case HALF -> lambda * Math.sqrt(a);
            case CEL0 -> {
                double t = Math.sqrt(2 * lambda);
                yield a <= t ? lambda - 0.5 * (a - t) * (a - t) : lambda;
            }
        };
    }

    /** The closed-form proximal map of η·R(·; λ) at {@code u}. */
    public double prox(double u, double eta, double lambda) {
        double a = Math.abs(u);
        return switch (this) {
            case SOFT -> Math.signum(u) * Math.max(a - eta * lambda, 0);
            case HARD -> a > Math.sqrt(2 * eta * lambda) ? u : 0;
            case HALF -> {
                double mu = 2 * eta * lambda;
                if (a <= Math.cbrt(54) / 4 * Math.pow(mu, 2.0 / 3)) {
                    yield 0;
                }
                double phi = Math.acos(mu / 8 * Math.pow(a / 3, -1.5));
                yield 2.0 / 3 * u * (1 + Math.cos(2 * Math.PI / 3 - 2.0 / 3 * phi));
            }
            case CEL0 -> {
                if (eta >= 1) {
                    throw new IllegalArgumentException("CEL0's prox needs a step η < 1, got " + eta);
                }
                yield Math.signum(u) * Math.min(a, Math.max(0, (a - eta * Math.sqrt(2 * lambda)) / (1 - eta)));
            }
        };
    }

    /**
     * The proximal map by its definition: the minimiser of ½(v − u)² + η·R(v; λ) over v = 0 and the grid
     * v = u·k/{@code steps}, k = 1..{@code steps} (the minimiser lies between 0 and u for every R here). An oracle.
     */
    public double proxByGridSearch(double u, double eta, double lambda, int steps) {
        double best = 0;
        double bestCost = eta * penalty(0, lambda) + 0.5 * u * u;
        for (int k = 1; k <= steps; k++) {
            double v = u * k / steps;
            double cost = 0.5 * (v - u) * (v - u) + eta * penalty(v, lambda);
            if (cost < bestCost) {
                bestCost = cost;
                best = v;
            }
        }
        return best;
    }
}
