package org.reprolab.papers.hyperparamcomplexity;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;
import org.reprolab.train.Adam;

/**
 * The dual function {@code α ↦ u_α(P)} of the activation-tuning application, sampled: for every task P and every α
 * on a grid, a student {@code 2 → h → 1} with activation {@link InterpolatedActivation σ_α} is trained by full-batch
 * Adam for a fixed number of steps from one initialisation per task (the same for every α, so the curve is a
 * function of α alone), and {@code u_α(P)} is its validation mean squared error. The students are tiny (65
 * weights at h = 16), so they train in plain double-precision Java with hand-written gradients: thousands of them
 * take seconds, where a tensor library's per-operation overhead would take minutes.
 *
 * <pre>{@code
 * double[][] u = DualFunctionSampler.builder().setAlphas(DualFunctionSampler.grid(21)).build()
 *         .sample(RegressionTasks.sample(50, 40, 40, 0.1, rng), 7L);
 * }</pre>
 */
public final class DualFunctionSampler {

    private final double[] alphas;
    private final int hidden;
    private final int steps;
    private final double learningRate;

    private DualFunctionSampler(Builder b) {
        this.alphas = b.alphas.clone();
        this.hidden = b.hidden;
        this.steps = b.steps;
        this.learningRate = b.learningRate;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code n} evenly spaced values from 0 to 1. */
    public static double[] grid(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (double) i / (n - 1);
        }
        return a;
    }

    /** The α grid. */
    public double[] alphas() {
        return alphas.clone();
    }

    /** Trainable parameters of one student: {@code 2h} input weights, h biases, h output weights, one bias. */
    public int parametersPerStudent() {
        return RegressionTasks.INPUTS * hidden + hidden + hidden + 1;
    }

    /**
     * {@code u[task][alpha]}: the validation loss of each task's student at each α; task t's initial weights come
     * from {@code initSeed} and t alone, so a task's curve does not depend on which other tasks are sampled with it.
     */
    public double[][] sample(RegressionTasks tasks, long initSeed) {
        double[][] u = new double[tasks.size()][alphas.length];
        for (int t = 0; t < tasks.size(); t++) {
            double[] init = initialWeights(new SplittableRandom(initSeed * 1_000_003L + t));
            for (int a = 0; a < alphas.length; a++) {
                Interrupts.check();
                double[] w = train(init, tasks.xTrain()[t], tasks.yTrain()[t], alphas[a]);
                u[t][a] = loss(w, tasks.xValidation()[t], tasks.yValidation()[t], alphas[a], null);
            }
        }
        return u;
    }

    /** He-normal input weights, zero biases, output weights of variance 1/h; layout [W1 (h×2), b1, w2, b2]. */
    double[] initialWeights(SplittableRandom rng) {
        double[] w = new double[parametersPerStudent()];
        int in = RegressionTasks.INPUTS;
        for (int i = 0; i < in * hidden; i++) {
            w[i] = rng.nextGaussian() * Math.sqrt(2.0 / in);
        }
        for (int k = 0; k < hidden; k++) {
            w[in * hidden + hidden + k] = rng.nextGaussian() / Math.sqrt(hidden);
        }
        return w;
    }

    /** {@code steps} full-batch Adam steps on the mean squared error from {@code init}; the trained weights. */
    double[] train(double[] init, double[][] x, double[] y, double alpha) {
        double[] w = init.clone();
        double[] g = new double[w.length];
        Adam adam = new Adam(w.length, learningRate);
        for (int step = 1; step <= steps; step++) {
            loss(w, x, y, alpha, g);
            adam.update(w, g);
        }
        return w;
    }

    /**
     * The mean squared error of the student {@code w} with activation σ_α on (x, y); when {@code grad} is not null
     * it receives the gradient with respect to w (backpropagation written out).
     */
    double loss(double[] w, double[][] x, double[] y, double alpha, double[] grad) {
        int in = RegressionTasks.INPUTS;
        int b1 = in * hidden;
        int w2 = b1 + hidden;
        int b2 = w2 + hidden;
        if (grad != null) {
            Arrays.fill(grad, 0);
        }
        double[] h = new double[hidden];
        double[] dh = new double[hidden];
        double sum = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double out = w[b2];
            for (int k = 0; k < hidden; k++) {
                double z = w[b1 + k];
                for (int j = 0; j < in; j++) {
                    z += w[k * in + j] * x[i][j];
                }
                double tanh = 1 - 2 / (Math.exp(2 * z) + 1);             // tanh z, faster than Math.tanh
                h[k] = alpha * Math.max(0, z) + (1 - alpha) * tanh;
                dh[k] = alpha * (z > 0 ? 1 : 0) + (1 - alpha) * (1 - tanh * tanh);
                out += w[w2 + k] * h[k];
            }
            double e = out - y[i];
            sum += e * e;
            if (grad != null) {
                double dOut = 2 * e / n;
                grad[b2] += dOut;
                for (int k = 0; k < hidden; k++) {
                    grad[w2 + k] += dOut * h[k];
                    double dz = dOut * w[w2 + k] * dh[k];
                    grad[b1 + k] += dz;
                    for (int j = 0; j < in; j++) {
                        grad[k * in + j] += dz * x[i][j];
                    }
                }
            }
        }
        return sum / n;
    }

    /** Builds a {@link DualFunctionSampler}. */
    public static final class Builder {
        private double[] alphas = grid(21);
        private int hidden = 16;
        private int steps = 300;
        private double learningRate = 0.02;

        /** The α grid; default 21 points on [0, 1]. */
        public Builder setAlphas(double... alphas) {
            this.alphas = alphas.clone();
            return this;
        }

        /** Hidden units of each student; default 16 (the notes' choice). */
        public Builder optHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Full-batch Adam steps; default 300. */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Adam's learning rate; default 0.02. */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** The sampler. */
        public DualFunctionSampler build() {
            if (alphas.length < 2 || hidden < 1 || steps < 1) {
                throw new IllegalArgumentException("need ≥ 2 alphas, hidden ≥ 1 and steps ≥ 1");
            }
            return new DualFunctionSampler(this);
        }
    }
}
