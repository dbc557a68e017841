package org.reprolab.papers.neuroformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.TinyGpt;

/**
 * A tiny Neuroformer: the spike-token decoder with a past-window context. The past spikes (ID, bin) are embedded
 * as c = LN(E_id[id] + E_past[bin]); the current window's tokens as x = E_id[id] + E_Δt[Δt]. Each of the
 * {@code layers} pre-norm blocks applies causal self-attention, cross-attention from the current tokens to the
 * past tokens, and a GELU MLP, each with a residual:
 * <pre>
 *   x ← x + SelfAttn(LN(x); causal)                                   numbering ours: Eq. (4)
 *   x ← x + softmax(Q(LN(x)) K(c)ᵀ / √d_h + b_pad) V(c)                Eq. (5), the attention read as coupling
 *   x ← x + MLP(LN(x))
 * </pre>
 * Heads read LN(x): next-ID logits (vocabulary N + 3), next-Δt logits (C + 1 classes) and a behaviour value
 * (speed) from the mean of LN(x) over the window's real tokens. Inputs (see {@link SpikeTokens.Batch#inputs}):
 * past IDs [B, Lp], past bins [B, Lp], past bias [B, Lp], IDs [B, L], Δt bins [B, L], mask [B, L]; outputs:
 * ID logits [B, L, V], Δt logits [B, L, C + 1], speed [B]. The paper's video and contrastive (CLIP) modalities
 * are left out. {@link #crossAttention} returns the attention weights of Eq. (5).
 */
public final class Neuroformer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int dim;
    private final int layers;
    private final int heads;
    private final int vocabulary;
    private final int currentBins;
    private final Parameter idEmbedding;
    private final Parameter pastTime;
    private final Parameter currentTime;
    private final List<Parameter[]> blocks = new ArrayList<>();
    private final Parameter idHead;
    private final Parameter dtHead;
    private final Parameter speedHead;
    private final Parameter speedBias;

    private Neuroformer(Builder b) {
        super(VERSION);
        dim = b.dim;
        layers = b.layers;
        heads = b.heads;
        vocabulary = b.neurons + 3;
        currentBins = b.currentBins;
        idEmbedding = weight("idEmbedding", new Shape(vocabulary, dim));
        pastTime = weight("pastTime", new Shape(b.pastBins, dim));
        currentTime = weight("currentTime", new Shape(currentBins + 1, dim));
        int hidden = 4 * dim;
        for (int l = 0; l < layers; l++) {
            blocks.add(new Parameter[] {weight("qkv" + l, new Shape(dim, 3L * dim)),
                weight("proj" + l, new Shape(dim, dim)), weight("crossQ" + l, new Shape(dim, dim)),
                weight("crossKv" + l, new Shape(dim, 2L * dim)), weight("crossProj" + l, new Shape(dim, dim)),
                weight("up" + l, new Shape(dim, hidden)), bias("upBias" + l, new Shape(hidden)),
                weight("down" + l, new Shape(hidden, dim)), bias("downBias" + l, new Shape(dim))});
        }
        idHead = weight("idHead", new Shape(dim, vocabulary));
        dtHead = weight("dtHead", new Shape(dim, currentBins + 1));
        speedHead = weight("speedHead", new Shape(dim, 1));
        speedBias = bias("speedBias", new Shape(1));
    }

    private Parameter weight(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape)
                .optInitializer(new NormalInitializer(0.02f)).build());
    }

    private Parameter bias(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BIAS).optShape(shape).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return run(store, inputs, training, null);
    }

    /**
     * The cross-attention weights of Eq. (5) in inference mode, one [B, heads, L, Lp] array per layer: row k is how
     * the token at position k (which predicts the next ID) spreads its attention over the past spikes.
     */
    public List<NDArray> crossAttention(NDList inputs) {
        List<NDArray> keep = new ArrayList<>();
        run(new ParameterStore(inputs.head().getManager(), false), inputs, false, keep);
        return keep;
    }

    private NDArray value(ParameterStore store, Parameter p, NDArray like, boolean training) {
        return store.getValue(p, like.getDevice(), training);
    }

    private NDList run(ParameterStore store, NDList in, boolean training, List<NDArray> keep) {
        NDArray pastIds = in.get(0);
        NDArray ids = in.get(3);
        int b = (int) ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        int tp = (int) pastIds.getShape().get(1);
        int dh = dim / heads;
        NDArray table = value(store, idEmbedding, ids, training);
        NDArray context = TinyGpt.layerNorm(TinyGpt.embed(pastIds, table)
                .add(TinyGpt.embed(in.get(1), value(store, pastTime, ids, training))));
        NDArray padBias = in.get(2).reshape(b, 1, 1, tp);
        NDArray x = TinyGpt.embed(ids, table).add(TinyGpt.embed(in.get(4), value(store, currentTime, ids, training)));
        NDArray mask = TinyGpt.causalMask(ids.getManager(), t);
        for (Parameter[] p : blocks) {
            NDArray qkv = TinyGpt.layerNorm(x).matMul(value(store, p[0], ids, training)).reshape(b, t, 3, heads, dh)
                    .transpose(2, 0, 3, 1, 4); // [3, B, H, T, dh]
            NDArray scores = NdConstants.mul(qkv.get(0).matMul(qkv.get(1).transpose(0, 1, 3, 2)),
                    1.0 / Math.sqrt(dh)).add(mask); // Eq. (4)
            NDArray attended = scores.softmax(-1).matMul(qkv.get(2)).transpose(0, 2, 1, 3).reshape(b, t, dim);
            x = x.add(attended.matMul(value(store, p[1], ids, training)));
            NDArray q = TinyGpt.layerNorm(x).matMul(value(store, p[2], ids, training)).reshape(b, t, heads, dh)
                    .transpose(0, 2, 1, 3); // [B, H, T, dh]
            NDArray kv = context.matMul(value(store, p[3], ids, training)).reshape(b, tp, 2, heads, dh)
                    .transpose(2, 0, 3, 1, 4); // [2, B, H, Tp, dh]
            NDArray weights = NdConstants.mul(q.matMul(kv.get(0).transpose(0, 1, 3, 2)), 1.0 / Math.sqrt(dh))
                    .add(padBias).softmax(-1); // Eq. (5)
            if (keep != null) {
                keep.add(weights);
            }
            NDArray crossed = weights.matMul(kv.get(1)).transpose(0, 2, 1, 3).reshape(b, t, dim);
            x = x.add(crossed.matMul(value(store, p[4], ids, training)));
            NDArray up = TinyGpt.layerNorm(x).matMul(value(store, p[5], ids, training))
                    .add(value(store, p[6], ids, training));
            x = x.add(Activation.gelu(up).matMul(value(store, p[7], ids, training))
                    .add(value(store, p[8], ids, training)));
        }
        NDArray h = TinyGpt.layerNorm(x);
        NDArray m = in.get(5).expandDims(-1); // [B, T, 1]
        NDArray pooled = h.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
        NDArray speed = pooled.matMul(value(store, speedHead, ids, training))
                .add(value(store, speedBias, ids, training)).reshape(b);
        return new NDList(h.matMul(value(store, idHead, ids, training)), h.matMul(value(store, dtHead, ids, training)),
                speed);
    }

    /** Mean cross-entropy (nats) of logits [B, L, K] against targets [B, L] over the positions where mask is 1. */
    public static NDArray maskedCrossEntropy(NDArray logits, NDArray targets, NDArray mask) {
        int k = (int) logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray logp = logits.logSoftmax(-1);
        NDArray picked = logp.mul(targets.oneHot(k).toType(logp.getDataType(), false)).sum(new int[] {-1});
        return picked.mul(mask).sum().div(mask.sum()).neg();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape ids = inputs[3];
        return new Shape[] {ids.add(vocabulary), ids.add(currentBins + 1), new Shape(ids.get(0))};
    }

    /** The ID vocabulary N + 3. */
    public int vocabulary() {
        return vocabulary;
    }

    /** Builds a {@link Neuroformer}. */
    public static final class Builder {
        private int neurons = 20;
        private int pastBins = 20;
        private int currentBins = 5;
        private int dim = 64;
        private int layers = 2;
        private int heads = 4;

        private Builder() {}

        /** Neurons N (the vocabulary is N + 3). */
        public Builder setNeurons(int neurons) {
            this.neurons = neurons;
            return this;
        }

        /** Past bins P and current bins C (the notes: 20 and 5). */
        public Builder setWindows(int pastBins, int currentBins) {
            this.pastBins = pastBins;
            this.currentBins = currentBins;
            return this;
        }

        /** Width D (default 64, the notes). */
        public Builder optDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** Blocks (default 2). */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Heads (default 4). */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Builds the block. */
        public Neuroformer build() {
            if (dim % heads != 0) {
                throw new IllegalArgumentException("dim " + dim + " is not divisible by " + heads + " heads");
            }
            return new Neuroformer(this);
        }
    }
}
