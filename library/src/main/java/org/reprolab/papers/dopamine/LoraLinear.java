package org.reprolab.papers.dopamine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;

/**
 * LoRA on a frozen linear layer: {@code y = W x + b + B A x} with A [r, in] random and B [out, r] zero at the start
 * (so the adapted layer starts as the frozen one); {@code r·(in + out)} trainable numbers. The wrapped layer must be
 * initialised already; this block freezes it.
 *
 * <pre>{@code
 * Block adapted = new LoraLinear(trainedLinear, 4);
 * }</pre>
 */
public class LoraLinear extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Linear base;
    private final int rank;
    private final Parameter a;
    private final Parameter b;

    /** Wraps the trained {@code base} (frozen here) with a rank-{@code rank} update. */
    public LoraLinear(Linear base, int rank) {
        super(VERSION);
        Preconditions.checkArgument(rank >= 1, "rank must be ≥ 1");
        this.base = addChildBlock("base", base);
        this.rank = rank;
        base.freezeParameters(true);
        this.a = addParameter(Parameter.builder().setName("loraA").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.01f)).build());
        this.b = addParameter(Parameter.builder().setName("loraB").setType(Parameter.Type.WEIGHT)
                .optInitializer(Initializer.ZEROS).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = base.forward(store, inputs, training).singletonOrThrow();
        NDArray av = store.getValue(a, x.getDevice(), training);
        NDArray bv = store.getValue(b, x.getDevice(), training);
        return new NDList(y.add(x.matMul(av.transpose()).matMul(bv.transpose())));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return base.getOutputShapes(inputs);
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType dataType,
            Shape... inputShapes) {
        // the base is trained already: leave its weights alone
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(inputShapes[0].dimension() - 1);
        long out = base.getOutputShapes(inputShapes)[0].get(inputShapes[0].dimension() - 1);
        a.setShape(new Shape(rank, in));
        b.setShape(new Shape(out, rank));
    }
}
