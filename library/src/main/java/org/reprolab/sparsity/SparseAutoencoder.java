package org.reprolab.sparsity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import org.reprolab.train.TrainingLoop;

/**
 * A top-k sparse autoencoder of activation vectors: code c = TopK_k(ReLU(E x + b_E)), reconstruction x̂ = D c + b_D
 * (Makhzani and Frey's k-sparse autoencoder, as used for interpretability features). The forward pass returns
 * (x̂, c, x); {@link #objective()} is the mean squared reconstruction error, for {@link TrainingLoop}.
 */
public final class SparseAutoencoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int dictionary;
    private final int active;
    private final Linear encoder;
    private final Linear decoder;

    /**
     * A new autoencoder of {@code inputs}-dimensional vectors with {@code dictionary} features of which
     * {@code active} are non-zero per input.
     */
    public SparseAutoencoder(int inputs, int dictionary, int active) {
        super(VERSION);
        if (active <= 0 || active > dictionary) {
            throw new IllegalArgumentException("need 0 < active ≤ dictionary, got " + active + ", " + dictionary);
        }
        this.dictionary = dictionary;
        this.active = active;
        this.encoder = addChildBlock("encoder", Linear.builder().setUnits(dictionary).build());
        this.decoder = addChildBlock("decoder", Linear.builder().setUnits(inputs).build());
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    }

    /** The objective: mean over the batch of ‖x̂ − x‖² / d. */
    public static TrainingLoop.Objective objective() {
        return (out, labels) -> out.get(0).sub(out.get(2)).square().mean();
    }

    /** The decoder's direction of feature j in input space (column j of D), as floats. */
    public float[] direction(int j) {
        NDArray d = SparseInference.weight(decoder);
        return d.get(":, " + j).toFloatArray();
    }

    /** The codes c (B, dictionary) of inputs x (B, d), in inference mode. */
    public NDArray encode(NDArray x) {
        return forward(new ParameterStore(x.getManager(), false), new NDList(x), false).get(1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray x = in.singletonOrThrow();
        NDArray pre = Activation.relu(encoder.forward(store, new NDList(x), training).singletonOrThrow());
        NDArray code = pre.mul(TopK.mask(pre, active));
        NDArray recon = decoder.forward(store, new NDList(code), training).singletonOrThrow();
        return new NDList(recon, code, x);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        decoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), dictionary));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape b = inputShapes[0];
        return new Shape[] {b, new Shape(b.get(0), dictionary), b};
    }
}
