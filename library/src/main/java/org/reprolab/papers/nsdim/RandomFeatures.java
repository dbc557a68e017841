package org.reprolab.papers.nsdim;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Random features with bounded parameters (Liu, Yu, Yong 2024): N hidden units φ(w x + b) with (w, b) drawn
 * uniformly from [−B, B]², evaluated at M points of Ω = [−1, 1]. Their span is what a one-hidden-layer network with
 * these nonlinear parameters can represent; its numerical dimension is {@link NumericalSpan}'s business.
 */
public final class RandomFeatures {

    /** The paper's analytic activations. */
    public enum Activation {
        TANH(Math::tanh),
        SIGMOID(z -> 1 / (1 + Math.exp(-z)));

        private final DoubleUnaryOperator f;

        Activation(DoubleUnaryOperator f) {
            this.f = f;
        }

        /** φ(z). */
        public double apply(double z) {
            return f.applyAsDouble(z);
        }

        /** The name in lower case, for labels. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private RandomFeatures() {}

    /** The M Chebyshev points cos(π (i + ½) / M) of [−1, 1]. */
    public static double[] chebyshevPoints(int m) {
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Math.cos(Math.PI * (i + 0.5) / m);
        }
        return x;
    }

    /** M points spaced evenly over [−1, 1], both ends included. */
    public static double[] evenPoints(int m) {
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = -1 + 2.0 * i / (m - 1);
        }
        return x;
    }

    /** The parameters of {@code width} units, [unit] = {w, b}, each uniform on [−bound, bound]. */
    public static double[][] parameters(int width, double bound, SplittableRandom rng) {
        double[][] p = new double[width][2];
        for (double[] u : p) {
            u[0] = bound * (2 * rng.nextDouble() - 1);
            u[1] = bound * (2 * rng.nextDouble() - 1);
        }
        return p;
    }

    /** The feature matrix by columns: column j holds φ(w_j x_i + b_j) over the points x_i. */
    public static double[][] columns(Activation act, double[][] parameters, double[] x) {
        double[][] c = new double[parameters.length][x.length];
        for (int j = 0; j < parameters.length; j++) {
            for (int i = 0; i < x.length; i++) {
                c[j][i] = act.apply(parameters[j][0] * x[i] + parameters[j][1]);
            }
        }
        return c;
    }
}
