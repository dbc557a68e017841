package org.reprolab.papers.btf;

import java.util.Objects;
import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * The gradient baseline: the same {@link BtfNetwork} (sign units, real weights) trained by full-batch Adam on the
 * squared hinge loss of the output pre-activations, back-propagating through each hidden sign unit with the
 * straight-through estimator (Bengio et al. 2013; Hubara et al. 2016):
 *
 * <p>\[ L = \frac{1}{RM}\sum_{r,o} \max(0,\, 1 - t_{ro} a_{ro})^2, \qquad
 *       \frac{\partial y_j}{\partial a_j} := \mathbf{1}\{|a_j| \le 1\} \ \ (y_j = \operatorname{sgn} a_j), \]
 *
 * <p>the forward pass using the true sign. One Adam step uses every row once: one pass over the table, the same
 * unit of work as one RRR iteration.
 */
public final class StraightThrough {

    private final BtfNetwork net;
    private final double learningRate;
    private final int passes;

    private StraightThrough(Builder b) {
        this.net = b.net;
        this.learningRate = b.learningRate;
        this.passes = b.passes;
    }

    /** A builder; {@code setNetwork} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A training run's outcome.
     *
     * @param solved whether the sign network reproduced every row
     * @param passes passes over the table done (stops at the first exact network)
     * @param weights the final weights
     * @param losses the loss before each update
     */
    public record Result(boolean solved, int passes, double[][] weights, double[] losses) { }

    /**
     * The loss L and its straight-through gradient, written into {@code grad} (same shape as the weights).
     * Returns L; {@code correct[0]} (if not null) receives the number of rows the sign network gets right.
     */
    public static double lossAndGradient(BtfNetwork net, double[][] weights, TruthTable table, double[][] grad,
            int[] correct) {
        int nodes = net.nodes();
        int n0 = net.inputs();
        int[][] src = new int[nodes][];
        for (int j = 0; j < nodes; j++) {
            src[j] = net.sources(j);
            java.util.Arrays.fill(grad[j], 0);
        }
        int[] outs = net.outputs();
        int[] outputColumn = new int[nodes];
        java.util.Arrays.fill(outputColumn, -1);
        for (int o = 0; o < outs.length; o++) {
            outputColumn[outs[o]] = o;
        }
        double norm = 1.0 / (table.rows() * outs.length);
        double[] lines = new double[n0 + nodes];
        double[] pre = new double[nodes];
        double[] dLine = new double[n0 + nodes];
        double loss = 0;
        int right = 0;
        for (int r = 0; r < table.rows(); r++) {
            System.arraycopy(table.input(r), 0, lines, 0, n0);
            for (int j = 0; j < nodes; j++) {                      // forward with true signs
                double[] w = weights[j];
                double a = net.bias() ? w[src[j].length] : 0;
                for (int i = 0; i < src[j].length; i++) {
                    a += w[i] * lines[src[j][i]];
                }
                pre[j] = a;
                lines[n0 + j] = a >= 0 ? 1 : -1;
            }
            boolean ok = true;
            java.util.Arrays.fill(dLine, 0);
            for (int j = nodes - 1; j >= 0; j--) {                 // backward
                double da = 0;
                if (outputColumn[j] >= 0) {
                    double t = table.output(r)[outputColumn[j]];
                    ok &= lines[n0 + j] == t;
                    double slack = Math.max(0, 1 - t * pre[j]);
                    loss += norm * slack * slack;                    // squared hinge on the pre-activation
                    da += -2 * norm * t * slack;
                }
                if (Math.abs(pre[j]) <= 1) {
                    da += dLine[n0 + j];                             // Eq. (5): dy/da := 1{|a| ≤ 1}
                }
                if (da == 0) {
                    continue;
                }
                double[] w = weights[j];
                double[] g = grad[j];
                for (int i = 0; i < src[j].length; i++) {
                    g[i] += da * lines[src[j][i]];
                    dLine[src[j][i]] += da * w[i];
                }
                if (net.bias()) {
                    g[src[j].length] += da;
                }
            }
            if (ok) {
                right++;
            }
        }
        if (correct != null) {
            correct[0] = right;
        }
        return loss;
    }

    /** Trains from Gaussian weights \(N(0, 1/n_j)\) drawn from {@code rng}, stopping at the first exact network. */
    public Result train(TruthTable table, SplittableRandom rng) {
        int nodes = net.nodes();
        double[][] w = new double[nodes][];
        double[][] g = new double[nodes][];
        double[][] m = new double[nodes][];
        double[][] v = new double[nodes][];
        for (int j = 0; j < nodes; j++) {
            int fan = net.fanIn(j);
            w[j] = new double[fan];
            g[j] = new double[fan];
            m[j] = new double[fan];
            v[j] = new double[fan];
            for (int i = 0; i < fan; i++) {
                w[j][i] = gaussian(rng) / Math.sqrt(fan);
            }
        }
        double b1 = 0.9;
        double b2 = 0.999;
        double[] losses = new double[passes];
        int[] correct = new int[1];
        int p = 0;
        boolean solved = false;
        while (p < passes) {
            if ((p & 63) == 0) {
                Interrupts.check();
            }
            losses[p] = lossAndGradient(net, w, table, g, correct);
            p++;
            if (correct[0] == table.rows()) {
                solved = true;
                break;
            }
            double c1 = 1 - Math.pow(b1, p);
            double c2 = 1 - Math.pow(b2, p);
            for (int j = 0; j < nodes; j++) {
                for (int i = 0; i < w[j].length; i++) {              // Adam
                    m[j][i] = b1 * m[j][i] + (1 - b1) * g[j][i];
                    v[j][i] = b2 * v[j][i] + (1 - b2) * g[j][i] * g[j][i];
                    w[j][i] -= learningRate * (m[j][i] / c1) / (Math.sqrt(v[j][i] / c2) + 1e-8);
                }
            }
        }
        return new Result(solved, p, w, java.util.Arrays.copyOf(losses, p));
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);    // Box–Muller
    }

    /** Builder for {@link StraightThrough}. */
    public static final class Builder {
        private BtfNetwork net;
        private double learningRate = 0.01;
        private int passes = 10_000;

        private Builder() {}

        /** The architecture (required). */
        public Builder setNetwork(BtfNetwork net) {
            this.net = net;
            return this;
        }

        /** Adam's learning rate; default 0.01. */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Passes over the table (full-batch steps) per run; default 10,000. */
        public Builder optPasses(int passes) {
            this.passes = passes;
            return this;
        }

        /** Checks the settings and builds the trainer. */
        public StraightThrough build() {
            Objects.requireNonNull(net, "setNetwork: the architecture is required");
            if (!(learningRate > 0) || passes < 1) {
                throw new IllegalArgumentException("need a positive learning rate and at least one pass");
            }
            return new StraightThrough(this);
        }
    }
}
