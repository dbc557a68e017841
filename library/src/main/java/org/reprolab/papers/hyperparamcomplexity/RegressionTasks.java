package org.reprolab.papers.hyperparamcomplexity;

import java.util.SplittableRandom;

/**
 * A distribution D over small regression tasks P, the "problem instances" of the paper's data-driven tuning: each
 * task draws inputs x uniform on [−2, 2]² and a random teacher, a one-hidden-layer network
 * {@code y = Σ_k a_k σ_{α*}(w_k·x + b_k)} with its own activation mix α* uniform on [0, 1], plus Gaussian noise.
 * Every task has a training and a validation set of the same sizes, so tasks stack into one batch.
 *
 * @param xTrain inputs [task][sample][2]
 * @param yTrain targets [task][sample]
 * @param xValidation validation inputs [task][sample][2]
 * @param yValidation validation targets [task][sample]
 * @param teacherAlpha each task's teacher activation mix α*
 */
public record RegressionTasks(double[][][] xTrain, double[][] yTrain, double[][][] xValidation, double[][] yValidation,
        double[] teacherAlpha) {

    /** Input dimension. */
    public static final int INPUTS = 2;
    /** Hidden units of each teacher. */
    public static final int TEACHER_UNITS = 8;

    /** Number of tasks. */
    public int size() {
        return yTrain.length;
    }

    /**
     * Draws {@code tasks} tasks with {@code train} training and {@code validation} validation points each, and
     * observation noise of standard deviation {@code noise}.
     */
    public static RegressionTasks sample(int tasks, int train, int validation, double noise, SplittableRandom rng) {
        double[][][] xt = new double[tasks][][];
        double[][] yt = new double[tasks][];
        double[][][] xv = new double[tasks][][];
        double[][] yv = new double[tasks][];
        double[] alpha = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            alpha[t] = rng.nextDouble();
            double[][] w = new double[TEACHER_UNITS][INPUTS];
            double[] b = new double[TEACHER_UNITS];
            double[] a = new double[TEACHER_UNITS];
            for (int k = 0; k < TEACHER_UNITS; k++) {
                for (int j = 0; j < INPUTS; j++) {
                    w[k][j] = 1.5 * rng.nextGaussian();
                }
                b[k] = rng.nextGaussian();
                a[k] = rng.nextGaussian() / Math.sqrt(TEACHER_UNITS);
            }
            xt[t] = inputs(train, rng);
            yt[t] = targets(xt[t], w, b, a, alpha[t], noise, rng);
            xv[t] = inputs(validation, rng);
            yv[t] = targets(xv[t], w, b, a, alpha[t], noise, rng);
        }
        return new RegressionTasks(xt, yt, xv, yv, alpha);
    }

    private static double[][] inputs(int n, SplittableRandom rng) {
        double[][] x = new double[n][INPUTS];
        for (double[] row : x) {
            for (int j = 0; j < INPUTS; j++) {
                row[j] = -2 + 4 * rng.nextDouble();
            }
        }
        return x;
    }

    private static double[] targets(double[][] x, double[][] w, double[] b, double[] a, double alpha, double noise,
            SplittableRandom rng) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < a.length; k++) {
                double z = b[k];
                for (int j = 0; j < INPUTS; j++) {
                    z += w[k][j] * x[i][j];
                }
                s += a[k] * InterpolatedActivation.value(z, alpha);
            }
            y[i] = s + noise * rng.nextGaussian();
        }
        return y;
    }
}
