package org.reprolab.papers.sgntk;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Expectations E[g(u)·h(v)] over a centred bivariate Gaussian (u, v) ~ N(0, [[a, c], [c, b]]), the building
 * blocks of the NNGP, NTK and SG-NTK recursions. Closed forms where they exist (equation numbers ours), and
 * Gauss–Hermite quadrature for everything else.
 *
 * <p>Throughout, a = Σ(x, x), b = Σ(x′, x′), c = Σ(x, x′) and ρ = c/√(ab).
 */
public final class GaussianExpectations {

    /** Gauss–Hermite nodes used by the generic quadratures. */
    public static final int DEFAULT_NODES = 64;

    private static final ConcurrentHashMap<Integer, double[][]> RULES = new ConcurrentHashMap<>();

    private GaussianExpectations() {}

    /**
     * E[erf(m·u)·erf(k·v)] = (2/π)·arcsin(2mkc / √((1 + 2m²a)(1 + 2k²b))) (Eq. E1, the arcsine kernel of erf
     * networks).
     */
    public static double erfErf(double m, double k, double a, double b, double c) {
        return 2 / Math.PI * Math.asin(clamp(2 * m * k * c / Math.sqrt((1 + 2 * m * m * a) * (1 + 2 * k * k * b))));
    }

    /**
     * E[erf_m′(u)·erf_k′(v)] with erf_k′(x) = (2k/√π)·e^{−k²x²}:
     * (4mk/π) / √((1 + 2m²a)(1 + 2k²b) − 4m²k²c²) (Eq. E2).
     */
    public static double erfBumps(double m, double k, double a, double b, double c) {
        double det = (1 + 2 * m * m * a) * (1 + 2 * k * k * b) - 4 * m * m * k * k * c * c;
        return 4 * m * k / Math.PI / Math.sqrt(det);                                       // Eq. E2
    }

    /** E[sign(u)·sign(v)] = (2/π)·arcsin(ρ) (Eq. E3, the limit m → ∞ of Eq. E1). */
    public static double signSign(double a, double b, double c) {
        return 2 / Math.PI * Math.asin(correlation(a, b, c));                             // Eq. E3
    }

    /**
     * E[relu(u)·relu(v)] = √(ab)/(2π)·(sin θ + (π − θ)·cos θ), θ = arccos ρ (Eq. E4, the degree-1 arc-cosine
     * kernel).
     */
    public static double reluRelu(double a, double b, double c) {
        double theta = Math.acos(correlation(a, b, c));
        return Math.sqrt(a * b) / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)); // Eq. E4
    }

    /** E[1{u &gt; 0}·1{v &gt; 0}] = (π − θ)/(2π), θ = arccos ρ (Eq. E5, the degree-0 arc-cosine kernel). */
    public static double heavisides(double a, double b, double c) {
        return (Math.PI - Math.acos(correlation(a, b, c))) / (2 * Math.PI);                // Eq. E5
    }

    /**
     * E[2δ(u)·erf_k′(v)] = 2·p_u(0)·E[erf_k′(v) | u = 0] = (2/√(2πa))·(2k/√π)/√(1 + 2k²s²), with
     * s² = b − c²/a the conditional variance of v given u = 0 (Eq. E6). Finite for every (a, b, c) with a &gt; 0:
     * this is why the SG-NTK of a sign network exists while its naive NTK does not. It is the limit m → ∞ of
     * Eq. E2.
     */
    public static double deltaErfBump(double k, double a, double b, double c) {
        double s2 = Math.max(0, b - c * c / a);
        return 2 / Math.sqrt(2 * Math.PI * a) * 2 * k / Math.sqrt(Math.PI) / Math.sqrt(1 + 2 * k * k * s2); // Eq. E6
    }

    /**
     * E[2δ(u)·2δ(v)] = 4·p(0, 0) = 2/(π·√(ab − c²)) (Eq. E7): +∞ on the diagonal (c² = ab), which makes the
     * naive NTK of a sign network degenerate.
     */
    public static double deltaDelta(double a, double b, double c) {
        double det = a * b - c * c;
        return det <= 0 ? Double.POSITIVE_INFINITY : 2 / (Math.PI * Math.sqrt(det));     // Eq. E7
    }

    /** E[2δ(u)·1{v &gt; 0}] = 2·p_u(0)·P(v &gt; 0 | u = 0) = 1/√(2πa). */
    public static double deltaHeaviside(double a) {
        return 1 / Math.sqrt(2 * Math.PI * a);
    }

    /**
     * E[erf_k′(u)·1{v &gt; 0}] = ½·E[erf_k′(u)] = (k/√π)/√(1 + 2k²a) (Eq. E8): given u, P(v &gt; 0 | u) − ½ is
     * odd in u while erf_k′ and the density of u are even, so the correlation drops out.
     */
    public static double erfBumpHeaviside(double k, double a) {
        return k / Math.sqrt(Math.PI) / Math.sqrt(1 + 2 * k * k * a);                        // Eq. E8
    }

    /**
     * E[p(u)·q(v)] for two derivatives (true or surrogate): the factor E[φ′(u)·φ̃′(v)] of the (SG-)NTK
     * recursion, in closed form for every pair (Eqs. E2, E5–E8).
     */
    public static double derivativeProduct(Derivative p, Derivative q, double a, double b, double c) {
        if (p instanceof Derivative.ErfBump e && q instanceof Derivative.ErfBump f) {
            return erfBumps(e.k(), f.k(), a, b, c);
        }
        if (p instanceof Derivative.Heaviside && q instanceof Derivative.Heaviside) {
            return heavisides(a, b, c);
        }
        if (p instanceof Derivative.SignDelta && q instanceof Derivative.SignDelta) {
            return deltaDelta(a, b, c);
        }
        if (p instanceof Derivative.SignDelta) {
            return q instanceof Derivative.ErfBump f ? deltaErfBump(f.k(), a, b, c) : deltaHeaviside(a);
        }
        if (q instanceof Derivative.SignDelta) {
            return p instanceof Derivative.ErfBump e ? deltaErfBump(e.k(), b, a, c) : deltaHeaviside(b);
        }
        // An erf bump and a step (Eq. E8).
        boolean stepFirst = p instanceof Derivative.Heaviside;
        double k = ((Derivative.ErfBump) (stepFirst ? q : p)).k();
        return erfBumpHeaviside(k, stepFirst ? b : a);
    }

    /**
     * E[f(u, v)] by tensor Gauss–Hermite quadrature on {@code nodes}² points, with (u, v) built from independent
     * standard normals by the Cholesky factor of [[a, c], [c, b]]. Exact for polynomials of degree &lt; 2·nodes
     * in each variable; accurate for smooth f that vary on the scale of the Gaussian, slow for kinks, jumps and
     * bumps much narrower than the Gaussian (an erf₂′ bump against unit variance needs about 128 nodes for 1e-12).
     */
    public static double quadrature(DoubleBinaryOperator f, double a, double b, double c, int nodes) {
        double[][] rule = rule(nodes);
        double l11 = Math.sqrt(a);
        double l21 = a > 0 ? c / l11 : 0;
        double l22 = Math.sqrt(Math.max(0, b - l21 * l21));
        double sum = 0;
        for (int i = 0; i < nodes; i++) {
            double z1 = rule[0][i];
            double inner = 0;
            for (int j = 0; j < nodes; j++) {
                inner += rule[1][j] * f.applyAsDouble(l11 * z1, l21 * z1 + l22 * rule[0][j]);
            }
            sum += rule[1][i] * inner;
        }
        return sum;
    }

    /** E[g(z)] for z ~ N(0, 1) by Gauss–Hermite quadrature on {@code nodes} points. */
    public static double expectation(DoubleUnaryOperator g, int nodes) {
        double[][] rule = rule(nodes);
        double sum = 0;
        for (int i = 0; i < nodes; i++) {
            sum += rule[1][i] * g.applyAsDouble(rule[0][i]);
        }
        return sum;
    }

    /**
     * The {@code n}-point Gauss–Hermite rule for the standard normal: nodes z_i and weights w_i with
     * E[g(z)] ≈ Σ w_i·g(z_i). Nodes are the roots of the n-th Hermite polynomial (bracketed on a grid, then
     * bisected); weights are the Christoffel numbers 1/Σ_{j&lt;n} p_j(x_i)² of the orthonormal polynomials.
     *
     * @return {nodes, weights}
     */
    public static double[][] rule(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("Gauss–Hermite nodes must be in [1, 200], got " + n);
        }
        return RULES.computeIfAbsent(n, GaussianExpectations::buildRule);
    }

    private static double[][] buildRule(int n) {
        // Roots of H_n (weight e^{−x²}) lie in (−√(2n+1), √(2n+1)); the closest pair is ~π/√(2n) apart.
        double lim = Math.sqrt(2.0 * n + 1) + 0.5;
        int grid = 200 * n;
        double[] x = new double[n];
        int found = 0;
        double prevX = -lim;
        double prevP = hermite(n, prevX)[0];
        for (int g = 1; g <= grid && found < n; g++) {
            double xi = -lim + 2 * lim * g / grid;
            double pi = hermite(n, xi)[0];
            if (prevP == 0) {
                x[found++] = prevX;
            } else if (prevP * pi < 0) {
                double lo = prevX;
                double hi = xi;
                for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); it++) {
                    double mid = 0.5 * (lo + hi);
                    if (hermite(n, mid)[0] * prevP > 0) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                x[found++] = 0.5 * (lo + hi);
            }
            prevX = xi;
            prevP = pi;
        }
        if (found != n) {
            throw new IllegalStateException("found " + found + " of " + n + " Hermite roots");
        }
        double[] nodes = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            double sumSq = hermite(n, x[i])[1];
            nodes[i] = Math.sqrt(2) * x[i];                          // e^{−x²} → N(0, 1)
            weights[i] = 1 / sumSq / Math.sqrt(Math.PI);              // Christoffel weight, normalised
        }
        return new double[][] {nodes, weights};
    }

    /** {p_n(x), Σ_{j<n} p_j(x)²} for the orthonormal Hermite polynomials (weight e^{−x²}). */
    private static double[] hermite(int n, double x) {
        double p0 = Math.pow(Math.PI, -0.25);
        double sumSq = p0 * p0;
        if (n == 0) {
            return new double[] {p0, 0};
        }
        double p1 = Math.sqrt(2) * x * p0;
        for (int j = 1; j < n; j++) {
            sumSq += p1 * p1;
            double p2 = Math.sqrt(2.0 / (j + 1)) * x * p1 - Math.sqrt((double) j / (j + 1)) * p0;
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, sumSq};
    }

    /** ρ = c/√(ab), clamped to [−1, 1] against rounding. */
    static double correlation(double a, double b, double c) {
        return clamp(c / Math.sqrt(a * b));
    }

    private static double clamp(double r) {
        return Math.max(-1, Math.min(1, r));
    }

    /** Compact number for names: 2, 0.5, 1e+03. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : String.format("%.3g", v);
    }
}
