package org.reprolab.papers.sgntk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * An ensemble of B finite fully connected networks in NTK parametrisation (scalar output), with a hand-written
 * backward pass that can use a surrogate derivative: the finite-width object behind {@link SgNtk}.
 *
 * <p>Forward: h¹ = (σ_w/√n₀)·W¹x + σ_b·b¹, h^{l+1} = (σ_w/√n_l)·W^{l+1}φ(h^l) + σ_b·b^{l+1},
 * f = (σ_w/√n_L)·a·φ(h^L) + σ_b·b_out, every parameter ~ N(0, 1).
 *
 * <p>Backward with a derivative d (φ′ or the surrogate φ̃′): δ^L = (σ_w/√n_L)·a ⊙ d(h^L),
 * δ^{l} = (σ_w/√n_l)·(W^{l+1})ᵀδ^{l+1} ⊙ d(h^l). The gradient of a dense layer is an outer product,
 * ∂f/∂W^l = (σ_w/√n_{l−1})·δ^l ⊗ x^{l−1}, so the empirical kernel J(x)·J̃(x′)ᵀ is computed exactly without
 * materialising the per-example gradients:
 * <pre>
 *   Î(x, x′) = Σ_l (δ^l(x)·δ̃^l(x′))·(σ_w²/n_{l−1}·x^{l−1}·x′^{l−1} + σ_b²) + σ_w²/n_L·x^L·x′^L + σ_b²   (Eq. 4)
 * </pre>
 * with δ from the true derivative at x and δ̃ from the surrogate at x′. Surrogate gradient learning (SGL) is
 * gradient descent whose chain rule uses φ̃′: θ ← θ − η·J̃(X)ᵀ(f(X) − Y) on the loss ½‖f(X) − Y‖² (Eq. 5).
 *
 * <p>All arrays are float64. Shapes: inputs (N, n₀), outputs (B, N), kernels (B, N₁, N₂).
 *
 * <pre>{@code
 * SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(512).setActivation(Activation.sign())
 *         .optSurrogate(Derivative.erf(2)).optEnsemble(100).build();
 * net.initialize(manager, 42);
 * for (int t = 0; t < 1000; t++) net.step(x, y, 0.05);
 * NDArray f = net.forward(xTest);   // (100, N)
 * }</pre>
 */
public final class SurrogateMlp {

    private final int inputs;
    private final int width;
    private final int depth;
    private final Activation activation;
    private final Derivative surrogate;
    private final double sigmaW;
    private final double sigmaB;
    private final int ensemble;
    private final boolean antithetic;

    private NDArray[] weights;     // W^l: (B, n_l, n_{l−1}), l = 1..L
    private NDArray[] biases;      // b^l: (B, 1, n_l)
    private NDArray readout;       // a: (B, n_L, 1)
    private NDArray readoutBias;   // b_out: (B, 1, 1)

    private SurrogateMlp(Builder b) {
        this.inputs = b.inputs;
        this.width = b.width;
        this.depth = b.depth;
        this.activation = b.activation;
        this.surrogate = b.surrogate == null ? b.activation.derivative() : b.surrogate;
        this.sigmaW = b.sigmaW;
        this.sigmaB = b.sigmaB;
        this.ensemble = b.ensemble;
        this.antithetic = b.antithetic;
    }

    /** A builder; inputs, width and activation are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The analytic kernel this ensemble converges to as the width grows. */
    public SgNtk analytic() {
        return SgNtk.builder().setActivation(activation).optSurrogate(surrogate).optSigmaW(sigmaW).optSigmaB(sigmaB)
                .optDepth(depth).build();
    }

    /** B, the number of networks. */
    public int ensemble() {
        return ensemble;
    }

    /** n, the hidden width. */
    public int width() {
        return width;
    }

    /**
     * Draws every parameter from N(0, 1) with a seeded Java RNG (so the draw does not depend on the engine) and
     * places the arrays on {@code manager}. With antithetic pairs, network 2j+1 copies network 2j with the
     * readout (a, b_out) negated, so f₀ of the pair is (f₀, −f₀): the pair average is an unbiased, low-variance
     * estimate of the ensemble mean.
     */
    public void initialize(NDManager manager, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        weights = new NDArray[depth];
        biases = new NDArray[depth];
        int fanIn = inputs;
        for (int l = 0; l < depth; l++) {
            weights[l] = normal(manager, rng, new Shape(ensemble, width, fanIn), false);
            biases[l] = normal(manager, rng, new Shape(ensemble, 1, width), false);
            fanIn = width;
        }
        readout = normal(manager, rng, new Shape(ensemble, width, 1), true);
        readoutBias = normal(manager, rng, new Shape(ensemble, 1, 1), true);
    }

    private NDArray normal(NDManager manager, SplittableRandom rng, Shape shape, boolean negatePairs) {
        int per = (int) (shape.size() / ensemble);
        double[] v = new double[(int) shape.size()];
        for (int e = 0; e < ensemble; e++) {
            boolean twin = antithetic && e % 2 == 1;
            for (int i = 0; i < per; i++) {
                v[e * per + i] = twin ? (negatePairs ? -1 : 1) * v[(e - 1) * per + i] : rng.nextGaussian();
            }
        }
        return manager.create(v, shape);
    }

    /**
     * The parameters, in order W¹, b¹, …, W^L, b^L, a, b_out, with shapes (B, n_l, n_{l−1}), (B, 1, n_l),
     * (B, n_L, 1) and (B, 1, 1). Live arrays: changing them changes the networks.
     */
    public java.util.List<NDArray> parameters() {
        requireInitialized();
        java.util.List<NDArray> out = new java.util.ArrayList<>();
        for (int l = 0; l < depth; l++) {
            out.add(weights[l]);
            out.add(biases[l]);
        }
        out.add(readout);
        out.add(readoutBias);
        return out;
    }

    /** The outputs f(x) of every network: (B, N). */
    public NDArray forward(NDArray x) {
        requireInitialized();
        try (NDScope scope = new NDScope()) {
            NDArray f = pass(x).output;
            NDScope.unregister(f);
            return f;
        }
    }

    /**
     * The empirical kernel J(x1)·J̃(x2)ᵀ of every network (Eq. 4): (B, N₁, N₂). With the surrogate equal to φ′ it
     * is the empirical NTK.
     */
    public NDArray kernel(NDArray x1, NDArray x2) {
        requireInitialized();
        try (NDScope scope = new NDScope()) {
            Pass p1 = pass(x1);
            Pass p2 = x1 == x2 ? p1 : pass(x2);
            NDArray[] d1 = backward(p1, activation.derivative());
            NDArray[] d2 = backward(p2, surrogate);
            NDArray k = p1.xs[depth].matMul(p2.xs[depth].transpose(0, 2, 1)).muli(sigmaW * sigmaW / width)
                    .addi(sigmaB * sigmaB);                                                    // readout terms
            for (int l = 1; l <= depth; l++) {
                int fanIn = l == 1 ? inputs : width;
                NDArray xPrev2 = l == 1 ? p2.xs[0].transpose() : p2.xs[l - 1].transpose(0, 2, 1);
                NDArray features = p1.xs[l - 1].matMul(xPrev2).muli(sigmaW * sigmaW / fanIn).addi(sigmaB * sigmaB);
                k = k.addi(d1[l].matMul(d2[l].transpose(0, 2, 1)).muli(features));        // Eq. 4
            }
            NDScope.unregister(k);
            return k;
        }
    }

    /** {@link #kernel} as matrices: {@code [network][i][j]} = J(x1_i)·J̃(x2_j)ᵀ of that network. */
    public double[][][] kernelMatrices(NDArray x1, NDArray x2) {
        double[] flat = kernel(x1, x2).toDoubleArray();
        int n1 = (int) x1.getShape().get(0);
        int n2 = (int) x2.getShape().get(0);
        double[][][] k = new double[ensemble][n1][n2];
        for (int b = 0; b < ensemble; b++) {
            for (int i = 0; i < n1; i++) {
                System.arraycopy(flat, (b * n1 + i) * n2, k[b][i], 0, n2);
            }
        }
        return k;
    }

    /**
     * One step of surrogate gradient descent on ½·Σ_i (f(x_i) − y_i)² for every network at once (Eq. 5).
     *
     * @param x inputs (N, n₀)
     * @param y targets (N)
     * @param eta learning rate η
     */
    public void step(NDArray x, NDArray y, double eta) {
        requireInitialized();
        try (NDScope scope = new NDScope()) {
            Pass p = pass(x);
            NDArray r = p.output.sub(y);                                          // (B, N)
            NDArray[] d = backward(p, surrogate);
            NDArray rCol = r.expandDims(2);                                       // (B, N, 1)
            NDArray gReadout = p.xs[depth].transpose(0, 2, 1).matMul(rCol).muli(sigmaW / Math.sqrt(width));
            NDArray gReadoutBias = r.sum(new int[] {1}, true).expandDims(2).muli(sigmaB);
            NDArray[] gW = new NDArray[depth];
            NDArray[] gB = new NDArray[depth];
            for (int l = 1; l <= depth; l++) {
                int fanIn = l == 1 ? inputs : width;
                NDArray rd = d[l].mul(rCol);                                        // (B, N, n_l)
                gW[l - 1] = rd.transpose(0, 2, 1).matMul(p.xs[l - 1]).muli(sigmaW / Math.sqrt(fanIn));
                gB[l - 1] = rd.sum(new int[] {1}, true).muli(sigmaB);
            }
            readout.subi(gReadout.muli(eta));                                     // Eq. 5
            readoutBias.subi(gReadoutBias.muli(eta));
            for (int l = 0; l < depth; l++) {
                weights[l].subi(gW[l].muli(eta));
                biases[l].subi(gB[l].muli(eta));
            }
        }
    }

    private record Pass(NDArray[] xs, NDArray[] hs, NDArray output) {}

    /** Forward pass keeping x^l (xs[0] = input) and h^l (l = 1..L). */
    private Pass pass(NDArray x) {
        if (x.getShape().dimension() != 2 || x.getShape().get(1) != inputs) {
            throw new IllegalArgumentException("inputs must be (N, " + inputs + "), got " + x.getShape());
        }
        if (x.getDataType() != DataType.FLOAT64) {
            throw new IllegalArgumentException("inputs must be float64, got " + x.getDataType());
        }
        NDArray[] xs = new NDArray[depth + 1];
        NDArray[] hs = new NDArray[depth + 1];
        xs[0] = x;
        for (int l = 1; l <= depth; l++) {
            int fanIn = l == 1 ? inputs : width;
            hs[l] = xs[l - 1].matMul(weights[l - 1].transpose(0, 2, 1)).muli(sigmaW / Math.sqrt(fanIn))
                    .addi(biases[l - 1].mul(sigmaB));                              // (B, N, n_l)
            xs[l] = activation.apply(hs[l]);
        }
        NDArray f = xs[depth].matMul(readout).muli(sigmaW / Math.sqrt(width)).addi(readoutBias.mul(sigmaB))
                .squeeze(2);                                                       // (B, N)
        return new Pass(xs, hs, f);
    }

    /** δ^l = ∂f/∂h^l with {@code d} in place of φ′, l = 1..L: (B, N, n_l). */
    private NDArray[] backward(Pass p, Derivative d) {
        NDArray[] delta = new NDArray[depth + 1];
        NDArray g = readout.transpose(0, 2, 1).mul(sigmaW / Math.sqrt(width));    // ∂f/∂x^L: (B, 1, n_L)
        for (int l = depth; l >= 1; l--) {
            delta[l] = d.at(p.hs[l]).muli(g);                                      // (B, N, n_l)
            if (l > 1) {
                g = delta[l].matMul(weights[l - 1]).muli(sigmaW / Math.sqrt(width)); // (B, N, n_{l−1})
            }
        }
        return delta;
    }

    private void requireInitialized() {
        if (weights == null) {
            throw new IllegalStateException("call initialize(manager, seed) first");
        }
    }

    /** Builds a {@link SurrogateMlp}. Defaults: σ_w = 1, σ_b = 0.1, one hidden layer, one network. */
    public static final class Builder {
        private int inputs;
        private int width;
        private int depth = 1;
        private Activation activation;
        private Derivative surrogate;
        private double sigmaW = 1;
        private double sigmaB = 0.1;
        private int ensemble = 1;
        private boolean antithetic;

        private Builder() {}

        /** n₀, the input dimension (required). */
        public Builder setInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        /** n, the width of every hidden layer (required). */
        public Builder setWidth(int width) {
            this.width = width;
            return this;
        }

        /** φ (required). */
        public Builder setActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** L, the number of hidden layers (default 1). */
        public Builder optDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** φ̃′, the derivative used in the weight update (default φ′: plain gradient descent). */
        public Builder optSurrogate(Derivative surrogate) {
            this.surrogate = surrogate;
            return this;
        }

        /** σ_w (default 1). */
        public Builder optSigmaW(double sigmaW) {
            this.sigmaW = sigmaW;
            return this;
        }

        /** σ_b (default 0.1). */
        public Builder optSigmaB(double sigmaB) {
            this.sigmaB = sigmaB;
            return this;
        }

        /** B, the number of independently initialised networks trained side by side (default 1). */
        public Builder optEnsemble(int ensemble) {
            this.ensemble = ensemble;
            return this;
        }

        /** Antithetic pairs: network 2j+1 is network 2j with its readout negated (needs an even ensemble). */
        public Builder optAntithetic(boolean antithetic) {
            this.antithetic = antithetic;
            return this;
        }

        /** Checks and builds. */
        public SurrogateMlp build() {
            if (inputs < 1 || width < 1 || depth < 1 || ensemble < 1) {
                throw new IllegalArgumentException("need inputs, width, depth and ensemble ≥ 1, got " + inputs + ", "
                        + width + ", " + depth + ", " + ensemble);
            }
            if (activation == null) {
                throw new IllegalArgumentException("setActivation is required");
            }
            if (!(sigmaW > 0) || !(sigmaB >= 0)) {
                throw new IllegalArgumentException("need σ_w > 0 and σ_b ≥ 0, got " + sigmaW + ", " + sigmaB);
            }
            if (antithetic && ensemble % 2 != 0) {
                throw new IllegalArgumentException("antithetic pairs need an even ensemble, got " + ensemble);
            }
            if ((long) ensemble * width * Math.max(width, inputs) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ensemble × width² too large for one array");
            }
            return new SurrogateMlp(this);
        }
    }
}
