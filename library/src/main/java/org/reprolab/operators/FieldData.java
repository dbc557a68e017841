package org.reprolab.operators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Pairs of input and output fields on one grid, one channel each: {@code inputs} and {@code targets} hold
 * {@code samples} fields of {@code grid} values (N or N·N, row-major), as arrays of shape [samples, 1, N] or
 * [samples, 1, N, N].
 *
 * @param inputs the input fields, sample after sample
 * @param targets the target fields, sample after sample
 * @param samples number of pairs
 * @param side grid nodes per axis
 * @param dims 1 or 2
 */
public record FieldData(float[] inputs, float[] targets, int samples, int side, int dims) {

    /** Nodes per field. */
    public int nodes() {
        return dims == 1 ? side : side * side;
    }

    /** The inputs as [samples, 1, N(, N)], scaled by {@code scale}. */
    public NDArray inputsNd(NDManager m, double scale) {
        return m.create(scaled(inputs, scale), shape());
    }

    /** The targets as [samples, 1, N(, N)], scaled by {@code scale}. */
    public NDArray targetsNd(NDManager m, double scale) {
        return m.create(scaled(targets, scale), shape());
    }

    /** Root mean square of the inputs (a scale that brings them to order one). */
    public double inputRms() {
        return rms(inputs);
    }

    /** Root mean square of the targets. */
    public double targetRms() {
        return rms(targets);
    }

    /** Sample i's input as doubles. */
    public double[] input(int i) {
        return slice(inputs, i);
    }

    /** Sample i's target as doubles. */
    public double[] target(int i) {
        return slice(targets, i);
    }

    private double[] slice(float[] v, int i) {
        double[] out = new double[nodes()];
        for (int j = 0; j < out.length; j++) {
            out[j] = v[i * nodes() + j];
        }
        return out;
    }

    private Shape shape() {
        return dims == 1 ? new Shape(samples, 1, side) : new Shape(samples, 1, side, side);
    }

    private static float[] scaled(float[] v, double scale) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * scale);
        }
        return out;
    }

    private static double rms(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s / v.length);
    }

    /**
     * {@code samples} 1-D Poisson pairs f ↦ u (−u″ = f, zero Dirichlet) on n interior nodes, f a random sine
     * series ({@link RandomFields#sineSeries}) with {@code modes} modes whose amplitudes decay as k^(−decay).
     */
    public static FieldData poisson1d(int samples, int n, int modes, double decay, SplittableRandom rng) {
        float[] x = new float[samples * n];
        float[] y = new float[samples * n];
        for (int s = 0; s < samples; s++) {
            double[] f = RandomFields.sineSeries(n, modes, decay, rng);
            double[] u = Poisson1d.solve(f);
            for (int i = 0; i < n; i++) {
                x[s * n + i] = (float) f[i];
                y[s * n + i] = (float) u[i];
            }
        }
        return new FieldData(x, y, samples, n, 1);
    }

    /**
     * {@code samples} 2-D Darcy pairs a ↦ u (−∇·(a∇u) = 1, zero Dirichlet) on n × n interior nodes, a a thresholded
     * Gaussian random field with values 3 and 12 (α = 2, τ = 3, the FNO benchmark's convention).
     */
    public static FieldData darcy2d(int samples, int n, SplittableRandom rng) {
        int nodes = n * n;
        float[] x = new float[samples * nodes];
        float[] y = new float[samples * nodes];
        double[][] one = new double[n][n];
        for (double[] row : one) {
            java.util.Arrays.fill(row, 1.0);
        }
        for (int s = 0; s < samples; s++) {
            double[][] a = RandomFields.thresholdedField(n, 12, 2, 3, 3, 12, rng);
            double[][] u = Darcy2d.solve(a, one);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    x[s * nodes + i * n + j] = (float) a[i][j];
                    y[s * nodes + i * n + j] = (float) u[i][j];
                }
            }
        }
        return new FieldData(x, y, samples, n, 2);
    }
}
