package org.reprolab.papers.widedeep;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.Estimate;
import org.reprolab.math.SpecialFunctions;

/**
 * Closed-form duals of common activations, each normalised to ξ(1) = 1 (the activation is rescaled so that
 * E[φ(u)²] = 1 for u ~ N(0, 1)). These are the non-polynomial duals of the paper's experiments; polynomial
 * ones are {@link HermiteDual}s.
 */
public final class Duals {

    private Duals() {}

    /**
     * E[f(u)g(v)] for standard normals u, v with correlation ρ, estimated from {@code n} pairs drawn with
     * {@code rng} (v = ρu + √(1 − ρ²)·w), with its 95% normal interval (mean ± 1.96 standard errors): with f = g = φ
     * it checks a dual ξ(ρ) against its activation, with f = g = φ′ the derivative ξ′(ρ).
     */
    public static Estimate monteCarlo(DoubleUnaryOperator f, DoubleUnaryOperator g, double rho, int n,
            SplittableRandom rng) {
        double s = 0;
        double s2 = 0;
        double c = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            if ((i & 0xffff) == 0) {
                Interrupts.check();
            }
            double u = Synthetic.gaussian(rng);
            double v = rho * u + c * Synthetic.gaussian(rng);
            double p = f.applyAsDouble(u) * g.applyAsDouble(v);
            s += p;
            s2 += p * p;
        }
        double mean = s / n;
        double half = SpecialFunctions.normalQuantile(0.5 + Estimate.LEVEL / 2) * Math.sqrt((s2 / n - mean * mean) / n);
        return Estimate.of(mean, mean - half, mean + half, n, "95% normal interval over " + n + " pairs");
    }

    /**
     * erf: E[erf(u)erf(v)] = (2/π)·arcsin(2ρ/3), so \( ξ(ρ) = \arcsin(2ρ/3)/\arcsin(2/3) \) and
     * φ(x) = erf(x)/√((2/π)·arcsin(2/3)). ξ(0) = 0, ξ′(0) ≈ 0.914, ξ′(1) ≈ 1.226: a singular kernel with
     * α ≈ 0.89.
     */
    public static DualActivation erf() {
        double norm = Math.asin(2.0 / 3);
        double scale = 1 / Math.sqrt(2 / Math.PI * norm);
        return new Closed("erf",
                r -> asin(2 * r / 3) / norm,
                r -> 2.0 / 3 / Math.sqrt(1 - 4 * r * r / 9) / norm,
                x -> scale * SpecialFunctions.erf(x),
                x -> scale * 2 / Math.sqrt(Math.PI) * Math.exp(-x * x),
                new DualActivation.PowerTerm(1, 2.0 / 3 / norm));
    }

    /**
     * ReLU: the normalised arc-cosine kernel \( ξ(ρ) = (\sqrt{1−ρ^2} + (π − \arccos ρ)ρ)/π \) of
     * φ(x) = √2·max(0, x); ξ′(ρ) = (π − arccos ρ)/π. ξ(0) = 1/π and ξ′(1) = 1: majority vote in the limit,
     * reached only at great depth.
     */
    public static DualActivation relu() {
        double sqrt2 = Math.sqrt(2);
        return new Closed("ReLU",
                r -> (Math.sqrt(Math.max(0, (1 - r) * (1 + r))) + (Math.PI - acos(r)) * r) / Math.PI,
                r -> (Math.PI - acos(r)) / Math.PI,
                x -> x > 0 ? sqrt2 * x : 0,
                x -> x > 0 ? sqrt2 : 0,
                new DualActivation.PowerTerm(0, 1 / Math.PI));
    }

    /**
     * sine with frequency √a: E[sin(bu)sin(bv)] = e^{−b²}·sinh(b²ρ), so \( ξ(ρ) = \sinh(aρ)/\sinh(a) \) with
     * a = b², and φ(x) = sin(√a·x)/√(e^{−a}·sinh a). ξ′(0) = a/sinh a, ξ′(1) = a·coth a. The authors'
     * code uses a = 2.676, 6.13539, 13.8258 to get α = 2, 4, 8.
     */
    public static DualActivation sine(double a) {
        if (!(a > 0)) {
            throw new IllegalArgumentException("need a > 0");
        }
        double sinhA = Math.sinh(a);
        double b = Math.sqrt(a);
        double scale = 1 / Math.sqrt(Math.exp(-a) * sinhA);
        return new Closed(String.format("sine (a=%s)", a),
                r -> Math.sinh(a * r) / sinhA,
                r -> a * Math.cosh(a * r) / sinhA,
                x -> scale * Math.sin(b * x),
                x -> scale * b * Math.cos(b * x),
                new DualActivation.PowerTerm(1, a / sinhA));
    }

    /**
     * arccos through atan2(√((1−x)(1+x)), x): as accurate as {@link Math#acos} and, on the JDK 17 we run,
     * several times faster (the kernels call it once per layer per entry).
     */
    static double acos(double x) {
        double c = Math.max(-1, Math.min(1, x));
        return Math.atan2(Math.sqrt((1 - c) * (1 + c)), c);
    }

    /** arcsin through atan2(x, √((1−x)(1+x))). */
    static double asin(double x) {
        double c = Math.max(-1, Math.min(1, x));
        return Math.atan2(c, Math.sqrt((1 - c) * (1 + c)));
    }

    /** A dual given by closed forms. */
    private record Closed(String name, java.util.function.DoubleUnaryOperator xiF,
            java.util.function.DoubleUnaryOperator xiPrimeF, java.util.function.DoubleUnaryOperator phi,
            java.util.function.DoubleUnaryOperator phiPrime, DualActivation.PowerTerm leadingTerm)
            implements DualActivation {

        @Override
        public double xi(double rho) {
            return xiF.applyAsDouble(rho);
        }

        @Override
        public double xiPrime(double rho) {
            return xiPrimeF.applyAsDouble(rho);
        }

        @Override
        public double activation(double x) {
            return phi.applyAsDouble(x);
        }

        @Override
        public double activationDerivative(double x) {
            return phiPrime.applyAsDouble(x);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
