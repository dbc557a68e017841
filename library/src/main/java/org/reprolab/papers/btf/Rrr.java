package org.reprolab.papers.btf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reprolab.engine.Interrupts;

/**
 * The reflect-reflect-relax (RRR) iteration for a feasibility problem \(x \in A \cap B\), given the two
 * projections \(P_A\) and \(P_B\):
 *
 * <p>\[ z \leftarrow z + \beta\,\big[P_B(2P_A(z) - z) - P_A(z)\big] \]
 *
 * <p>with \(0 < \beta \le 1\). At a fixed point the bracket vanishes, so \(x = P_A(z) = P_B(2P_A(z) - z)\) lies
 * in both sets: it is a solution. The error \(\varepsilon = \|P_B(2P_A(z) - z) - P_A(z)\|\), the distance
 * between the A-side and the B-side estimates of the solution, is recorded at every iteration; it falls to zero
 * (geometrically) when the iteration finds a solution and fluctuates while it searches. (It is the gap between the
 * two constraints as RRR sees them, in place of \(\|P_A(z) - P_B(z)\|\): it costs no extra projection.)
 *
 * <pre>{@code
 * Rrr rrr = Rrr.builder().setA(pa).setB(pb).optBeta(0.5).optMaxIterations(10_000).build();
 * Rrr.Result r = rrr.solve(z0);                            // one run from z0
 * List<Rrr.Result> all = rrr.solve(10, rng -> start(rng), ctx.random("restarts"));   // restarts
 * }</pre>
 */
public final class Rrr {

    private final Projection a;
    private final Projection b;
    private final double beta;
    private final int maxIterations;
    private final double tolerance;
    private final Predicate<double[]> stop;
    private final int checkEvery;

    private Rrr(Builder builder) {
        this.a = builder.a;
        this.b = builder.b;
        this.beta = builder.beta;
        this.maxIterations = builder.maxIterations;
        this.tolerance = builder.tolerance;
        this.stop = builder.stop;
        this.checkEvery = builder.checkEvery;
    }

    /** A builder: {@code setA} and {@code setB} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The outcome of one RRR run.
     *
     * @param z the final iterate
     * @param solutionA \(P_A(z)\) at the last iteration: the solution when the run converged
     * @param solutionB \(P_B(2P_A(z) - z)\) at the last iteration: a point of B (for divide-and-concur, a
     *     network whose copies agree)
     * @param iterations iterations done
     * @param converged whether the error fell to the tolerance (a fixed point: solutionA is in A and B)
     * @param stopped whether the stop condition accepted solutionB
     * @param errors the error \(\|P_B(2P_A(z) - z) - P_A(z)\|\) after each iteration
     */
    public record Result(double[] z, double[] solutionA, double[] solutionB, int iterations, boolean converged,
            boolean stopped, double[] errors) {

        /** Whether the run ended on a solution, by either criterion. */
        public boolean solved() {
            return converged || stopped;
        }

        /** The last recorded error, or NaN before any iteration. */
        public double finalError() {
            return errors.length == 0 ? Double.NaN : errors[errors.length - 1];
        }
    }

    /**
     * One RRR step in place: \(z \leftarrow z + \beta[P_B(2P_A(z) - z) - P_A(z)]\). Leaves \(P_A(z)\) in
     * {@code pa}, the reflection \(2P_A(z) - z\) in {@code reflected} and \(P_B\) of it in {@code pb} (all of
     * z's length), and returns the error \(\|P_B(2P_A(z) - z) - P_A(z)\|\).
     */
    public static double step(double[] z, Projection a, Projection b, double beta, double[] pa, double[] reflected,
            double[] pb) {
        int n = z.length;
        a.project(z, pa);
        for (int i = 0; i < n; i++) {
            reflected[i] = 2 * pa[i] - z[i];                 // reflect through A
        }
        b.project(reflected, pb);                            // then project onto B
        double err = 0;
        for (int i = 0; i < n; i++) {
            double d = pb[i] - pa[i];
            z[i] += beta * d;                                // Eq. (2): z ← z + β[P_B(2P_A(z) − z) − P_A(z)]
            err += d * d;
        }
        return Math.sqrt(err);
    }

    /** Runs RRR from {@code z0} (not modified) until convergence, the stop condition, or the iteration limit. */
    public Result solve(double[] z0) {
        int n = z0.length;
        double[] z = z0.clone();
        double[] pa = new double[n];
        double[] reflected = new double[n];
        double[] pb = new double[n];
        double[] errors = new double[maxIterations];
        int it = 0;
        boolean converged = false;
        boolean stopped = false;
        while (it < maxIterations) {
            if ((it & 63) == 0) {
                Interrupts.check();
            }
            errors[it++] = step(z, a, b, beta, pa, reflected, pb);
            if (errors[it - 1] <= tolerance) {
                converged = true;
                break;
            }
            if (stop != null && it % checkEvery == 0 && stop.test(pb)) {
                stopped = true;
                break;
            }
        }
        return new Result(z, pa, pb, it, converged, stopped, Arrays.copyOf(errors, it));
    }

    /**
     * Runs {@code restarts} independent RRR runs, each from {@code init.apply(rng.split())}: the usual way to use
     * RRR on a nonconvex problem, where a run that wanders too long is cheaper to restart than to wait for.
     */
    public List<Result> solve(int restarts, Function<SplittableRandom, double[]> init, SplittableRandom rng) {
        List<Result> out = new ArrayList<>(restarts);
        for (int r = 0; r < restarts; r++) {
            out.add(solve(init.apply(rng.split())));
        }
        return out;
    }

    /** Builder for {@link Rrr}. */
    public static final class Builder {
        private Projection a;
        private Projection b;
        private double beta = 0.5;
        private int maxIterations = 10_000;
        private double tolerance = 1e-10;
        private Predicate<double[]> stop;
        private int checkEvery = 1;

        private Builder() {}

        /** The projection \(P_A\) (applied first). */
        public Builder setA(Projection a) {
            this.a = a;
            return this;
        }

        /** The projection \(P_B\) (applied to the reflection \(2P_A(z) - z\)). */
        public Builder setB(Projection b) {
            this.b = b;
            return this;
        }

        /** The relaxation β in (0, 1]; default 0.5. */
        public Builder optBeta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Iteration limit per run; default 10,000. */
        public Builder optMaxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        /** Stop when the error ε is at most this (a fixed point); default 1e-10. */
        public Builder optTolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /**
         * An extra stop condition tested on \(P_B(2P_A(z) - z)\) every {@code every} iterations (e.g. "this
         * network reproduces the truth table"); default none.
         */
        public Builder optStop(Predicate<double[]> stop, int every) {
            this.stop = stop;
            this.checkEvery = every;
            return this;
        }

        /** Checks the settings and builds the solver. */
        public Rrr build() {
            Objects.requireNonNull(a, "setA: the projection P_A is required");
            Objects.requireNonNull(b, "setB: the projection P_B is required");
            if (!(beta > 0 && beta <= 1)) {
                throw new IllegalArgumentException("β must be in (0, 1], got " + beta);
            }
            if (maxIterations < 1 || checkEvery < 1) {
                throw new IllegalArgumentException("maxIterations and the check interval must be positive");
            }
            return new Rrr(this);
        }
    }
}
