package org.reprolab.papers.crrelu;

import java.util.function.DoubleUnaryOperator;
import org.reprolab.math.Quadrature;
import org.reprolab.math.SpecialFunctions;

/**
 * The entropy functional EAFO corrects, as we read it: an activation f maps a standard normal pre-activation X to
 * Y = f(X); where f is increasing its output density is \(q(f(x)) = φ(x) / f'(x)\), and the part of Y's
 * differential entropy that comes from x &gt; 0 is
 *
 * <p>\(H_+[f] = -\int_0^\infty φ(x) \log\frac{φ(x)}{f'(x)}\,dx = \int_0^\infty φ(x)\,[-\log φ(x) + \log f'(x)]\,dx\)
 * (Eq. 1, numbering ours).
 *
 * <p>ReLU's negative half is a point mass (entropy −∞ whatever is done there), so we use the positive half, where
 * ReLU is the identity. Written in the inverse y = f⁻¹ (the paper's variable), the functional derivative at the
 * identity is \(δH/δy = φ'(x) = -x\,φ(x)\): a first-order EAFO step y ← y + η·x·φ(x), i.e.
 * f ← f − η·x·φ(x), lowers \(H_+\), and that correction is CRReLU's term \(ε\,x\,e^{-x^2/2}\) with ε &lt; 0. By
 * the change of variables, \(H_+[\mathrm{CRReLU}_ε] - H_+[\mathrm{ReLU}] ≈ ε\,E[(1 - X^2) e^{-X^2/2}; X &gt; 0]
 * = ε / (4\sqrt 2)\) to first order (Eq. 2, ours).
 */
public final class EafoEntropy {

    /** Integration range [0, {@value}] and intervals: φ beyond 12 is below 1e-31. */
    static final double UPPER = 12;
    static final int INTERVALS = 6_000;

    private EafoEntropy() {}

    /** φ(x), the standard normal density. */
    public static double phi(double x) {
        return SpecialFunctions.normalPdf(x);
    }

    /** \(H_+[f]\) (Eq. 1) from f's derivative on x &gt; 0, which must be positive there. */
    public static double positiveHalf(DoubleUnaryOperator derivative) {
        return Quadrature.simpson(x -> {
            double p = phi(x);
            double d = derivative.applyAsDouble(x);
            if (!(d > 0)) {
                throw new IllegalArgumentException("the activation must be increasing on x > 0; f'(" + x + ") = " + d);
            }
            return p * (-Math.log(p) + Math.log(d));
        }, 0, UPPER, INTERVALS);
    }

    /** δH/δy at the identity, in the inverse y = f⁻¹: φ'(x) = −x φ(x). */
    public static double functionalDerivativeAtIdentity(double x) {
        return -x * phi(x);
    }

    /** The first-order change of \(H_+\) from ReLU to CRReLU with ε (Eq. 2): ε / (4√2). */
    public static double firstOrderChange(double epsilon) {
        return epsilon / (4 * Math.sqrt(2));
    }

    /** An activation as a curve: its value and derivative for one number, for charts and the functional. */
    public record Curve(String name, DoubleUnaryOperator value, DoubleUnaryOperator derivative) {

        /** \(H_+\) of this activation. */
        public double entropy() {
            return positiveHalf(derivative);
        }

        /** max(0, x); derivative [x ≥ 0]. */
        public static Curve relu() {
            return new Curve("ReLU", x -> Math.max(0, x), x -> x >= 0 ? 1 : 0);          // right derivative at 0
        }

        /** GELU, x·Φ(x); derivative Φ(x) + x φ(x). */
        public static Curve gelu() {
            return new Curve("GELU", x -> x * SpecialFunctions.normalCdf(x),
                    x -> SpecialFunctions.normalCdf(x) + x * phi(x));
        }

        /** SiLU, x·σ(x); derivative σ(x)(1 + x(1 − σ(x))). */
        public static Curve silu() {
            return new Curve("SiLU", x -> x * sigmoid(x), x -> sigmoid(x) * (1 + x * (1 - sigmoid(x))));
        }

        /** CRReLU with ε. */
        public static Curve crRelu(double epsilon) {
            return new Curve(String.format("CRReLU (ε = %s)", epsilon), x -> CrRelu.value(x, epsilon),
                    x -> CrRelu.derivative(x, epsilon));
        }
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
