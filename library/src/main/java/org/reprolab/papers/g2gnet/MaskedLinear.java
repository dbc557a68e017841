package org.reprolab.papers.g2gnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;

/**
 * A linear layer whose connectivity is fixed by a binary mask: \(Y = X (W \odot M)^T + b\).
 *
 * <ul>
 *   <li>input X: [B, in]</li>
 *   <li>weight W: [units, in] (trained)</li>
 *   <li>mask M: [units, in], entries 0 or 1 (not trained; changed only by {@link #setMask}, e.g. by
 *       {@link DynamicSparseTraining})</li>
 *   <li>bias b: [units]</li>
 *   <li>output Y: [B, units]</li>
 * </ul>
 *
 * <p>The mask is a DJL {@link Parameter} of type {@code OTHER} that does not require a gradient, like batch
 * norm's running mean: it is initialised by the mask initializer given to the builder (a {@link Masks}
 * factory), and {@link #saveParameters}/{@link #loadParameters} write and read it with the weights.
 *
 * <p>Because the forward pass uses W ⊙ M, the gradient of every masked weight is exactly zero; but once a mask
 * changes, momentum that an optimizer (Adam) kept for a pruned weight still moves it, so call
 * {@link #applyMask()} after every update (a {@code TrainingLoop} batch listener does it, see
 * {@link G2gNet#applyMasks} and {@link DynamicSparseTraining#afterStep}). Newly built layers start with
 * W ⊙ M, each unit's weights scaled by √(in / fan-in) so that a sparse unit's input variance equals a dense
 * unit's under He or LeCun initialisation ([recon]: the paper's initialisation is not known to us).
 *
 * <pre>{@code
 * MaskedLinear layer = MaskedLinear.builder().setUnits(512).optMask(Masks.g2g(4, 1, 7)).build();
 * }</pre>
 */
public class MaskedLinear extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int units;
    private final boolean fanInScaling;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter mask;

    protected MaskedLinear(Builder builder) {
        super(VERSION);
        this.units = builder.units;
        this.fanInScaling = builder.fanInScaling;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        this.bias = builder.bias
                ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
                : null;
        this.mask = addParameter(Parameter.builder().setName("mask").setType(Parameter.Type.OTHER)
                .optInitializer(builder.mask).optRequiresGrad(false).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The masked linear map \(Y = X (W \odot M)^T + b\) (Eq. 1, numbering ours).
     *
     * @param input X: [B, in]
     * @param weight W: [units, in]
     * @param bias b: [units], or null
     * @param mask M: [units, in] of 0s and 1s
     * @return Y: [B, units]
     */
    public static NDArray maskedLinear(NDArray input, NDArray weight, NDArray bias, NDArray mask) {
        return Linear.linear(input, weight.mul(mask), bias).singletonOrThrow(); // Eq. (1)
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        NDArray m = store.getValue(mask, x.getDevice(), training);
        return new NDList(maskedLinear(x, w, b, m));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0].slice(0, inputs[0].dimension() - 1).add(units)};
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        Preconditions.checkArgument(inputShapes.length == 1, "MaskedLinear takes one input");
    }

    /** {@inheritDoc} */
    @Override
    public void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(inputShapes[0].dimension() - 1);
        weight.setShape(new Shape(units, in));
        mask.setShape(new Shape(units, in));
        if (bias != null) {
            bias.setShape(new Shape(units));
        }
    }

    /**
     * Initialises the parameters; a freshly drawn weight is masked and, with fan-in scaling, each row j is
     * multiplied by √(in / Σᵢ M_ji).
     */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        boolean fresh = !weight.isInitialized();
        super.initialize(manager, dataType, inputShapes);
        if (fresh) {
            NDArray w = weight.getArray();
            NDArray m = mask.getArray();
            if (fanInScaling) {
                try (NDScope scope = new NDScope()) {
                    NDArray fanIn = m.sum(new int[] {1}, true); // (units, 1)
                    w.muli(fanIn.maximum(1f).pow(-1).mul(m.getShape().get(1)).sqrt());
                }
            }
            w.muli(m);
        }
    }

    /** Sets W ← W ⊙ M in place, so masked weights are exactly zero (call after every optimizer update). */
    public void applyMask() {
        weight.getArray().muli(mask.getArray());
    }

    /**
     * Replaces the mask (same shape, entries 0 or 1) and applies it to the weight: weights of pruned edges
     * become 0, weights of new edges start at 0.
     */
    public void setMask(float[] newMask) {
        NDArray m = mask.getArray();
        Preconditions.checkArgument(newMask.length == m.size(), "mask has " + m.size() + " entries, got "
                + newMask.length);
        m.set(newMask);
        applyMask();
    }

    /** The weight W [units, in] (the live array). */
    public NDArray weight() {
        return weight.getArray();
    }

    /** The bias b [units] (the live array), or null without bias. */
    public NDArray bias() {
        return bias == null ? null : bias.getArray();
    }

    /** The mask M [units, in] (the live array). */
    public NDArray mask() {
        return mask.getArray();
    }

    /** Output units. */
    public int units() {
        return units;
    }

    /** Input features (known once initialised). */
    public int inputs() {
        return (int) mask.getArray().getShape().get(1);
    }

    /** Σ M: active edges, i.e. trainable weights and multiplies per example. */
    public long activeWeights() {
        return (long) mask.getArray().sum().getFloat();
    }

    /** 1 − Σ M / (units · in). */
    public double sparsity() {
        return 1 - (double) activeWeights() / mask.getArray().size();
    }

    /**
     * The layer's output for one input vector, outside training: (W ⊙ M)·x + b. For looking at what one unit
     * sees; temporaries are freed, the result is a Java array.
     */
    public float[] apply(NDManager manager, float[] x) {
        try (NDScope scope = new NDScope()) { // W ⊙ M lands in the parameters' manager: the scope frees it
            NDArray in = manager.create(x, new Shape(1, x.length));
            return maskedLinear(in, weight.getArray(), bias == null ? null : bias.getArray(), mask.getArray())
                    .toFloatArray();
        }
    }

    /** Whether the layer has a bias. */
    public boolean hasBias() {
        return bias != null;
    }

    /** Builds a {@link MaskedLinear}. */
    public static final class Builder {
        private int units;
        private boolean bias = true;
        private Initializer mask = Initializer.ONES;
        private boolean fanInScaling = true;

        /** Output units (required). */
        public Builder setUnits(int units) {
            this.units = units;
            return this;
        }

        /** Whether to add a bias; default true. */
        public Builder optBias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** The mask's initializer, e.g. {@link Masks#g2g} or {@link Masks#random}; default all ones (dense). */
        public Builder optMask(Initializer mask) {
            this.mask = mask;
            return this;
        }

        /** Scale each unit's initial weights by √(in / fan-in); default true. */
        public Builder optFanInScaling(boolean fanInScaling) {
            this.fanInScaling = fanInScaling;
            return this;
        }

        /** The layer, not yet initialised. */
        public MaskedLinear build() {
            Preconditions.checkArgument(units > 0, "MaskedLinear needs setUnits(n > 0)");
            Preconditions.checkArgument(mask != null, "MaskedLinear needs a mask initializer");
            return new MaskedLinear(this);
        }
    }
}
