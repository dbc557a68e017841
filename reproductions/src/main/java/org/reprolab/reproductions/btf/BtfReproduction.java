package org.reprolab.reproductions.btf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.reprolab.engine.Progress;
import org.reprolab.papers.btf.BtfNetwork;
import org.reprolab.papers.btf.BtfSolver;
import org.reprolab.papers.btf.StraightThrough;
import org.reprolab.papers.btf.TruthTable;
import org.reprolab.report.Charts;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Step;
import org.reprolab.repro.StepContext;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Elser and Lal (2026): learning ±1 threshold networks by RRR projections on a divide-and-concur formulation,
 * against a straight-through gradient baseline, and the margin that makes the learned weights ±1. In the spirit
 * of the paper: the projections and the weight normalisation are our own derivation.
 */
public final class BtfReproduction implements Reproduction {

    static final String PAPER = "Elser & Lal (2026), arXiv:2602.17493";
    static final String ABSTRACT = PAPER + ", abstract (numbers not available to us)";

    static final Claim TEACHER = Claim.of("teacher-recovery",
            "RRR recovers a random two-layer threshold network (6 inputs, 3 ±1 gates, a ±1 majority gate) exactly "
                    + "from its 64-row truth table in most restarts (more than half), each restart within a fixed "
                    + "iteration budget.");
    static final Claim MULT_EXACT = Claim.of("multiplier-exact",
            "RRR learns the 2-bit multiplier exactly (all 16 rows, 4 output bits; 4 → 7 → 4 BTF units, the "
                    + "narrowest width with a ±1-gate solution at margin 1) in at least half of the restarts.");
    static final Claim MULT_VS_STE = Claim.of("multiplier-vs-ste",
            "RRR learns the 2-bit multiplier exactly more often than the straight-through gradient baseline "
                    + "(same network, best of 4 learning rates) on the same budget: as many restarts, and as many "
                    + "passes over the truth table per restart (one RRR iteration = one full-batch step = one pass).");
    static final Claim CA_VS_STE = Claim.of("ca-rule-vs-ste",
            "RRR learns cellular-automaton rule 110, seen through a 5-cell window whose 2 outer cells are "
                    + "distractors (5 → 2 → 1 BTF units), exactly more often than the straight-through baseline on "
                    + "the same budget (as above).");
    static final Claim PM1 = Claim.of("pm1-at-large-margin",
            "With a large margin (μ = 0.95) the learned networks are ±1 gate networks: in at least 90% of the RRR "
                    + "fixed points every input weight lies within 0.05ρ of {0, ±ρ}, and rounding the weights to "
                    + "those values leaves the network exact.");
    static final Claim MARGIN_DRIVES_PM1 = Claim.of("margin-drives-pm1",
            "The ±1 structure is due to the margin: the fraction of ±1 fixed points at μ = 0.95 exceeds the "
                    + "fraction at μ = 0.3 by at least 0.5.");

    // RRR settings shared by the learning steps (see DivideAndConcur): margin, weight scale, relaxation.
    static final double MU = 0.5;
    static final double RHO = 6;
    static final double BETA = 0.25;
    static final double[] STE_RATES = {0.003, 0.01, 0.03, 0.1};

    @Override
    public PaperCard card() {
        return new PaperCard("btf", 4, "Learning with Boolean threshold functions",
                List.of("Veit Elser", "Manish Krishan Lal"), 2026, "arXiv", "2602.17493",
                "Networks whose every value is ±1, each node a Boolean threshold function (BTF) with a margin, are "
                        + "trained without a loss: every node is replicated per training row, one constraint asks "
                        + "each replica to be a valid BTF with margin, the other asks all copies to agree, and the "
                        + "reflect-reflect-relax (RRR) projection algorithm finds a point in both. The paper "
                        + "reports exact solutions (multiplier circuits, logic networks, cellular automata) where "
                        + "gradient methods struggle, and ±1 weights when the margin is large. We implement the "
                        + "method in its spirit (the projections and the weight normalisation are our own "
                        + "derivation, the paper's being unavailable to us), recover random teacher networks, learn "
                        + "a 2-bit multiplier and CA rule 110 against a straight-through gradient baseline on the "
                        + "same budget, and measure how the margin shapes the weights.");
    }

    @Override
    public List<Claim> claims() {
        return List.of(TEACHER, MULT_EXACT, MULT_VS_STE, CA_VS_STE, PM1, MARGIN_DRIVES_PM1);
    }

    @Override
    public List<String> standIns() {
        return List.of(
                "The method is implemented in the spirit of the paper: the BTF projections, the box normalisation of "
                        + "the weights (|w_i| ≤ ρ, margin μρ) and the settings μ = 0.5, ρ = 6, β = 0.25 are ours; "
                        + "the paper's own were not available to us.",
                "Small tasks stand in for the paper's: a 2-bit multiplier (not 3-bit), rule 110 through a 5-cell "
                        + "window, random 6-input teacher networks with 3 hidden gates.",
                "Restarts and iteration budgets are small (quick: 20-40 restarts of at most 1,000 iterations; "
                        + "full: 60-160 restarts of at most 2,000); RRR stops as soon as the agreed network "
                        + "reproduces the table, except in the margin step, which runs to the RRR fixed point "
                        + "(at most 3,000 and 6,000 iterations).",
                "The gradient baseline is ours: the same sign network, squared hinge loss on the output "
                        + "pre-activations, the straight-through estimator (1{|a| ≤ 1}), full-batch Adam, the best "
                        + "of 4 learning rates.");
    }

    @Override
    public List<Step> steps() {
        return List.of(
                Step.of("teacher", "Recovering random teacher networks from their truth tables", this::teacher),
                Step.of("multiplier", "2-bit multiplier: RRR vs straight-through gradients", this::multiplier),
                Step.of("cellular-automaton", "Rule 110 through a window with distractors: RRR vs gradients",
                        this::cellularAutomaton),
                Step.of("margin", "Large margin gives ±1 weights", this::margin));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: teachers.

    private void teacher(StepContext ctx) {
        int teachers = ctx.quick() ? 8 : 16;
        int restarts = ctx.quick() ? 5 : 10;
        int budget = ctx.quick() ? 1000 : 2000;
        int n = 6;
        int hidden = 3;
        BtfNetwork net = BtfNetwork.layered(n, new int[] {hidden}, 1, true);
        BtfSolver solver = rrr(net, MU, budget, true);
        SplittableRandom teacherRng = ctx.random("teachers");
        SplittableRandom rrrRng = ctx.random("rrr");
        SplittableRandom steRng = ctx.random("ste");
        Table t = Table.create("teachers", IntColumn.create("teacher"), IntColumn.create("positive rows"),
                IntColumn.create("RRR exact"), IntColumn.create("RRR same gates"), IntColumn.create("STE exact"),
                DoubleColumn.create("RRR mean iterations"));
        int exact = 0;
        int sameGates = 0;
        int steExact = 0;
        long iterations = 0;
        try (Progress p = ctx.progress("teachers", teachers)) {
            for (int k = 0; k < teachers; k++) {
                double[][] tw = randomTeacher(n, hidden, teacherRng);
                TruthTable table = net.truthTable(tw);
                int ok = 0;
                int gates = 0;
                long its = 0;
                for (int r = 0; r < restarts; r++) {
                    BtfSolver.Result res = solver.solve(table, rrrRng.split());
                    its += res.iterations();
                    if (res.solved()) {
                        ok++;
                        gates += sameHiddenGates(net, res.weights(), tw, table) ? 1 : 0;
                    }
                }
                StraightThrough ste = StraightThrough.builder().setNetwork(net).optLearningRate(0.03)
                        .optPasses(budget).build();
                int steOk = 0;
                for (int r = 0; r < restarts; r++) {
                    steOk += ste.train(table, steRng.split()).solved() ? 1 : 0;
                }
                t.intColumn("teacher").append(k);
                t.intColumn("positive rows").append(positives(table));
                t.intColumn("RRR exact").append(ok);
                t.intColumn("RRR same gates").append(gates);
                t.intColumn("STE exact").append(steOk);
                t.doubleColumn("RRR mean iterations").append((double) its / restarts);
                exact += ok;
                sameGates += gates;
                steExact += steOk;
                iterations += its;
                p.step(ok + "/" + restarts);
            }
        }
        int runs = teachers * restarts;
        ctx.table("teachers", t);
        ctx.metric("RRR exact fraction", (double) exact / runs);
        ctx.metric("RRR runs that also recover the teacher's hidden gates", (double) sameGates / runs);
        ctx.metric("STE exact fraction (learning rate 0.03)", (double) steExact / runs);
        ctx.metric("RRR mean iterations", (double) iterations / runs);
        ctx.note(String.format("Teachers: %d random networks, each hidden gate an AND or OR of 2-3 random literals "
                + "(±1 weights, integer threshold), the output a majority of the 3 gates with random signs. The student "
                + "has the teacher's architecture; 'same gates' counts exact runs whose hidden units compute the "
                + "teacher's gates up to order and negation: recovery here is of the function, since the gates are not "
                + "identifiable from the truth table (a majority ignores a gate wherever the other two agree), and "
                + "the exact students found other gates. STE (same budget, learning rate 0.03) solved %d of %d.",
                teachers, steExact, runs));
        double fraction = (double) exact / runs;
        ctx.check(TEACHER, fraction, String.format("%d of %d restarts exact (%d teachers × %d restarts, ≤ %d "
                + "iterations each)", exact, runs, teachers, restarts, budget), Criterion.above(0.5),
                Reference.noNumber(ABSTRACT + ": logic-network inference solved exactly"));
    }

    /** A teacher: each hidden unit an AND/OR of 2-3 random literals, the output a signed majority of them. */
    static double[][] randomTeacher(int n, int hidden, SplittableRandom rng) {
        double[][] w = new double[hidden + 1][];
        for (int j = 0; j < hidden; j++) {
            w[j] = new double[n + 1];
            int k = 2 + rng.nextInt(2);
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int q = i + rng.nextInt(n - i);
                int tmp = perm[i];
                perm[i] = perm[q];
                perm[q] = tmp;
                w[j][perm[i]] = rng.nextBoolean() ? 1 : -1;            // a literal
            }
            w[j][n] = (rng.nextBoolean() ? 1 : -1) * (k - 1);          // −(k−1): AND, +(k−1): OR
        }
        w[hidden] = new double[hidden + 1];
        for (int i = 0; i < hidden; i++) {
            w[hidden][i] = rng.nextBoolean() ? 1 : -1;                  // signed majority, threshold 0
        }
        return w;
    }

    /** Whether the student's hidden units compute the teacher's hidden gates, up to order and negation. */
    static boolean sameHiddenGates(BtfNetwork net, double[][] student, double[][] teacher, TruthTable table) {
        int hidden = net.nodes() - 1;
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int j = 0; j < hidden; j++) {
            a.add(gateSignature(net, student, table, j));
            b.add(gateSignature(net, teacher, table, j));
        }
        a.sort(null);
        b.sort(null);
        return a.equals(b);
    }

    private static String gateSignature(BtfNetwork net, double[][] w, TruthTable table, int j) {
        StringBuilder s = new StringBuilder();
        double first = net.forward(w, table.input(0))[j];
        for (int r = 0; r < table.rows(); r++) {
            s.append(net.forward(w, table.input(r))[j] * first > 0 ? '1' : '0');   // negation-invariant
        }
        return s.toString();
    }

    private static int positives(TruthTable t) {
        int p = 0;
        for (int r = 0; r < t.rows(); r++) {
            p += t.output(r)[0] > 0 ? 1 : 0;
        }
        return p;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Steps 2 and 3: RRR against straight-through gradients on the same budget.

    private void multiplier(StepContext ctx) {
        int restarts = ctx.quick() ? 20 : 60;
        int budget = ctx.quick() ? 1000 : 2000;
        BtfNetwork net = BtfNetwork.layered(4, new int[] {7}, 4, true);
        // Width 7: p0 = a0∧b0, p3 = AND of all four, p2 = (a1∧b1) ∧ ¬p3, and p1 = a0b1 ⊕ a1b0 as an OR of four
        // AND3 gates; every gate has ±1 weights and margin 1.
        Comparison c = compare(ctx, "multiplier", net, TruthTable.multiplier(2), restarts, budget);
        ctx.check(MULT_EXACT, (double) c.rrr / restarts, String.format("%d of %d restarts exact (≤ %d iterations)",
                c.rrr, restarts, budget), Criterion.atLeast(0.5),
                Reference.noNumber(ABSTRACT + ": multiplier circuits discovered exactly"));
        ctx.check(MULT_VS_STE, c.rrr - c.ste, c.describe(restarts, budget), Criterion.above(0),
                Reference.noNumber(ABSTRACT + ": exact solutions where gradient-based methods struggle"));
        if (!ctx.quick()) {
            threeBit(ctx, budget);
        }
    }

    /**
     * The 3-bit multiplier (64 rows, 6 outputs) through one hidden layer of 24 units: measured, not claimed (our
     * architecture is a guess; the paper's is not available to us). Output nodes read 24 upstream values, too many
     * to enumerate, so RRR uses the relaxed projection here.
     */
    private void threeBit(StepContext ctx, int budget) {
        int restarts = 5;
        BtfNetwork net = BtfNetwork.layered(6, new int[] {24}, 6, true);
        TruthTable table = TruthTable.multiplier(3);
        BtfSolver solver = BtfSolver.builder().setNetwork(net).optMargin(MU).optWeightScale(RHO).optBeta(BETA)
                .optBooleanInputs(false).optMaxIterations(budget).optStopWhenExact(true).build();
        SplittableRandom rng = ctx.random("3-bit rrr");
        int rrrOk = 0;
        int bestRows = 0;
        for (int r = 0; r < restarts; r++) {
            BtfSolver.Result res = solver.solve(table, rng.split());
            rrrOk += res.solved() ? 1 : 0;
            bestRows = Math.max(bestRows, net.correctRows(res.weights(), table));
        }
        int steBest = 0;
        for (double lr : STE_RATES) {
            StraightThrough ste = StraightThrough.builder().setNetwork(net).optLearningRate(lr).optPasses(budget)
                    .build();
            SplittableRandom steRng = ctx.random("3-bit ste-" + lr);
            int ok = 0;
            for (int r = 0; r < restarts; r++) {
                ok += ste.train(table, steRng.split()).solved() ? 1 : 0;
            }
            steBest = Math.max(steBest, ok);
        }
        ctx.metric("3-bit multiplier: RRR exact", rrrOk);
        ctx.metric("3-bit multiplier: best STE exact", steBest);
        ctx.note(String.format("3-bit multiplier (6 → 24 → 6, relaxed RRR projections, %d restarts of ≤ %d passes): "
                + "RRR exact in %d (best run %d of 64 rows right), straight-through (best of 4 rates) in %d. The paper "
                + "reports exact 3-bit multipliers with its own architecture and settings.", restarts, budget, rrrOk,
                bestRows, steBest));
    }

    private void cellularAutomaton(StepContext ctx) {
        int restarts = ctx.quick() ? 30 : 100;
        int budget = ctx.quick() ? 1000 : 2000;
        BtfNetwork net = BtfNetwork.layered(5, new int[] {2}, 1, true);
        // Width 2: rule 110 = (c ∨ r) ∧ ¬(l ∧ c ∧ r), two ±1 gates and an AND.
        Comparison c = compare(ctx, "rule-110", net, TruthTable.cellularAutomaton(110, 5), restarts, budget);
        ctx.check(CA_VS_STE, c.rrr - c.ste, c.describe(restarts, budget), Criterion.above(0),
                Reference.noNumber(ABSTRACT + ": cellular automata learned where gradient-based methods struggle"));
    }

    /** Successes of RRR and of the best straight-through learning rate, with the same restarts and budget. */
    private record Comparison(int rrr, int ste, double bestRate) {
        String describe(int restarts, int budget) {
            return String.format("RRR %d vs STE %d of %d restarts exact (best STE learning rate %s; ≤ %d passes each)",
                    rrr, ste, restarts, bestRate, budget);
        }
    }

    private Comparison compare(StepContext ctx, String task, BtfNetwork net, TruthTable table, int restarts,
            int budget) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        BtfSolver solver = rrr(net, MU, budget, true);
        int[] rrrPasses = new int[restarts];
        List<double[]> traces = new ArrayList<>();
        int rrrOk = 0;
        long rrrCpu = cpu.getCurrentThreadCpuTime();
        SplittableRandom rng = ctx.random("rrr");
        try (Progress p = ctx.progress("RRR restarts", restarts)) {
            for (int r = 0; r < restarts; r++) {
                BtfSolver.Result res = solver.solve(table, rng.split());
                rrrPasses[r] = res.solved() ? res.iterations() : -1;
                rrrOk += res.solved() ? 1 : 0;
                if (traces.size() < 4) {
                    traces.add(res.errors());
                }
                p.step(rrrOk + " exact");
            }
        }
        rrrCpu = cpu.getCurrentThreadCpuTime() - rrrCpu;

        Table t = Table.create(task + ": exact restarts within the budget", StringColumn.create("method"),
                IntColumn.create("exact"), IntColumn.create("restarts"), DoubleColumn.create("median passes to exact"),
                DoubleColumn.create("CPU ms per restart"));
        t.stringColumn("method").append(String.format("RRR (μ=%s, ρ=%s, β=%s)", MU, RHO, BETA));
        t.intColumn("exact").append(rrrOk);
        t.intColumn("restarts").append(restarts);
        t.doubleColumn("median passes to exact").append(median(rrrPasses));
        t.doubleColumn("CPU ms per restart").append(rrrCpu / 1e6 / restarts);

        int bestOk = -1;
        double bestRate = 0;
        long steCpuTotal = 0;
        long stePasses = 0;
        int[] bestPasses = null;
        for (double lr : STE_RATES) {
            StraightThrough ste = StraightThrough.builder().setNetwork(net).optLearningRate(lr).optPasses(budget)
                    .build();
            SplittableRandom steRng = ctx.random("ste-" + lr);
            int[] passes = new int[restarts];
            int ok = 0;
            long steCpu = cpu.getCurrentThreadCpuTime();
            for (int r = 0; r < restarts; r++) {
                StraightThrough.Result res = ste.train(table, steRng.split());
                passes[r] = res.solved() ? res.passes() : -1;
                ok += res.solved() ? 1 : 0;
                stePasses += res.passes();
            }
            steCpu = cpu.getCurrentThreadCpuTime() - steCpu;
            steCpuTotal += steCpu;
            t.stringColumn("method").append("straight-through, Adam lr " + lr);
            t.intColumn("exact").append(ok);
            t.intColumn("restarts").append(restarts);
            t.doubleColumn("median passes to exact").append(median(passes));
            t.doubleColumn("CPU ms per restart").append(steCpu / 1e6 / restarts);
            if (ok > bestOk || ok == bestOk && median(passes) < median(bestPasses)) {   // ties: fewer passes
                bestOk = ok;
                bestRate = lr;
                bestPasses = passes;
            }
        }
        double stePerPass = (double) steCpuTotal / Math.max(1, stePasses);
        ctx.table(task, t);
        double rrrPerPass = rrrCpu / Math.max(1.0, Arrays.stream(rrrPasses).map(p -> p < 0 ? budget : p).sum());
        ctx.note(String.format("The budget is counted in passes over the truth table, not in CPU time: an RRR "
                + "iteration (both projections over all replicas) took %.3f ms of CPU, a straight-through step "
                + "(forward and backward over all rows) about %.3f ms.", rrrPerPass / 1e6, stePerPass / 1e6));
        ctx.metric(task + ": RRR exact", rrrOk);
        ctx.metric(task + ": best STE exact", bestOk);
        // CPU times go to the table and the note, not to metrics: they vary from run to run and from machine to
        // machine, and metrics are compared with the notebook's baseline.

        XYChart solvedChart = Charts.line(task + ": fraction of restarts exact within t passes",
                "passes over the truth table", "fraction exact");
        Charts.addLine(solvedChart, "RRR", passGrid(budget), cumulative(rrrPasses, budget));
        Charts.addLine(solvedChart, "STE (lr " + bestRate + ")", passGrid(budget), cumulative(bestPasses, budget));
        ctx.chart(task + "-solved", solvedChart);

        XYChart errors = Charts.logY(task + ": RRR error ‖P_B(2P_A(z) − z) − P_A(z)‖ (until exact)", "iteration",
                "error");
        for (int i = 0; i < traces.size(); i++) {
            double[] e = traces.get(i);
            double[] it = new double[e.length];
            for (int k = 0; k < e.length; k++) {
                it[k] = k + 1;
            }
            Charts.addLine(errors, "restart " + (i + 1), it, e);
        }
        ctx.note("RRR stops at the first iteration whose agreed network reproduces the table, so its error traces "
                + "end above zero; the margin step shows runs to the fixed point.");
        ctx.chart(task + "-rrr-error", errors);
        return new Comparison(rrrOk, bestOk, bestRate);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 4: the margin.

    private void margin(StepContext ctx) {
        int restarts = ctx.quick() ? 20 : 60;
        int budget = ctx.quick() ? 3000 : 6000;
        BtfNetwork net = BtfNetwork.layered(5, new int[] {2}, 1, true);
        TruthTable table = TruthTable.cellularAutomaton(110, 5);
        double[] margins = {0.3, 0.95};
        double[] pm1Fraction = new double[margins.length];
        Table t = Table.create("fixed points by margin", DoubleColumn.create("μ"), IntColumn.create("restarts"),
                IntColumn.create("fixed points"), IntColumn.create("±1 and exact when rounded"),
                DoubleColumn.create("mean distance to {0, ±1}"), DoubleColumn.create("zero weights (|w| ≤ 0.05ρ)"));
        XYChart traces = Charts.logY("RRR error to the fixed point (rule 110, 5 → 2 → 1)", "iteration",
                "‖P_B(2P_A(z) − z) − P_A(z)‖");
        CategoryChart hist = Charts.bars("Input weights w/ρ of the RRR fixed points (rule 110, 5 → 2 → 1)",
                "w / ρ", "fraction of input weights");
        String[] bins = new String[21];
        for (int b = 0; b < bins.length; b++) {
            bins[b] = String.format("%.1f", -1 + 0.1 * b);
        }
        for (int m = 0; m < margins.length; m++) {
            BtfSolver solver = rrr(net, margins[m], budget, false);
            SplittableRandom rng = ctx.random("mu-" + margins[m]);
            int fixed = 0;
            int pm1 = 0;
            double distance = 0;
            double zeros = 0;
            double[] counts = new double[bins.length];
            int weights = 0;
            try (Progress p = ctx.progress("μ = " + margins[m], restarts)) {
                for (int r = 0; r < restarts; r++) {
                    BtfSolver.Result res = solver.solve(table, rng.split());
                    p.step();
                    if (r < 2) {
                        double[] e = res.errors();
                        double[] it = new double[e.length];
                        for (int k = 0; k < e.length; k++) {
                            it[k] = k + 1;
                        }
                        Charts.addLine(traces, "μ = " + margins[m] + ", restart " + (r + 1), it, e);
                    }
                    if (!res.converged() || !res.solved()) {
                        continue;
                    }
                    fixed++;
                    double[][] w = res.weights();
                    double[][] rounded = new double[w.length][];
                    boolean near = true;
                    double d = 0;
                    int z = 0;
                    int k = 0;
                    for (int j = 0; j < w.length; j++) {
                        rounded[j] = w[j].clone();
                        for (int i = 0; i < w[j].length - 1; i++) {          // input weights, not the bias
                            double u = w[j][i] / RHO;
                            double q = Math.rint(u);
                            near &= Math.abs(u - q) <= 0.05;
                            d += Math.abs(u - q);
                            z += Math.abs(u) <= 0.05 ? 1 : 0;
                            k++;
                            rounded[j][i] = q * RHO;
                            counts[(int) Math.rint((u + 1) * 10)]++;
                        }
                    }
                    weights += k;
                    distance += d / k;
                    zeros += (double) z / k;
                    if (near && net.computes(rounded, table)) {
                        pm1++;
                    }
                }
            }
            pm1Fraction[m] = fixed == 0 ? 0 : (double) pm1 / fixed;
            t.doubleColumn("μ").append(margins[m]);
            t.intColumn("restarts").append(restarts);
            t.intColumn("fixed points").append(fixed);
            t.intColumn("±1 and exact when rounded").append(pm1);
            t.doubleColumn("mean distance to {0, ±1}").append(fixed == 0 ? Double.NaN : distance / fixed);
            t.doubleColumn("zero weights (|w| ≤ 0.05ρ)").append(fixed == 0 ? Double.NaN : zeros / fixed);
            for (int b = 0; b < counts.length; b++) {
                counts[b] /= Math.max(1, weights);
            }
            hist.addSeries("μ = " + margins[m], Arrays.asList(bins), toList(counts));
        }
        ctx.table("margin", t);
        hist.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideN);
        ctx.chart("weights-by-margin", hist);
        ctx.chart("rrr-error-to-fixed-point", traces);
        int fixedLarge = t.intColumn("fixed points").get(1);
        ctx.metric("fixed points at μ = 0.95", fixedLarge);
        ctx.note("Normalisation (ours): input weights in [−ρ, ρ], margin μρ. At μ = 1 on a complete truth table every "
                + "input weight of a non-constant node must be 0 or ±ρ (see DivideAndConcur); the fixed points here "
                + "ran to RRR convergence (error ≤ 1e-8·√dim z), not merely to the first exact network. Runs that do not "
                + "converge sit in traps (a flat error, often a period-2 cycle of the iterate): restarts are how RRR "
                + "gets out of them.");
        ctx.check(PM1, pm1Fraction[1], String.format("%d of %d fixed points at μ = 0.95 are ±1 and stay exact "
                + "when rounded (%d restarts)", t.intColumn("±1 and exact when rounded").get(1), fixedLarge,
                restarts), Criterion.atLeast(0.9),
                Reference.noNumber(ABSTRACT + ": provably sparse ±1 gates when the margin bound is large enough"));
        ctx.check(MARGIN_DRIVES_PM1, pm1Fraction[1] - pm1Fraction[0], String.format("±1 fraction %.2f at μ = 0.95 "
                + "vs %.2f at μ = 0.3", pm1Fraction[1], pm1Fraction[0]), Criterion.atLeast(0.5),
                Reference.noNumber(ABSTRACT));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static BtfSolver rrr(BtfNetwork net, double margin, int budget, boolean stopWhenExact) {
        return BtfSolver.builder().setNetwork(net).optMargin(margin).optWeightScale(RHO).optBeta(BETA)
                .optMaxIterations(budget).optStopWhenExact(stopWhenExact).build();
    }

    private static double median(int[] passes) {
        int[] solved = Arrays.stream(passes).filter(p -> p >= 0).sorted().toArray();
        if (solved.length == 0) {
            return Double.NaN;
        }
        return solved.length % 2 == 1 ? solved[solved.length / 2]
                : 0.5 * (solved[solved.length / 2 - 1] + solved[solved.length / 2]);
    }

    private static double[] passGrid(int budget) {
        double[] x = new double[101];
        for (int i = 0; i <= 100; i++) {
            x[i] = budget * i / 100.0;
        }
        return x;
    }

    /** Fraction of restarts solved within each pass count of {@link #passGrid}. */
    private static double[] cumulative(int[] passes, int budget) {
        double[] x = passGrid(budget);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int ok = 0;
            for (int p : passes) {
                ok += p >= 0 && p <= x[i] ? 1 : 0;
            }
            y[i] = (double) ok / passes.length;
        }
        return y;
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }
}
