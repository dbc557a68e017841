package org.reprolab.papers.sgntk;

import ai.djl.ndarray.NDArray;
import org.reprolab.engine.NdConstants;
import org.reprolab.math.SpecialFunctions;

/**
 * An activation function φ with what the kernel recursions need: φ itself, its true derivative φ′ and the
 * Gaussian expectation E[φ(u)φ(v)] for (u, v) ~ N(0, [[a, c], [c, b]]), the map that carries the NNGP kernel
 * from one layer to the next.
 *
 * <p>The paper's activations: erf_m(x) = erf(m·x) (smooth; erf_m → sign as m → ∞), sign (jumps, no useful
 * derivative), and ReLU for comparison.
 */
public sealed interface Activation permits Activation.Erf, Activation.Relu, Activation.Sign {

    /** φ(x). */
    double apply(double x);

    /** Element-wise φ, in the array's data type. */
    NDArray apply(NDArray x);

    /** The true derivative φ′. */
    Derivative derivative();

    /** E[φ(u)φ(v)] for (u, v) ~ N(0, [[a, c], [c, b]]). */
    double gaussianProduct(double a, double b, double c);

    /** A short name, e.g. {@code erf(m=5)}. */
    String name();

    /** erf_m(x) = erf(m·x). */
    static Activation erf(double m) {
        return new Erf(m);
    }

    /** max(0, x). */
    static Activation relu() {
        return new Relu();
    }

    /** sign(x) (sign(0) = 0, a null set). */
    static Activation sign() {
        return new Sign();
    }

    /**
     * erf_m(x) = erf(m·x); φ′ = (2m/√π)·exp(−m²x²).
     *
     * @param m the steepness (the paper's m)
     */
    record Erf(double m) implements Activation {

        /** Checks m. */
        public Erf {
            if (!(m > 0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("erf steepness must be positive and finite, got " + m);
            }
        }

        @Override
        public double apply(double x) {
            return SpecialFunctions.erf(m * x);
        }

        @Override
        public NDArray apply(NDArray x) {
            return x.mul(NdConstants.scalar(x, m)).erf();                  // not mul(m): see NdConstants
        }

        @Override
        public Derivative derivative() {
            return Derivative.erf(m);
        }

        @Override
        public double gaussianProduct(double a, double b, double c) {
            return GaussianExpectations.erfErf(m, m, a, b, c);
        }

        @Override
        public String name() {
            return "erf(m=" + GaussianExpectations.fmt(m) + ")";
        }
    }

    /** max(0, x); φ′ = 1{x &gt; 0}. */
    record Relu() implements Activation {

        @Override
        public double apply(double x) {
            return Math.max(0, x);
        }

        @Override
        public NDArray apply(NDArray x) {
            return x.maximum(NdConstants.scalar(x, 0));                    // not maximum(0): see NdConstants
        }

        @Override
        public Derivative derivative() {
            return Derivative.heaviside();
        }

        @Override
        public double gaussianProduct(double a, double b, double c) {
            return GaussianExpectations.reluRelu(a, b, c);
        }

        @Override
        public String name() {
            return "relu";
        }
    }

    /** sign(x); φ′ = 2δ(x). */
    record Sign() implements Activation {

        @Override
        public double apply(double x) {
            return Math.signum(x);
        }

        @Override
        public NDArray apply(NDArray x) {
            return x.sign();
        }

        @Override
        public Derivative derivative() {
            return Derivative.signDelta();
        }

        @Override
        public double gaussianProduct(double a, double b, double c) {
            return GaussianExpectations.signSign(a, b, c);
        }

        @Override
        public String name() {
            return "sign";
        }
    }
}
