package org.reprolab.sparsity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.function.BiConsumer;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.Act;

/**
 * A one-block transformer classifier over a sequence of T tokens of F features each (an image's rows, say),
 * small enough to train on a CPU in seconds:
 *
 * <pre>
 *   x (B, T·F) → (B, T, F);  h = E x + P                    (P: sinusoidal positions)
 *   h ← h + O · Attention(Q n(h), K n(h), V n(h))             (n: RMS normalisation; causal if asked)
 *   h ← h + W_down φ(W_up n(h))                               (the feed-forward network, FFN)
 *   logits = head(n(r)),  r = mean of h over tokens, or the last token's h when causal
 * </pre>
 *
 * <p>In inference mode two {@link InputSparsifier}s can zero entries of the FFN's inputs: the input of W_up
 * (the normalised hidden state, width d) and the input of W_down (the activations φ(·), width d_ff); a recorder
 * receives the dense FFN input and activations of every inference pass. Training ignores all three.
 */
public final class TinyTransformer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int tokens;
    private final int dim;
    private final int heads;
    private final int hidden;
    private final int outputs;
    private final boolean causal;
    private final Act activation;
    private final Linear embed;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear mix;
    private final Linear up;
    private final Linear down;
    private final Linear head;
    private InputSparsifier upSparsifier;
    private InputSparsifier downSparsifier;
    private BiConsumer<NDArray, NDArray> recorder;

    private TinyTransformer(Builder b) {
        super(VERSION);
        this.tokens = b.tokens;
        this.dim = b.dim;
        this.heads = b.heads;
        this.hidden = b.hidden;
        this.outputs = b.outputs;
        this.causal = b.causal;
        this.activation = b.activation;
        if (tokens <= 0 || dim <= 0 || hidden <= 0 || outputs <= 0 || heads <= 0 || dim % heads != 0) {
            throw new IllegalArgumentException("TinyTransformer needs tokens, dim, hidden, outputs > 0 and heads "
                    + "dividing dim");
        }
        this.embed = addChildBlock("embed", Linear.builder().setUnits(dim).build());
        this.query = addChildBlock("query", Linear.builder().setUnits(dim).build());
        this.key = addChildBlock("key", Linear.builder().setUnits(dim).build());
        this.value = addChildBlock("value", Linear.builder().setUnits(dim).build());
        this.mix = addChildBlock("mix", Linear.builder().setUnits(dim).build());
        this.up = addChildBlock("up", Linear.builder().setUnits(hidden).build());
        this.down = addChildBlock("down", Linear.builder().setUnits(dim).build());
        this.head = addChildBlock("head", Linear.builder().setUnits(outputs).build());
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Tokens per sequence. */
    public int tokens() {
        return tokens;
    }

    /** The FFN's width d_ff. */
    public int hidden() {
        return hidden;
    }

    /** The FFN's up projection W_up (d_ff, d). */
    public NDArray upWeight() {
        return SparseInference.weight(up);
    }

    /** The FFN's down projection W_down (d, d_ff). */
    public NDArray downWeight() {
        return SparseInference.weight(down);
    }

    /** Sparsifies the FFN's inputs in inference mode (null: dense); returns this block. */
    public TinyTransformer setSparsifiers(InputSparsifier upInput, InputSparsifier downInput) {
        this.upSparsifier = upInput;
        this.downSparsifier = downInput;
        return this;
    }

    /**
     * Receives, in each inference pass and before any sparsifier, the FFN's input n(h) (B, T, d) and its
     * activations φ(W_up n(h)) (B, T, d_ff) (null: none; the arrays close with the pass); returns this block.
     */
    public TinyTransformer setRecorder(BiConsumer<NDArray, NDArray> recorder) {
        this.recorder = recorder;
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long b = x.getShape().get(0);
        NDArray h = apply(embed, store, x.reshape(b, tokens, -1), training).add(positions(x.getManager()));
        NDArray n = rmsNorm(h);
        int dh = dim / heads;
        NDArray q = split(apply(query, store, n, training), b, dh);
        NDArray k = split(apply(key, store, n, training), b, dh);
        NDArray v = split(apply(value, store, n, training), b, dh);
        NDArray scores = NdConstants.mul(q.matMul(k.transpose(0, 1, 3, 2)), 1 / Math.sqrt(dh));
        if (causal) {
            scores = scores.add(causalMask(x.getManager()));
        }
        NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, tokens, dim);
        h = h.add(apply(mix, store, attended, training));
        NDArray u = rmsNorm(h);
        NDArray a = activation.apply(apply(up, store, u, training));
        if (!training && recorder != null) {
            recorder.accept(u, a);
        }
        if (!training && upSparsifier != null) {
            a = activation.apply(apply(up, store, upSparsifier.sparsify(u, upWeight()), false));
        }
        if (!training && downSparsifier != null) {
            a = downSparsifier.sparsify(a, downWeight());
        }
        h = h.add(apply(down, store, a, training));
        NDArray r = causal ? h.get(":, -1, :") : h.mean(new int[] {1});
        return new NDList(apply(head, store, rmsNorm(r), training));
    }

    private static NDArray apply(Linear l, ParameterStore store, NDArray x, boolean training) {
        return l.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** (B, T, d) → (B, heads, T, d/heads). */
    private NDArray split(NDArray x, long b, int dh) {
        return x.reshape(b, tokens, heads, dh).transpose(0, 2, 1, 3);
    }

    /** x / √(mean(x²) + 1e-5) over the last axis. */
    static NDArray rmsNorm(NDArray x) {
        return x.div(x.square().mean(new int[] {-1}, true).add(NdConstants.scalar(x, 1e-5)).sqrt());
    }

    /** Sinusoidal positions (T, d): sin and cos of t / 10000^(2i/d). */
    private NDArray positions(NDManager manager) {
        float[] p = new float[tokens * dim];
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < dim; i++) {
                double angle = t / Math.pow(10_000, 2.0 * (i / 2) / dim);
                p[t * dim + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(p, new Shape(tokens, dim));
    }

    /** (T, T): 0 where token t may attend to s ≤ t, −1e9 above the diagonal. */
    private NDArray causalMask(NDManager manager) {
        float[] m = new float[tokens * tokens];
        for (int t = 0; t < tokens; t++) {
            for (int s = t + 1; s < tokens; s++) {
                m[t * tokens + s] = -1e9f;
            }
        }
        return manager.create(m, new Shape(tokens, tokens));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long f = inputShapes[0].get(1) / tokens;
        Shape seq = new Shape(b, tokens, dim);
        embed.initialize(manager, dataType, new Shape(b, tokens, f));
        for (Linear l : new Linear[] {query, key, value, mix, up}) {
            l.initialize(manager, dataType, seq);
        }
        down.initialize(manager, dataType, new Shape(b, tokens, hidden));
        head.initialize(manager, dataType, new Shape(b, dim));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }

    /** Builds a {@link TinyTransformer}. */
    public static final class Builder {
        private int tokens;
        private int dim = 32;
        private int heads = 2;
        private int hidden = 128;
        private int outputs;
        private boolean causal;
        private Act activation = Act.RELU;

        private Builder() {}

        /** Tokens per sequence; the input's F = features / tokens. */
        public Builder setTokens(int tokens) {
            this.tokens = tokens;
            return this;
        }

        /** Classes. */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Model width d (default 32). */
        public Builder optDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** Attention heads (default 2; must divide d). */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** The FFN's width d_ff (default 128). */
        public Builder optHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Causal attention, read out from the last token (default: bidirectional, mean over tokens). */
        public Builder optCausal(boolean causal) {
            this.causal = causal;
            return this;
        }

        /** The FFN's activation φ (default ReLU). */
        public Builder optActivation(Act activation) {
            this.activation = activation;
            return this;
        }

        /** The block, not yet initialised. */
        public TinyTransformer build() {
            return new TinyTransformer(this);
        }
    }
}
