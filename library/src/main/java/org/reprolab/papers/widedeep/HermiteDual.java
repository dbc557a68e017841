package org.reprolab.papers.widedeep;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprolab.engine.NdConstants;

/**
 * A polynomial dual and its activation, given by Hermite coefficients: the activation
 * \( φ(x) = \sum_k a_k \mathrm{He}_k(x)/\sqrt{k!} \) (probabilists' Hermite polynomials, orthonormal under
 * N(0, 1)) has the dual \( ξ(ρ) = \sum_k a_k^2 ρ^k \) (numbering ours, Eq. 1), because
 * E[He_j(u)He_k(v)] = k!·ρᵏ·[j = k] for standard normal u, v with correlation ρ. Conversely every dual with
 * non-negative power-series coefficients c_k is the dual of φ with a_k = √c_k.
 *
 * <p>ξ(1) = Σ a_k² = 1 is required (or reached by {@link Builder#optNormalize}).
 */
public final class HermiteDual implements DualActivation {

    private final double[] a;
    private final double[] c;
    private final String name;

    private HermiteDual(double[] a, String name) {
        this.a = a;
        this.c = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k] * a[k];
        }
        this.name = name == null ? describe(c) : name;
    }

    /** A builder from Hermite coefficients a₀, a₁, …. */
    public static Builder builder() {
        return new Builder();
    }

    /** The dual ξ(ρ) = Σ c_k ρᵏ with c_k ≥ 0, Σ c_k = 1, and its activation (a_k = √c_k). */
    public static HermiteDual fromDual(double... c) {
        double[] a = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            if (!(c[k] >= 0)) {
                throw new IllegalArgumentException("dual coefficients must be ≥ 0, got c_" + k + " = " + c[k]);
            }
            a[k] = Math.sqrt(c[k]);
        }
        return builder().setCoefficients(a).build();
    }

    /** ξ(ρ) = ρᵏ: the activation He_k(x)/√(k!). For k ≥ 2 its infinitely deep network is 1-nearest neighbour. */
    public static HermiteDual monomial(int k) {
        double[] c = new double[k + 1];
        c[k] = 1;
        return fromDual(c);
    }

    /**
     * The paper's optimal duals for data on the sphere S^d, d ∈ {1, 2, 4, 8}, whose singular exponent α equals
     * d, the Hilbert-kernel exponent that makes the classifier consistent (from the authors' implementation,
     * {@code models.py}, activations {@code 2d_opt}, {@code 3d_opt}, {@code 5d_opt}, {@code 9d_opt}):
     * S¹: ρ⁷/2 + ρ/2; S²: ρ³/2 + ρ/2; S⁴: ρ³/4 + ρ²/2 + ρ/4; S⁸: ρ³/16 + 7ρ²/8 + ρ/16.
     */
    public static HermiteDual optimalForSphere(int d) {
        return switch (d) {
            case 1 -> fromDual(0, 0.5, 0, 0, 0, 0, 0, 0.5);
            case 2 -> fromDual(0, 0.5, 0, 0.5);
            case 4 -> fromDual(0, 0.25, 0.5, 0.25);
            case 8 -> fromDual(0, 1.0 / 16, 7.0 / 8, 1.0 / 16);
            default -> throw new IllegalArgumentException("the paper gives optimal duals for d = 1, 2, 4, 8; use "
                    + "withExponent(d, power) for d = " + d);
        };
    }

    /**
     * ξ(ρ) = b·ρ + (1 − b)·ρ^power with b chosen so that the singular exponent
     * 2·ln(1/b)/ln(b + power·(1 − b)) equals {@code alpha} (bisection on b ∈ (0, 1)). With power 3 and
     * α = 2 this is the paper's S² dual (b = 1/2); with power 7 and α = 1 its S¹ dual.
     */
    public static HermiteDual withExponent(double alpha, int power) {
        if (!(alpha > 0) || power < 2) {
            throw new IllegalArgumentException("need α > 0 and power ≥ 2");
        }
        // α(b) decreases from +∞ (b → 0) to 0 (b → 1): bisect on t = ln b.
        double lo = Math.log(1e-300);
        double hi = Math.log1p(-1e-15);
        for (int it = 0; it < 200; it++) {
            double t = 0.5 * (lo + hi);
            double b = Math.exp(t);
            if (2 * -t / Math.log(b + power * (1 - b)) > alpha) {
                lo = t;
            } else {
                hi = t;
            }
        }
        double b = Math.exp(0.5 * (lo + hi));
        double[] c = new double[power + 1];
        c[1] = b;
        c[power] = 1 - b;
        return fromDual(c);
    }

    /** The Hermite coefficients a_k of φ. */
    public double[] hermiteCoefficients() {
        return a.clone();
    }

    /** The dual's power-series coefficients c_k = a_k². */
    public double[] dualCoefficients() {
        return c.clone();
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return name;
    }

    /** {@inheritDoc} ξ(ρ) = Σ c_k ρᵏ (Horner). */
    @Override
    public double xi(double rho) {
        double s = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            s = s * rho + c[k];                                           // Eq. (1)
        }
        return s;
    }

    /** {@inheritDoc} ξ′(ρ) = Σ k c_k ρ^{k−1}. */
    @Override
    public double xiPrime(double rho) {
        double s = 0;
        for (int k = c.length - 1; k >= 1; k--) {
            s = s * rho + k * c[k];
        }
        return s;
    }

    /** {@inheritDoc} φ(x) = Σ a_k He_k(x)/√(k!). */
    @Override
    public double activation(double x) {
        double prev = 0;
        double he = 1;          // He_0
        double invSqrtFact = 1; // 1/√(0!)
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * he * invSqrtFact;
            double next = x * he - k * prev;                              // He_{k+1} = x·He_k − k·He_{k−1}
            prev = he;
            he = next;
            invSqrtFact /= Math.sqrt(k + 1);
        }
        return s;
    }

    /** {@inheritDoc} φ′(x) = Σ a_k·k·He_{k−1}(x)/√(k!) (He_k′ = k·He_{k−1}). */
    @Override
    public double activationDerivative(double x) {
        double prev = 0;
        double he = 1;          // He_{k-1}, starting at k = 1
        double s = 0;
        double invSqrtFact = 1;
        for (int k = 1; k < a.length; k++) {
            invSqrtFact /= Math.sqrt(k);
            s += a[k] * k * he * invSqrtFact;
            double next = x * he - (k - 1) * prev;
            prev = he;
            he = next;
        }
        return s;
    }

    /** φ applied elementwise to a DJL array (for a finite-width network with this activation). */
    public NDArray activation(NDArray x) {
        NDArray prev = null;
        NDArray he = x.onesLike();
        NDArray s = x.zerosLike();
        double invSqrtFact = 1;
        for (int k = 0; k < a.length; k++) {
            if (a[k] != 0) {
                s = s.add(he.mul(NdConstants.scalar(x, a[k] * invSqrtFact)));   // not mul(number): see NdConstants
            }
            NDArray next = prev == null ? x.mul(he) : x.mul(he).sub(prev.mul(NdConstants.scalar(x, k)));
            prev = he;
            he = next;
            invSqrtFact /= Math.sqrt(k + 1);
        }
        return s;
    }

    /** {@inheritDoc} */
    @Override
    public PowerTerm leadingTerm() {
        for (int k = 0; k < c.length; k++) {
            if (c[k] != 0) {
                return new PowerTerm(k, c[k]);
            }
        }
        throw new IllegalStateException("zero dual");
    }

    @Override
    public String toString() {
        return "HermiteDual[" + name + ", a=" + Arrays.toString(a) + "]";
    }

    private static String describe(double[] c) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < c.length; k++) {
            if (c[k] != 0) {
                String coef = String.format("%.4g", c[k]).replaceAll("\\.?0+$", "");
                String pow = k == 0 ? "" : k == 1 ? "ρ" : "ρ" + superscript(k);
                terms.add(k > 0 && coef.equals("1") ? pow : coef + pow);
            }
        }
        return String.join(" + ", terms);
    }

    private static String superscript(int k) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(k).toCharArray()) {
            sb.append(digits.charAt(ch - '0'));
        }
        return sb.toString();
    }

    /** Builds a {@link HermiteDual}. */
    public static final class Builder {
        private double[] a;
        private boolean normalize;
        private String name;

        /** The Hermite coefficients a₀, a₁, … of φ (required). */
        public Builder setCoefficients(double... a) {
            this.a = a.clone();
            return this;
        }

        /** Rescales the coefficients so that Σ a_k² = 1, i.e. ξ(1) = 1 (default false: then it must hold). */
        public Builder optNormalize(boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        /** A display name (default: the dual as a polynomial). */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** The dual. */
        public HermiteDual build() {
            if (a == null || a.length == 0) {
                throw new IllegalArgumentException("set the Hermite coefficients");
            }
            double s = 0;
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("coefficients must be finite");
                }
                s += v * v;
            }
            if (!(s > 0)) {
                throw new IllegalArgumentException("all coefficients are zero");
            }
            double[] b = a.clone();
            if (normalize) {
                for (int k = 0; k < b.length; k++) {
                    b[k] /= Math.sqrt(s);
                }
            } else if (Math.abs(s - 1) > 1e-12) {
                throw new IllegalArgumentException("ξ(1) = Σ a_k² = " + s + " ≠ 1; use optNormalize(true)");
            }
            return new HermiteDual(b, name);
        }
    }
}
