package org.reprolab.papers.sgntk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paper's inputs: points x(α) = (cos α, sin α) on the unit circle, parametrised by their angle, so that a
 * kernel or a network's output can be drawn as a function of α.
 */
public final class CircleInputs {

    private CircleInputs() {}

    /** x(α) = (cos α, sin α). */
    public static double[] point(double alpha) {
        return new double[] {Math.cos(alpha), Math.sin(alpha)};
    }

    /** The angles 2πi/n, i = 0 … n − 1. */
    public static double[] angles(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 2 * Math.PI * i / n;
        }
        return a;
    }

    /** {@code n} angles drawn uniformly from [0, 2π), sorted. */
    public static double[] randomAngles(int n, SplittableRandom rng) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 2 * Math.PI * rng.nextDouble();
        }
        Arrays.sort(a);
        return a;
    }

    /** The points x(α) at the given angles, one row each. */
    public static double[][] points(double... alphas) {
        double[][] x = new double[alphas.length][];
        for (int i = 0; i < alphas.length; i++) {
            x[i] = point(alphas[i]);
        }
        return x;
    }

    /** {@code n} evenly spaced points, at the angles 2πi/n. */
    public static double[][] circle(int n) {
        return points(angles(n));
    }

    /** Points (one row each) as a float64 array (N, 2) for {@link SurrogateMlp}. */
    public static NDArray nd(NDManager manager, double[][] x) {
        double[] flat = new double[x.length * 2];
        for (int i = 0; i < x.length; i++) {
            flat[2 * i] = x[i][0];
            flat[2 * i + 1] = x[i][1];
        }
        return manager.create(flat, new Shape(x.length, 2));
    }
}
