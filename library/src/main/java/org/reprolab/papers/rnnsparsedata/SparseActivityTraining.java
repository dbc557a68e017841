package org.reprolab.papers.rnnsparsedata;

import java.util.Arrays;
import org.reprolab.engine.Interrupts;
import org.reprolab.train.Adam;

/**
 * Trains a student {@link RateRnn} on a teacher's outputs plus the rates of a sparse subset of its units
 * (Salatiello and Giese 2020): L = mean_t,o (z_t − z*_t)² + λ · mean_t,i∈S (r_{π(i),t} − r*_{i,t})², summed over
 * conditions, by backpropagation through time and Adam on all of W, B, b and C. Recorded teacher unit {@code i}
 * of the subset is matched to student unit {@code i} (π(i) = i), so with M recorded units the first M student
 * units are asked to reproduce them; M = 0 is output-only training.
 *
 * <pre>{@code
 * SparseActivityTraining.Result r = SparseActivityTraining.builder().setIterations(800).setActivityWeight(1)
 *         .build().train(student, inputs, targetOutputs, recordedRates);
 * }</pre>
 */
public final class SparseActivityTraining {

    private final int iterations;
    private final double learningRate;
    private final double activityWeight;
    private final double clip;

    private SparseActivityTraining(Builder b) {
        this.iterations = b.iterations;
        this.learningRate = b.learningRate;
        this.activityWeight = b.activityWeight;
        this.clip = b.clip;
    }

    /** A builder: iterations required; Adam at 0.01, λ = 1, gradient norm clipped at 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The trained student (a copy) and the loss before each step. */
    public record Result(RateRnn student, double[] loss) { }

    /**
     * Trains a copy of {@code init}.
     *
     * @param inputs per condition, T × inputs
     * @param targetOutputs per condition, T × outputs (the teacher's z*)
     * @param recordedRates per condition, T × M (the recorded teacher units' rates; M may be 0)
     */
    public Result train(RateRnn init, double[][][] inputs, double[][][] targetOutputs, double[][][] recordedRates) {
        RateRnn s = init.copy();
        double[][][] params = {s.w(), s.b(), new double[][] {s.bias()}, s.c()};
        double[] theta = flatten(params);
        Adam adam = new Adam(theta.length, learningRate);
        double[] loss = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            Interrupts.check();
            double[][][] grads = zerosLike(params);
            double l = 0;
            for (int k = 0; k < inputs.length; k++) {
                l += lossAndGradient(s, inputs[k], targetOutputs[k], recordedRates[k], grads);
            }
            loss[it] = l;
            adam.update(theta, flatten(grads), clipScale(grads, clip));
            copyInto(theta, params);
        }
        return new Result(s, loss);
    }

    /**
     * The loss of one condition and its gradient, added into {@code g} (W, B, {b}, C), by backpropagation through
     * time.
     */
    double lossAndGradient(RateRnn s, double[][] u, double[][] zStar, double[][] rStar, double[][][] g) {
        int n = s.size();
        int steps = u.length;
        int outs = s.c().length;
        int m = rStar.length == 0 ? 0 : rStar[0].length;
        double alpha = s.alpha();
        double[][] r = new double[steps + 1][n];
        double[] x = new double[n];
        for (int t = 0; t < steps; t++) {
            double[] a = s.drive(r[t], u[t]);
            for (int i = 0; i < n; i++) {
                x[i] = (1 - alpha) * x[i] + alpha * a[i];
                r[t + 1][i] = Math.tanh(x[i]);
            }
        }
        double zScale = 2.0 / (steps * outs);
        double rScale = m == 0 ? 0 : 2.0 * activityWeight / (steps * m);
        double loss = 0;
        double[] gxNext = new double[n];
        for (int t = steps; t >= 0; t--) {
            double[] gr = new double[n];
            if (t >= 1) {
                for (int o = 0; o < outs; o++) {
                    double z = 0;
                    for (int j = 0; j < n; j++) {
                        z += s.c()[o][j] * r[t][j];
                    }
                    double e = z - zStar[t - 1][o];
                    loss += e * e * zScale / 2;
                    for (int j = 0; j < n; j++) {
                        g[3][o][j] += zScale * e * r[t][j];
                        gr[j] += zScale * e * s.c()[o][j];
                    }
                }
                for (int i = 0; i < m; i++) {
                    double e = r[t][i] - rStar[t - 1][i];
                    loss += e * e * rScale / 2;
                    gr[i] += rScale * e;
                }
            }
            if (t < steps) {
                // a_t = W r_t + B u_t + b feeds x_{t+1}
                for (int i = 0; i < n; i++) {
                    double ga = alpha * gxNext[i];
                    if (ga == 0) {
                        continue;
                    }
                    for (int j = 0; j < n; j++) {
                        g[0][i][j] += ga * r[t][j];
                        gr[j] += s.w()[i][j] * ga;
                    }
                    for (int k = 0; k < u[t].length; k++) {
                        g[1][i][k] += ga * u[t][k];
                    }
                    g[2][0][i] += ga;
                }
            }
            if (t == 0) {
                break;
            }
            double[] gx = new double[n];
            for (int i = 0; i < n; i++) {
                gx[i] = gr[i] * (1 - r[t][i] * r[t][i]) + (t < steps ? (1 - alpha) * gxNext[i] : 0);
            }
            gxNext = gx;
        }
        return loss;
    }

    private static double[][][] zerosLike(double[][][] p) {
        double[][][] z = new double[p.length][][];
        for (int a = 0; a < p.length; a++) {
            z[a] = new double[p[a].length][];
            for (int i = 0; i < p[a].length; i++) {
                z[a][i] = new double[p[a][i].length];
            }
        }
        return z;
    }

    /** The factor that clips the global norm of {@code g} at {@code clip} (1 when it is below). */
    private static double clipScale(double[][][] g, double clip) {
        double norm = 0;
        for (double[][] ga : g) {
            for (double[] row : ga) {
                norm += Arrays.stream(row).map(v -> v * v).sum();
            }
        }
        norm = Math.sqrt(norm);
        return norm > clip ? clip / norm : 1;
    }

    private static double[] flatten(double[][][] p) {
        return Arrays.stream(p).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
    }

    private static void copyInto(double[] theta, double[][][] p) {
        int at = 0;
        for (double[][] pa : p) {
            for (double[] row : pa) {
                System.arraycopy(theta, at, row, 0, row.length);
                at += row.length;
            }
        }
    }

    /** Builder. */
    public static final class Builder {
        private int iterations = -1;
        private double learningRate = 0.01;
        private double activityWeight = 1;
        private double clip = 1;

        /** Adam steps (full batch over the training conditions); required. */
        public Builder setIterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** Adam's learning rate (default 0.01). */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** λ, the weight of the recorded-activity term (default 1). */
        public Builder setActivityWeight(double activityWeight) {
            this.activityWeight = activityWeight;
            return this;
        }

        /** The global gradient-norm clip (default 1). */
        public Builder optClip(double clip) {
            this.clip = clip;
            return this;
        }

        /** The trainer. */
        public SparseActivityTraining build() {
            if (iterations < 1) {
                throw new IllegalStateException("setIterations is required");
            }
            return new SparseActivityTraining(this);
        }
    }
}
