package org.reprolab.papers.sgntk;

import ai.djl.ndarray.NDArray;
import org.reprolab.engine.NdConstants;

/**
 * A function used as "the derivative" in a backward pass: either an activation's true derivative φ′ or a
 * surrogate derivative φ̃′ (surrogate gradient learning replaces φ′ by φ̃′ in the chain rule).
 *
 * <p>Three kinds cover the paper's networks:
 * <ul>
 *   <li>{@link ErfBump}: d/dx erf(kx) = (2k/√π)·e^{−k²x²}, the derivative of erf_k and the paper's surrogate;</li>
 *   <li>{@link Heaviside}: 1{x &gt; 0}, the derivative of ReLU;</li>
 *   <li>{@link SignDelta}: 2δ(x), the distributional derivative of sign. It is zero almost everywhere, so a finite
 *       network's backward pass sees 0 ({@link #at}); only the kernel recursions see the delta.</li>
 * </ul>
 * Gaussian expectations of products of derivatives are in {@link GaussianExpectations#derivativeProduct}.
 */
public sealed interface Derivative permits Derivative.ErfBump, Derivative.Heaviside, Derivative.SignDelta {

    /** The value at {@code x} (for {@link SignDelta}: 0, its value almost everywhere). */
    double at(double x);

    /** Element-wise value, in the array's data type. */
    NDArray at(NDArray x);

    /** A short name, e.g. {@code erf'(k=2)}. */
    String name();

    /** d/dx erf(kx) = (2k/√π)·exp(−k²x²): the derivative of erf_k, and the erf surrogate of sign. */
    static Derivative erf(double k) {
        return new ErfBump(k);
    }

    /** 1{x &gt; 0}: the derivative of ReLU. */
    static Derivative heaviside() {
        return new Heaviside();
    }

    /** 2δ(x): the distributional derivative of sign(x). */
    static Derivative signDelta() {
        return new SignDelta();
    }

    /**
     * (2k/√π)·exp(−k²x²).
     *
     * @param k the steepness k &gt; 0 (the paper's m for erf_m, or m̃ for the surrogate)
     */
    record ErfBump(double k) implements Derivative {

        /** Checks k. */
        public ErfBump {
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("erf steepness must be positive and finite, got " + k);
            }
        }

        @Override
        public double at(double x) {
            return 2 * k / Math.sqrt(Math.PI) * Math.exp(-k * k * x * x);
        }

        @Override
        public NDArray at(NDArray x) {
            // Constants from NdConstants (see there); exp's output is kept for its backward pass, so it is scaled
            // out of place: the array form may sit on an autograd path.
            return x.square().muli(NdConstants.scalar(x, -k * k)).exp()
                    .mul(NdConstants.scalar(x, 2 * k / Math.sqrt(Math.PI)));
        }

        @Override
        public String name() {
            return "erf'(k=" + GaussianExpectations.fmt(k) + ")";
        }
    }

    /** 1{x &gt; 0}. */
    record Heaviside() implements Derivative {

        @Override
        public double at(double x) {
            return x > 0 ? 1 : 0;
        }

        @Override
        public NDArray at(NDArray x) {
            return x.gt(0).toType(x.getDataType(), false);
        }

        @Override
        public String name() {
            return "step";
        }
    }

    /** 2δ(x). */
    record SignDelta() implements Derivative {

        @Override
        public double at(double x) {
            return 0;
        }

        @Override
        public NDArray at(NDArray x) {
            return x.zerosLike();
        }

        @Override
        public String name() {
            return "2δ";
        }
    }
}
