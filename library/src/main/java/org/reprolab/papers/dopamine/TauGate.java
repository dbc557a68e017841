package org.reprolab.papers.dopamine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;
import org.reprolab.engine.NdConstants;

/**
 * A per-neuron threshold τ and gain g on a frozen layer's pre-activation h, replacing its ReLU:
 * {@code h̃ = g · σ((h − τ)/T) · h} in training (a smooth gate of temperature T) and {@code h̃ = g · 𝟙[h > τ] · h}
 * at inference (the hardened gate: explicit conditional computation). With τ = 0 and g = 1, the hardened gate is
 * exactly ReLU, so a gated copy of a ReLU network starts as that network. Two trainable numbers per unit.
 *
 * <pre>{@code
 * Block gate = TauGate.builder().optTemperature(0.1f).build();   // after a frozen Linear, instead of ReLU
 * }</pre>
 */
public class TauGate extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float temperature;
    private final Parameter tau;
    private final Parameter gain;

    protected TauGate(Builder b) {
        super(VERSION);
        this.temperature = b.temperature;
        this.tau = addParameter(Parameter.builder().setName("tau").setType(Parameter.Type.OTHER)
                .optInitializer(Initializer.ZEROS).build());
        this.gain = addParameter(Parameter.builder().setName("gain").setType(Parameter.Type.OTHER)
                .optInitializer(Initializer.ONES).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The smooth gate σ((h − τ)/T) ∈ (0, 1). */
    public static NDArray softGate(NDArray h, NDArray tau, double temperature) {
        return Activation.sigmoid(NdConstants.div(h.sub(tau), temperature));
    }

    /** The hardened gate 𝟙[h > τ] (no gradient). */
    public static NDArray hardGate(NDArray h, NDArray tau) {
        return h.gt(tau).toType(h.getDataType(), false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        NDArray t = store.getValue(tau, h.getDevice(), training);
        NDArray g = store.getValue(gain, h.getDevice(), training);
        NDArray gate = training ? softGate(h, t, temperature) : hardGate(h, t);
        return new NDList(h.mul(gate).mul(g));
    }

    /** The gate that is open (h > τ) for each unit of a batch of pre-activations [N, units], hardened. */
    public NDArray open(NDArray h) {
        return hardGate(h, tau.getArray());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Preconditions.checkArgument(inputShapes[0].dimension() == 2, "TauGate expects [N, units]");
        Shape perUnit = new Shape(inputShapes[0].get(1));
        tau.setShape(perUnit);
        gain.setShape(perUnit);
    }

    /** Builds a {@link TauGate}. */
    public static final class Builder {
        private float temperature = 0.1f;

        /** The smooth gate's temperature T; default 0.1. */
        public Builder optTemperature(float temperature) {
            this.temperature = temperature;
            return this;
        }

        /** The gate. */
        public TauGate build() {
            Preconditions.checkArgument(temperature > 0, "temperature must be > 0");
            return new TauGate(this);
        }
    }
}
