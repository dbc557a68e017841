package org.reprolab.papers.bdh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.train.TinyGpt;

/**
 * BDH-GPU, the Dragon Hatchling's tensor form (Kosowski et al. 2025; formulas checked against the reference
 * {@code bdh.py}): one encoder E, one value encoder E_v (each [heads, D, N]) and one decoder D_dec [heads·N, D]
 * shared by all {@code layers}; n = heads·N neurons. With LN a LayerNorm without affine parameters, a layer maps
 * x [B, 1, T, D] to
 * <pre>
 *   x_s = ReLU(x E)                                    sparse positive neuron activity   [B, heads, T, N]
 *   a_t = Σ_{s&lt;t} ⟨RoPE(x_s,t), RoPE(x_s,s)⟩ x_s     linear attention, no softmax       [B, heads, T, D]
 *   y_s = ReLU(LN(a) E_v)                                                                 [B, heads, T, N]
 *   x  ← LN(x + LN((x_s ⊙ y_s) D_dec))                 the Hebbian-like gating x_s ⊙ y_s
 * </pre>
 * and the logits are x W_head. The attention is also a recurrence with an n × D "synaptic" state
 * ρ_t = ρ_{t−1} + RoPE(x_s,t)ᵀ x_t read by a_t = RoPE(x_s,t) ρ_{t−1}: {@link #recurrentLogits} computes it that
 * way, token by token, and must agree with the parallel {@link #trace}. Dropout is left out (tiny models, few
 * steps). Input: byte ids [B, T]; output: logits [B, T, 256].
 */
public final class Bdh extends AbstractBlock {

    /** RoPE's base θ = 2^16, as in the reference. */
    public static final double THETA = 65_536;
    private static final byte VERSION = 1;

    private final int dim;
    private final int heads;
    private final int neurons;
    private final int layers;
    private final int vocabulary;
    private final Parameter embedding;
    private final Parameter encoder;
    private final Parameter valueEncoder;
    private final Parameter decoder;
    private final Parameter head;

    private Bdh(Builder b) {
        super(VERSION);
        dim = b.dim;
        heads = b.heads;
        neurons = b.neurons;
        layers = b.layers;
        vocabulary = b.vocabulary;
        embedding = weight("embedding", new Shape(vocabulary, dim));
        encoder = weight("encoder", new Shape(heads, dim, neurons));
        valueEncoder = weight("valueEncoder", new Shape(heads, dim, neurons));
        decoder = weight("decoder", new Shape((long) heads * neurons, dim));
        head = weight("head", new Shape(dim, vocabulary));
    }

    private Parameter weight(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape)
                .optInitializer(new NormalInitializer(0.02f)).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Trainable parameters in closed form: 3·heads·N·D for E, E_v, D_dec plus 2·V·D (embedding, read-out). */
    public long parameterCount() {
        return 3L * heads * neurons * dim + 2L * vocabulary * dim;
    }

    /** Neurons per head N. */
    public int neuronsPerHead() {
        return neurons;
    }

    /** Heads. */
    public int heads() {
        return heads;
    }

    /** Layers (applications of the shared weights). */
    public int layers() {
        return layers;
    }

    /**
     * RoPE frequencies of the reference: f_i = θ^{−q(i)/N} / 2π with q(i) = 2⌊i/2⌋, so neurons 2j and 2j + 1
     * form a pair rotated by the same angle.
     */
    public static double[] frequencies(int n) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = Math.pow(THETA, -(2.0 * (i / 2)) / n) / (2 * Math.PI);
        }
        return f;
    }

    /** cos and sin of the phases 2π·((t·f_i) mod 1) for t = from .. from + count − 1: two [count, N] arrays. */
    static NDArray[] phases(NDManager manager, int n, int from, int count) {
        double[] f = frequencies(n);
        float[] cos = new float[count * n];
        float[] sin = new float[count * n];
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < n; i++) {
                double phase = ((from + t) * f[i]) % 1.0 * 2 * Math.PI;
                cos[t * n + i] = (float) Math.cos(phase);
                sin[t * n + i] = (float) Math.sin(phase);
            }
        }
        return new NDArray[] {manager.create(cos, new Shape(count, n)), manager.create(sin, new Shape(count, n))};
    }

    /** RoPE: each pair (v_{2j}, v_{2j+1}) rotated by its phase, v cos + (−v_{2j+1}, v_{2j}) sin. */
    public static NDArray rope(NDArray v, NDArray cos, NDArray sin) {
        Shape shape = v.getShape();
        long n = shape.get(shape.dimension() - 1);
        NDArray pairs = v.reshape(shape.slice(0, shape.dimension() - 1).add(n / 2, 2));
        NDArray even = pairs.get("..., 0");
        NDArray odd = pairs.get("..., 1");
        NDArray rotated = NDArrays.stack(new NDList(odd.neg(), even), -1).reshape(shape);
        return v.mul(cos).add(rotated.mul(sin));
    }

    /** The parallel forward pass with each layer's x_s and y_s kept. */
    public record Trace(NDArray logits, List<NDArray> xSparse, List<NDArray> ySparse) { }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(run(store, inputs.singletonOrThrow(), training, null));
    }

    /** The parallel (Transformer-like) form in inference mode, keeping every layer's sparse activations. */
    public Trace trace(NDArray ids) {
        List<NDArray> xs = new ArrayList<>();
        List<NDArray> ys = new ArrayList<>();
        NDArray logits = run(new ParameterStore(ids.getManager(), false), ids, false, new List[] {xs, ys});
        return new Trace(logits, xs, ys);
    }

    private NDArray run(ParameterStore store, NDArray ids, boolean training, List<NDArray>[] keep) {
        int b = (int) ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        NDArray e = store.getValue(encoder, ids.getDevice(), training);
        NDArray ev = store.getValue(valueEncoder, ids.getDevice(), training);
        NDArray dec = store.getValue(decoder, ids.getDevice(), training);
        NDArray[] cs = phases(ids.getManager(), neurons, 0, t);
        NDArray strictlyCausal = strictlyLower(ids.getManager(), t);
        NDArray x = TinyGpt.layerNorm(TinyGpt.embed(ids, store.getValue(embedding, ids.getDevice(), training)))
                .reshape(b, 1, t, dim);
        for (int l = 0; l < layers; l++) {
            NDArray xs = Activation.relu(x.matMul(e)); // [B, heads, T, N]
            NDArray qr = rope(xs, cs[0], cs[1]);
            NDArray a = qr.matMul(qr.transpose(0, 1, 3, 2)).mul(strictlyCausal).matMul(x); // [B, heads, T, D]
            NDArray ys = Activation.relu(TinyGpt.layerNorm(a).matMul(ev));
            x = mix(x, xs, ys, dec, b, t);
            if (keep != null) {
                keep[0].add(xs);
                keep[1].add(ys);
            }
        }
        return x.reshape(b, t, dim).matMul(store.getValue(head, ids.getDevice(), training));
    }

    private NDArray mix(NDArray x, NDArray xs, NDArray ys, NDArray dec, int b, int t) {
        NDArray y = xs.mul(ys).transpose(0, 2, 1, 3).reshape(b, 1, t, (long) heads * neurons).matMul(dec);
        return TinyGpt.layerNorm(x.add(TinyGpt.layerNorm(y)));
    }

    /**
     * The same model as a recurrence, one token at a time: each layer keeps its state ρ [B, heads, N, D], reads
     * a_t = RoPE(x_s,t) ρ and then adds RoPE(x_s,t)ᵀ x_t (a Hebbian outer product of neuron activity and the
     * layer's input). Returns logits [B, T, V] and no gradient path (inference only).
     */
    public NDArray recurrentLogits(NDArray ids) {
        NDManager m = ids.getManager();
        int b = (int) ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        NDArray e = encoder.getArray();
        NDArray ev = valueEncoder.getArray();
        NDArray dec = decoder.getArray();
        NDArray[] rho = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            rho[l] = m.zeros(new Shape(b, heads, neurons, dim));
        }
        NDArray[] cs = phases(m, neurons, 0, t);
        NDArray embedded = TinyGpt.layerNorm(TinyGpt.embed(ids, embedding.getArray()));
        NDList out = new NDList();
        for (int s = 0; s < t; s++) {
            NDArray cos = cs[0].get(s + ":" + (s + 1));
            NDArray sin = cs[1].get(s + ":" + (s + 1));
            NDArray x = embedded.get(":, " + s + ":" + (s + 1) + ", :").reshape(b, 1, 1, dim);
            for (int l = 0; l < layers; l++) {
                NDArray xs = Activation.relu(x.matMul(e)); // [B, heads, 1, N]
                NDArray qr = rope(xs, cos, sin);
                NDArray a = qr.matMul(rho[l]); // [B, heads, 1, D]
                rho[l] = rho[l].add(qr.transpose(0, 1, 3, 2).matMul(x));
                NDArray ys = Activation.relu(TinyGpt.layerNorm(a).matMul(ev));
                x = mix(x, xs, ys, dec, b, 1);
            }
            out.add(x.reshape(b, 1, dim));
        }
        return NDArrays.concat(out, 1).matMul(head.getArray());
    }

    /** The fraction of entries above zero (active neurons) in an activation tensor. */
    public static double activeFraction(NDArray activity) {
        return activity.gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mean().getFloat();
    }

    /** The smallest entry over several activation tensors (ReLU outputs: never below 0). */
    public static double smallest(List<NDArray> activity) {
        double min = Double.POSITIVE_INFINITY;
        for (NDArray a : activity) {
            min = Math.min(min, a.min().getFloat());
        }
        return min;
    }

    /**
     * The largest |parallel − recurrent| logit over the largest |logit| for the byte ids [B, T]: the two forms of
     * the same model compared (0 up to rounding).
     */
    public double recurrenceGap(NDArray ids) {
        NDArray parallel = trace(ids).logits();
        return parallel.sub(recurrentLogits(ids)).abs().max().getFloat() / parallel.abs().max().getFloat();
    }

    /** A [T, T] mask with ones strictly below the diagonal. */
    static NDArray strictlyLower(NDManager manager, int t) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < i; j++) {
                m[i * t + j] = 1;
            }
        }
        return manager.create(m, new Shape(t, t));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0].add(vocabulary)};
    }

    /** Builds a {@link Bdh}. */
    public static final class Builder {
        private int dim = 64;
        private int heads = 2;
        private int neurons = 256;
        private int layers = 2;
        private int vocabulary = 256;

        private Builder() {}

        /** The embedding width D. */
        public Builder setDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** Heads (default 2). */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Neurons per head N (the reference: N = 128·D / heads); must be even. */
        public Builder setNeuronsPerHead(int neurons) {
            this.neurons = neurons;
            return this;
        }

        /** Applications of the shared layer (default 2). */
        public Builder setLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Vocabulary (default 256, bytes). */
        public Builder optVocabulary(int vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        /** Builds the model. */
        public Bdh build() {
            if (neurons % 2 != 0) {
                throw new IllegalArgumentException("RoPE pairs neurons: N = " + neurons + " must be even");
            }
            return new Bdh(this);
        }
    }
}
