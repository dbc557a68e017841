package org.reprolab.papers.sgntk;

import org.reprolab.engine.Interrupts;

/**
 * The analytic (infinite-width) kernels of a fully connected network in NTK parametrisation: the NNGP kernel
 * Σ, the neural tangent kernel Θ and its generalisation to surrogate gradient learning, the SG-NTK I.
 *
 * <p>Network, with L hidden layers of widths n_l, scalar output and all weights and biases ~ N(0, 1):
 * h¹ = (σ_w/√n₀)·W¹x + σ_b·b¹, h^{l+1} = (σ_w/√n_l)·W^{l+1}·φ(h^l) + σ_b·b^{l+1}, f = h^{L+1}.
 *
 * <p>Recursions (numbering ours), (u, v) ~ N(0, Σ^l restricted to {x, x′}):
 * <pre>
 *   Σ¹(x, x′)   = σ_w²·x·x′/n₀ + σ_b²                              (Eq. 1)
 *   Σ^{l+1}     = σ_w²·E[φ(u)·φ(v)] + σ_b²                           (Eq. 2)
 *   I¹          = Σ¹,   I^{l+1} = Σ^{l+1} + σ_w²·I^l·E[φ′(u)·φ̃′(v)]     (Eq. 3)
 * </pre>
 * With φ̃′ = φ′, Eq. 3 is the standard NTK Θ; for sign, φ′ = 2δ and Θ is infinite on the diagonal (the naive
 * extension degenerates). Surrogate gradient learning uses the true derivative where the network is evaluated
 * (x) and the surrogate in the weight update (x′): ḟ(x) = −η·J(x)·J̃(X)ᵀ·∇_f L, whose infinite-width limit is
 * I(x, X). I is not symmetric in general; on inputs of equal norm it is.
 *
 * <pre>{@code
 * SgNtk k = SgNtk.builder().setActivation(Activation.sign()).optSurrogate(Derivative.erf(2)).optDepth(2).build();
 * double[][] i = k.kernel(x, x);     // SG-NTK I(x_i, x_j)
 * double[][] s = k.nngp(x, x);       // covariance of the network at initialisation
 * }</pre>
 */
public final class SgNtk {

    private final Activation activation;
    private final Derivative surrogate;
    private final double sigmaW;
    private final double sigmaB;
    private final int depth;

    private SgNtk(Builder b) {
        this.activation = b.activation;
        this.surrogate = b.surrogate == null ? b.activation.derivative() : b.surrogate;
        this.sigmaW = b.sigmaW;
        this.sigmaB = b.sigmaB;
        this.depth = b.depth;
    }

    /** A builder; the activation is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The activation φ. */
    public Activation activation() {
        return activation;
    }

    /** The derivative used in the weight update: the surrogate φ̃′, or φ′ for the standard NTK. */
    public Derivative surrogate() {
        return surrogate;
    }

    /** σ_w. */
    public double sigmaW() {
        return sigmaW;
    }

    /** σ_b. */
    public double sigmaB() {
        return sigmaB;
    }

    /** The number of hidden layers L. */
    public int depth() {
        return depth;
    }

    /** The same kernel with the true derivative in place of the surrogate: the naive NTK Θ. */
    public SgNtk naive() {
        return builder().setActivation(activation).optSigmaW(sigmaW).optSigmaB(sigmaB).optDepth(depth).build();
    }

    /** The kernel values at one pair of inputs: Σ^{L+1}(x, x′) and I^{L+1}(x, x′). */
    public record Entry(double nngp, double kernel) {}

    /** Σ^{L+1}(x, y) and I^{L+1}(x, y) (Eqs. 1–3), with the true derivative at x and the surrogate at y. */
    public Entry entry(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("inputs of different dimension: " + x.length + " and " + y.length);
        }
        int n0 = x.length;
        double a = sigmaW * sigmaW * dot(x, x) / n0 + sigmaB * sigmaB;       // Eq. 1 at (x, x)
        double b = sigmaW * sigmaW * dot(y, y) / n0 + sigmaB * sigmaB;       // Eq. 1 at (y, y)
        double c = sigmaW * sigmaW * dot(x, y) / n0 + sigmaB * sigmaB;       // Eq. 1 at (x, y)
        double k = c;                                                         // I¹ = Σ¹
        Derivative truth = activation.derivative();
        for (int l = 1; l <= depth; l++) {
            double dot = GaussianExpectations.derivativeProduct(truth, surrogate, a, b, c);
            double na = sigmaW * sigmaW * activation.gaussianProduct(a, a, a) + sigmaB * sigmaB;   // Eq. 2
            double nb = sigmaW * sigmaW * activation.gaussianProduct(b, b, b) + sigmaB * sigmaB;   // Eq. 2
            double nc = sigmaW * sigmaW * activation.gaussianProduct(a, b, c) + sigmaB * sigmaB;   // Eq. 2
            k = nc + sigmaW * sigmaW * k * dot;                                                     // Eq. 3
            a = na;
            b = nb;
            c = nc;
        }
        return new Entry(c, k);
    }

    /** The SG-NTK matrix I(x1_i, x2_j) (true derivative at x1, surrogate at x2). */
    public double[][] kernel(double[][] x1, double[][] x2) {
        return matrix(x1, x2, false);
    }

    /** The NNGP matrix Σ^{L+1}(x1_i, x2_j): the covariance of the network output at initialisation. */
    public double[][] nngp(double[][] x1, double[][] x2) {
        return matrix(x1, x2, true);
    }

    /** Functional form: the SG-NTK I(x, y) of a network with {@code depth} hidden layers (Eqs. 1–3). */
    public static double sgNtk(Activation activation, Derivative surrogate, double sigmaW, double sigmaB, int depth,
            double[] x, double[] y) {
        return builder().setActivation(activation).optSurrogate(surrogate).optSigmaW(sigmaW).optSigmaB(sigmaB)
                .optDepth(depth).build().entry(x, y).kernel();
    }

    private double[][] matrix(double[][] x1, double[][] x2, boolean nngp) {
        double[][] out = new double[x1.length][x2.length];
        for (int i = 0; i < x1.length; i++) {
            Interrupts.check();
            for (int j = 0; j < x2.length; j++) {
                Entry e = entry(x1[i], x2[j]);
                out[i][j] = nngp ? e.nngp() : e.kernel();
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "SgNtk[" + activation.name() + ", surrogate " + surrogate.name() + ", σ_w=" + sigmaW + ", σ_b="
                + sigmaB + ", L=" + depth + "]";
    }

    /** Builds an {@link SgNtk}. Defaults (ours; the paper's values are not known to us): σ_w = 1, σ_b = 0.1, L = 1. */
    public static final class Builder {
        private Activation activation;
        private Derivative surrogate;
        private double sigmaW = 1;
        private double sigmaB = 0.1;
        private int depth = 1;

        private Builder() {}

        /** The activation φ (required). */
        public Builder setActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** The surrogate derivative φ̃′ (default: φ′, which gives the standard NTK). */
        public Builder optSurrogate(Derivative surrogate) {
            this.surrogate = surrogate;
            return this;
        }

        /** σ_w, the weight scale (default 1). */
        public Builder optSigmaW(double sigmaW) {
            this.sigmaW = sigmaW;
            return this;
        }

        /** σ_b, the bias scale (default 0.1). */
        public Builder optSigmaB(double sigmaB) {
            this.sigmaB = sigmaB;
            return this;
        }

        /** L, the number of hidden layers (default 1). */
        public Builder optDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** Checks and builds. */
        public SgNtk build() {
            if (activation == null) {
                throw new IllegalArgumentException("setActivation is required");
            }
            if (!(sigmaW > 0) || !(sigmaB >= 0)) {
                throw new IllegalArgumentException("need σ_w > 0 and σ_b ≥ 0, got " + sigmaW + ", " + sigmaB);
            }
            if (depth < 1) {
                throw new IllegalArgumentException("need at least one hidden layer, got " + depth);
            }
            return new SgNtk(this);
        }
    }
}
