package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A target function on [−1, 1]^d with the KAN shape that represents it, for the function-fitting
 * experiments. The first five are the KAN paper's toy examples (Liu et al. 2024, Sec. 3.1, Fig. 3.1);
 * {@link #sinPi()} and {@link #abs()} are a smooth and a kinked 1-D target added here.
 *
 * @param name the formula
 * @param dims input dimension d
 * @param kanShape the KAN widths the paper uses for it (input d first, output 1 last)
 * @param f the function
 */
public record ToyFunction(String name, int dims, int[] kanShape, ToDoubleFunction<double[]> f) {

    /** f(x) = J₀(20x), a Bessel function: shape [1, 1]. */
    public static ToyFunction bessel() {
        return new ToyFunction("J0(20x)", 1, new int[] {1, 1}, x -> besselJ0(20 * x[0]));
    }

    /** f(x, y) = exp(sin(πx) + y²): shape [2, 1, 1]. */
    public static ToyFunction expSinSquare() {
        return new ToyFunction("exp(sin(πx)+y²)", 2, new int[] {2, 1, 1},
                x -> Math.exp(Math.sin(Math.PI * x[0]) + x[1] * x[1]));
    }

    /** f(x, y) = xy: shape [2, 2, 1]. */
    public static ToyFunction product() {
        return new ToyFunction("xy", 2, new int[] {2, 2, 1}, x -> x[0] * x[1]);
    }

    /** f(x₁…x_d) = exp((1/d) Σ sin²(πx_i/2)) (the paper uses d = 100): shape [d, 1, 1]. */
    public static ToyFunction expMeanSin(int d) {
        return new ToyFunction("exp(mean sin²(πx/2)), d=" + d, d, new int[] {d, 1, 1}, x -> {
            double s = 0;
            for (double v : x) {
                double q = Math.sin(Math.PI * v / 2);
                s += q * q;
            }
            return Math.exp(s / x.length);
        });
    }

    /** f(x₁…x₄) = exp(½(sin(π(x₁²+x₂²)) + sin(π(x₃²+x₄²)))): shape [4, 4, 2, 1]. */
    public static ToyFunction fourD() {
        return new ToyFunction("exp(½(sin(π(x₁²+x₂²))+sin(π(x₃²+x₄²))))", 4, new int[] {4, 4, 2, 1},
                x -> Math.exp(0.5 * (Math.sin(Math.PI * (x[0] * x[0] + x[1] * x[1]))
                        + Math.sin(Math.PI * (x[2] * x[2] + x[3] * x[3])))));
    }

    /** f(x) = sin(πx): shape [1, 1]. */
    public static ToyFunction sinPi() {
        return new ToyFunction("sin(πx)", 1, new int[] {1, 1}, x -> Math.sin(Math.PI * x[0]));
    }

    /** f(x) = |x|, kinked at 0: shape [1, 1]. */
    public static ToyFunction abs() {
        return new ToyFunction("|x|", 1, new int[] {1, 1}, x -> Math.abs(x[0]));
    }

    /** The value at x. */
    public double apply(double... x) {
        return f.applyAsDouble(x);
    }

    /**
     * n points uniform on [−1, 1]^d (as pykan's {@code create_dataset}) with their targets: {inputs (n, d),
     * targets (n, 1)}, float64 arrays in {@code manager}.
     */
    public NDArray[] sample(NDManager manager, int n, SplittableRandom rng) {
        double[] x = new double[n * dims];
        double[] y = new double[n];
        double[] row = new double[dims];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                row[d] = 2 * rng.nextDouble() - 1;
                x[i * dims + d] = row[d];
            }
            y[i] = apply(row);
        }
        return new NDArray[] {manager.create(x, new Shape(n, dims)), manager.create(y, new Shape(n, 1))};
    }

    /**
     * J₀(x) = (1/π) ∫₀^π cos(x sin θ) dθ by the trapezoidal rule: the integrand is smooth and periodic, so the
     * rule converges geometrically; 2·(|x| + 30) nodes give full double precision for any x.
     */
    public static double besselJ0(double x) {
        int n = 2 * ((int) Math.ceil(Math.abs(x)) + 30);
        double s = 0;
        for (int j = 0; j < n; j++) {
            double theta = Math.PI * (j + 0.5) / n;                                   // midpoint nodes
            s += Math.cos(x * Math.sin(theta));
        }
        return s / n;
    }

    @Override
    public String toString() {
        return name;
    }
}
