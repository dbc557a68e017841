package org.reprolab.papers.btf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Learns a {@link BtfNetwork} from a {@link TruthTable} by RRR ({@link Rrr}) on the divide-and-concur
 * formulation ({@link DivideAndConcur}): no loss, no gradient, only the two projections
 *
 * <p>\[ z \leftarrow z + \beta\,[P_B(2P_A(z) - z) - P_A(z)], \]
 *
 * <p>A = in every replica every node satisfies \(y (w \cdot x) \ge \mu\rho\) with ±1 values, B = all copies
 * agree and input weights lie in [−ρ, ρ]. A run ends when the
 * RRR error reaches the tolerance (a fixed point: a network with margin μ at every node on every row) or, with
 * {@link Builder#optStopWhenExact}, as soon as the agreed network reproduces the table.
 *
 * <pre>{@code
 * BtfSolver solver = BtfSolver.builder().setNetwork(BtfNetwork.layered(4, new int[] {7}, 4, true))
 *         .optMargin(0.5).optMaxIterations(2_000).optStopWhenExact(true).build();
 * BtfSolver.Result r = solver.solve(TruthTable.multiplier(2), new SplittableRandom(1));
 * r.solved(); r.weights(); r.errors();
 * }</pre>
 */
public final class BtfSolver {

    private final BtfNetwork net;
    private final double margin;
    private final double rho;
    private final double beta;
    private final int maxIterations;
    private final double tolerance;
    private final boolean stopWhenExact;
    private final boolean booleanInputs;

    private BtfSolver(Builder b) {
        this.booleanInputs = b.booleanInputs;
        this.net = b.net;
        this.margin = b.margin;
        this.rho = b.rho;
        this.beta = b.beta;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.stopWhenExact = b.stopWhenExact;
    }

    /** A builder; {@code setNetwork} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One run's outcome.
     *
     * @param solved whether the learned network reproduces every row of the table
     * @param converged whether RRR reached a fixed point (error ≤ tolerance), i.e. the margin holds everywhere
     * @param iterations RRR iterations done (each one pass over the table)
     * @param weights the learned weights (the agreed copies at the last iteration), {@code [node][fanIn]}
     * @param errors the RRR error \(\|P_B(2P_A(z) - z) - P_A(z)\|\) per iteration
     */
    public record Result(boolean solved, boolean converged, int iterations, double[][] weights, double[] errors) { }

    /** One RRR run from a random start drawn from {@code rng}. */
    public Result solve(TruthTable table, SplittableRandom rng) {
        DivideAndConcur dc = DivideAndConcur.builder().setNetwork(net).setTable(table).optMargin(margin)
                .optWeightScale(rho).optBooleanInputs(booleanInputs).build();
        Rrr.Builder rb = Rrr.builder().setA(dc.divide()).setB(dc.concur()).optBeta(beta)
                .optMaxIterations(maxIterations).optTolerance(tolerance * Math.sqrt(dc.size()));
        if (stopWhenExact) {
            rb.optStop(zb -> net.computes(dc.weightsOfFirstReplica(zb), table), 1);
        }
        Rrr.Result r = rb.build().solve(dc.randomStart(rng));
        double[][] w = dc.weightsOfFirstReplica(r.solutionB());
        return new Result(net.computes(w, table), r.converged(), r.iterations(), w, r.errors());
    }

    /** {@code restarts} independent runs, each from its own random start split off {@code rng}. */
    public List<Result> solve(TruthTable table, int restarts, SplittableRandom rng) {
        List<Result> out = new ArrayList<>(restarts);
        for (int i = 0; i < restarts; i++) {
            out.add(solve(table, rng.split()));
        }
        return out;
    }

    /** Builder for {@link BtfSolver}. */
    public static final class Builder {
        private BtfNetwork net;
        private double margin = 0.5;
        private double rho = 6;
        private double beta = 0.25;
        private boolean booleanInputs = true;
        private int maxIterations = 10_000;
        private double tolerance = 1e-8;
        private boolean stopWhenExact;

        private Builder() {}

        /** The architecture to learn (required). */
        public Builder setNetwork(BtfNetwork net) {
            this.net = net;
            return this;
        }

        /** Normalised margin μ in (0, 1]: every node must satisfy \(y(w\cdot x) \ge \mu\rho\); default 0.5. */
        public Builder optMargin(double margin) {
            this.margin = margin;
            return this;
        }

        /** Weight scale ρ: input weights in [−ρ, ρ] against ±1 values (a metric choice); default 6. */
        public Builder optWeightScale(double rho) {
            this.rho = rho;
            return this;
        }

        /** RRR relaxation β in (0, 1]; default 0.25. */
        public Builder optBeta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Whether upstream copies are ±1 in A (default) or continuous; see {@link DivideAndConcur}. */
        public Builder optBooleanInputs(boolean booleanInputs) {
            this.booleanInputs = booleanInputs;
            return this;
        }

        /** Iteration limit per run; default 10,000. */
        public Builder optMaxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        /** Convergence: RRR error at most this times \(\sqrt{\dim z}\); default 1e-8. */
        public Builder optTolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /**
         * Stop as soon as the agreed network reproduces the table (before the margin holds everywhere);
         * default false (run to the RRR fixed point).
         */
        public Builder optStopWhenExact(boolean stop) {
            this.stopWhenExact = stop;
            return this;
        }

        /** Checks the settings and builds the solver. */
        public BtfSolver build() {
            Objects.requireNonNull(net, "setNetwork: the architecture is required");
            if (!(margin > 0 && margin <= 1) || !(rho > 0) || !(beta > 0 && beta <= 1) || maxIterations < 1
                    || !(tolerance > 0)) {
                throw new IllegalArgumentException("need 0 < μ ≤ 1, ρ > 0, 0 < β ≤ 1, iterations ≥ 1, tolerance > 0");
            }
            return new BtfSolver(this);
        }
    }
}
