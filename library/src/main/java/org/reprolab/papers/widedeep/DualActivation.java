package org.reprolab.papers.widedeep;

/**
 * The dual of an activation φ: the map \( ξ(ρ) = E[φ(u)φ(v)] \) for standard normal u, v with correlation ρ,
 * normalised so that ξ(1) = E[φ(u)²] = 1. Its derivative is the dual of φ′: \( ξ′(ρ) = E[φ′(u)φ′(v)] \)
 * (Gaussian integration by parts). One hidden layer of an infinitely wide network maps the correlation ρ of
 * two unit-norm inputs to ξ(ρ); {@link DeepKernel} iterates that map.
 *
 * <p>The limit of infinite depth depends on ξ only through a few numbers (see {@link #regime()}):
 * ξ(0), ξ′(0) and ξ′(1).
 */
public interface DualActivation {

    /** A short name, e.g. {@code "erf"} or {@code "0.5ρ + 0.5ρ³"}. */
    String name();

    /** ξ(ρ) for ρ in [−1, 1]. */
    double xi(double rho);

    /** ξ′(ρ) for ρ in [−1, 1]. */
    double xiPrime(double rho);

    /** The activation φ whose dual this is (unit second moment under N(0, 1)). */
    double activation(double x);

    /** φ′(x). */
    double activationDerivative(double x);

    /**
     * The lowest-order term c·ρᵏ of ξ at ρ = 0 (k = 0 when ξ(0) ≠ 0). {@link DeepKernel} uses it once the
     * iterated correlation is so small (|ρ| below 1e-12) that ξ(ρ) = c·ρᵏ to double precision, to go on in
     * log space or in closed form instead of underflowing.
     */
    PowerTerm leadingTerm();

    /** ξ′(0). */
    default double slopeAtZero() {
        return xiPrime(0);
    }

    /** ξ′(1): how fast nearby inputs separate layer after layer. */
    default double slopeAtOne() {
        return xiPrime(1);
    }

    /**
     * The exponent α of the singular kernel \( \|x − z\|^{−α} \) that the infinitely deep kernel becomes
     * (numbering ours, Eq. 3): \( α = 2\ln(1/ξ′(0)) / \ln ξ′(1) \) when ξ(0) = 0 and 0 &lt; ξ′(0) &lt; 1 &lt; ξ′(1);
     * +∞ when ξ′(0) = 0; NaN outside the singular regimes.
     *
     * <p>Why: a pair at distance² 2ε has 1 − ρ_l ≈ ξ′(1)ˡ ε for the first l* = ln(1/ε)/ln ξ′(1) layers, after
     * which ρ_l decays like ξ′(0)^{l − l*}. Normalised by ξ′(0)^L, the kernel is ξ′(0)^{−l*} = ε^{−α/2}.
     */
    default double singularExponent() {
        Regime r = regime();
        if (r == Regime.NEAREST_NEIGHBOUR) {
            return Double.POSITIVE_INFINITY;
        }
        if (r != Regime.SINGULAR_KERNEL) {
            return Double.NaN;
        }
        return 2 * Math.log(1 / slopeAtZero()) / Math.log(slopeAtOne());
    }

    /**
     * Which classical classifier the infinitely deep network's classifier becomes (our reading of the
     * paper's taxonomy; the conditions are derived here and checked numerically by the reproduction):
     * <ul>
     *   <li>ξ(0) = 0, ξ′(0) = 0, ξ′(1) &gt; 1: {@link Regime#NEAREST_NEIGHBOUR} (correlations below 1 collapse
     *       to 0 faster than any power, so the nearest training point dominates);</li>
     *   <li>ξ(0) = 0, 0 &lt; ξ′(0) &lt; 1 &lt; ξ′(1): {@link Regime#SINGULAR_KERNEL} with exponent
     *       {@link #singularExponent()};</li>
     *   <li>ξ(0) &gt; 0 and ξ′(1) ≥ 1: {@link Regime#MAJORITY_VOTE} (every off-diagonal entry tends to the
     *       same constant, relative to the diagonal, so only the class counts matter);</li>
     *   <li>anything else: {@link Regime#UNCLASSIFIED}.</li>
     * </ul>
     */
    default Regime regime() {
        double x0 = xi(0);
        double s0 = slopeAtZero();
        double s1 = slopeAtOne();
        if (x0 > 0) {
            return s1 >= 1 ? Regime.MAJORITY_VOTE : Regime.UNCLASSIFIED;
        }
        if (x0 < 0 || !(s1 > 1)) {
            return Regime.UNCLASSIFIED;
        }
        if (s0 == 0) {
            return Regime.NEAREST_NEIGHBOUR;
        }
        return s0 > 0 && s0 < 1 ? Regime.SINGULAR_KERNEL : Regime.UNCLASSIFIED;
    }

    /** The classifier an infinitely deep, infinitely wide network implements. */
    enum Regime {
        /** 1-nearest neighbour. */
        NEAREST_NEIGHBOUR,
        /** A singular kernel classifier sign Σ yᵢ‖x − xᵢ‖^{−α}. */
        SINGULAR_KERNEL,
        /** The label of the larger class in the training set. */
        MAJORITY_VOTE,
        /** Outside the cases derived here. */
        UNCLASSIFIED
    }

    /**
     * A term c·ρᵏ.
     *
     * @param power k ≥ 0
     * @param coefficient c ≠ 0
     */
    record PowerTerm(int power, double coefficient) {

        /** Checks the fields. */
        public PowerTerm {
            if (power < 0 || coefficient == 0 || !Double.isFinite(coefficient)) {
                throw new IllegalArgumentException("need k ≥ 0 and a finite c ≠ 0, got k=" + power + ", c="
                        + coefficient);
            }
        }
    }
}
