package org.reprolab.papers.bitbudget;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * A linear layer whose weights are quantised to b_w bits, uniform and symmetric with one scale per layer, and trained
 * through the straight-through estimator (the bit-budget paper's weight quantisation, [recon]):
 *
 * <pre>
 *   Q = 2^{b_w − 1} − 1,   Δ = max|W| / Q,   W_q = Δ · round(W / Δ)   ∈ {−QΔ, …, 0, …, QΔ}
 *   forward with W_q,  backward as if W_q = W:   W_q = W + sg(W_q − W)
 * </pre>
 *
 * b_w = 2 is ternary. The bias (if any) stays full precision. Weights start uniform in ±1/√fan_in, biases at 0.
 * Shapes: (N, F) → (N, units).
 */
public final class QuantizedLinear extends AbstractBlock {

    private final int units;
    private final int weightBits;
    private final Parameter weight;
    private final Parameter bias;

    private QuantizedLinear(int units, int weightBits, boolean bias) {
        this.units = units;
        this.weightBits = weightBits;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                        XavierInitializer.FactorType.IN, 1)).build());
        this.bias = bias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
                : null;
    }

    /** A layer of {@code units} outputs with {@code weightBits}-bit weights (≥ 2) and a bias. */
    public static QuantizedLinear of(int units, int weightBits) {
        return of(units, weightBits, true);
    }

    /** A layer of {@code units} outputs with {@code weightBits}-bit weights (≥ 2), with or without a bias. */
    public static QuantizedLinear of(int units, int weightBits, boolean bias) {
        if (units < 1 || weightBits < 2 || weightBits > 16) {
            throw new IllegalArgumentException("QuantizedLinear needs units ≥ 1 and 2 ≤ b_w ≤ 16");
        }
        return new QuantizedLinear(units, weightBits, bias);
    }

    /** Weight bits b_w. */
    public int weightBits() {
        return weightBits;
    }

    /** The quantised weights W_q (units, F), with the straight-through gradient to W. */
    public static NDArray quantize(NDArray w, int bits) {
        float q = (1 << (bits - 1)) - 1;
        NDArray step = w.abs().max().stopGradient().div(q).add(1e-12f);                 // Δ, no gradient
        NDArray wq = w.stopGradient().div(step).round().mul(step);
        return w.add(wq.sub(w.stopGradient()));                                        // value W_q, gradient 1
    }

    /** The quantised weights of this (initialised) layer, without gradient. */
    public NDArray quantizedWeight() {
        return quantize(weight.getArray().stopGradient(), weightBits);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = quantize(ps.getValue(weight, x.getDevice(), training), weightBits);
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        return Linear.linear(x, w, b);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(inputShapes[0].dimension() - 1);
        weight.setShape(new Shape(units, in));
        if (bias != null) {
            bias.setShape(new Shape(units));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0].slice(0, inputs[0].dimension() - 1).add(units)};
    }
}
