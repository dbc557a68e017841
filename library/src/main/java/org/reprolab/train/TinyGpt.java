package org.reprolab.train;

import ai.djl.ndarray.NDArray;
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
import org.reprolab.engine.NdConstants;

/**
 * A tiny decoder-only Transformer (GPT): token and learned position embeddings, {@code layers} pre-norm blocks
 * of causal softmax self-attention and a GELU MLP, each with a residual connection, a final norm and a linear
 * read-out to the vocabulary. Its norms are {@link #layerNorm LayerNorm without affine parameters}, weights are
 * drawn from N(0, 0.02²), the attention projections have no bias. Input: token ids [B, T] (int64, T at most
 * the context); output: logits [B, T, vocabulary].
 *
 * <pre>{@code
 * TinyGpt gpt = TinyGpt.builder().setDim(64).setLayers(2).setContext(32).build();
 * gpt.initialize(manager, DataType.FLOAT32, new Shape(1, 32));
 * }</pre>
 */
public final class TinyGpt extends AbstractBlock {

    /** The variance floor of {@link #layerNorm}. */
    public static final float EPSILON = 1e-5f;
    private static final byte VERSION = 1;

    private final int dim;
    private final int layers;
    private final int heads;
    private final int context;
    private final int vocabulary;
    private final int hidden;
    private final Parameter tokens;
    private final Parameter positions;
    private final List<Parameter[]> blocks = new ArrayList<>();
    private final Parameter head;

    private TinyGpt(Builder b) {
        super(VERSION);
        dim = b.dim;
        layers = b.layers;
        heads = b.heads;
        context = b.context;
        vocabulary = b.vocabulary;
        hidden = b.mlpRatio * b.dim;
        tokens = weight("tokens", new Shape(vocabulary, dim));
        positions = weight("positions", new Shape(context, dim));
        for (int l = 0; l < layers; l++) {
            blocks.add(new Parameter[] {weight("qkv" + l, new Shape(dim, 3L * dim)),
                weight("proj" + l, new Shape(dim, dim)), weight("up" + l, new Shape(dim, hidden)),
                bias("upBias" + l, new Shape(hidden)), weight("down" + l, new Shape(hidden, dim)),
                bias("downBias" + l, new Shape(dim))});
        }
        head = weight("head", new Shape(dim, vocabulary));
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

    /** Trainable parameters in closed form: VD + CD + L(12D² + 5D) for the MLP ratio 4 + DV. */
    public long parameterCount() {
        long perLayer = 4L * dim * dim + 2L * dim * hidden + hidden + dim;
        return 2L * vocabulary * dim + (long) context * dim + layers * perLayer;
    }

    /** LayerNorm over the last axis without affine parameters: (x − mean) / √(var + ε). */
    public static NDArray layerNorm(NDArray x) {
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray variance = centred.mul(centred).mean(new int[] {-1}, true);
        return centred.div(variance.add(EPSILON).sqrt());
    }

    /** A [T, T] additive mask: 0 on and below the diagonal, −1e9 above it (the future). */
    public static NDArray causalMask(NDManager manager, int t) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m[i * t + j] = -1e9f;
            }
        }
        return manager.create(m, new Shape(t, t));
    }

    /** The embedding of token ids: rows of {@code table} [V, D] picked by a one-hot product (differentiable). */
    public static NDArray embed(NDArray ids, NDArray table) {
        return ids.oneHot((int) table.getShape().get(0)).toType(table.getDataType(), false).matMul(table);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        int b = (int) ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        int dh = dim / heads;
        NDArray x = embed(ids, value(store, tokens, ids, training))
                .add(value(store, positions, ids, training).get("0:" + t));
        NDArray mask = causalMask(ids.getManager(), t);
        for (Parameter[] p : blocks) {
            NDArray qkv = layerNorm(x).matMul(value(store, p[0], ids, training)).reshape(b, t, 3, heads, dh)
                    .transpose(2, 0, 3, 1, 4); // [3, B, H, T, dh]
            NDArray q = qkv.get(0);
            NDArray k = qkv.get(1);
            NDArray v = qkv.get(2);
            NDArray scores = NdConstants.mul(q.matMul(k.transpose(0, 1, 3, 2)), 1.0 / Math.sqrt(dh)).add(mask);
            NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, dim);
            x = x.add(attended.matMul(value(store, p[1], ids, training)));
            NDArray up = layerNorm(x).matMul(value(store, p[2], ids, training)).add(value(store, p[3], ids, training));
            x = x.add(Activation.gelu(up).matMul(value(store, p[4], ids, training))
                    .add(value(store, p[5], ids, training)));
        }
        return new NDList(layerNorm(x).matMul(value(store, head, ids, training)));
    }

    private static NDArray value(ParameterStore store, Parameter p, NDArray like, boolean training) {
        return store.getValue(p, like.getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0].add(vocabulary)};
    }

    /** The context length (largest T). */
    public int context() {
        return context;
    }

    /** Builds a {@link TinyGpt}. */
    public static final class Builder {
        private int dim = 64;
        private int layers = 2;
        private int heads = 4;
        private int context = 64;
        private int vocabulary = 256;
        private int mlpRatio = 4;

        private Builder() {}

        /** The model width D (divisible by the number of heads). */
        public Builder setDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** The number of Transformer blocks. */
        public Builder setLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** The longest input (the rows of the position table). */
        public Builder setContext(int context) {
            this.context = context;
            return this;
        }

        /** Attention heads (default 4). */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Vocabulary size (default 256, bytes). */
        public Builder optVocabulary(int vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        /** The MLP's hidden width as a multiple of D (default 4). */
        public Builder optMlpRatio(int mlpRatio) {
            this.mlpRatio = mlpRatio;
            return this;
        }

        /** Builds the model. */
        public TinyGpt build() {
            if (dim % heads != 0) {
                throw new IllegalArgumentException("dim " + dim + " is not divisible by " + heads + " heads");
            }
            return new TinyGpt(this);
        }
    }
}
