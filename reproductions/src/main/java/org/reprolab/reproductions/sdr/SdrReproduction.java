package org.reprolab.reproductions.sdr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.math.Stats;
import org.reprolab.papers.sdr.NmdaThreshold;
import org.reprolab.papers.sdr.SdrFigures;
import org.reprolab.papers.sdr.SdrMath;
import org.reprolab.papers.sdr.SdrSimulator;
import org.reprolab.papers.sdr.SimulatedRate;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;

/**
 * Ahmad and Hawkins (2016): the exact error probabilities of a dendritic segment reading sparse patterns against
 * the paper's Table 1 and against seeded Monte Carlo (each simulated rate with its interval), how the error
 * scales, and the NMDA threshold that balances false matches against misses.
 */
public final class SdrReproduction extends PaperReproduction<SdrReproduction.Setup> {

    static final String PAPER = "Ahmad & Hawkins (2016)";
    /** Source of the reference numbers: the paper's Table 1, to the digits Numenta's notebook prints. */
    static final String TABLE_1 = PAPER + " Table 1B-1D; digits from Numenta htmresearch projects/sdr_paper notebook";
    /** A Monte-Carlo setting decides a claim when its closed form expects this many events (95% interval ≈ ±3.6%). */
    static final double MIN_EVENTS = 3_000;
    static final double MARGIN = 0.1;
    static final String MARGIN_BASIS = "ours: the closed form is exact, so simulation must agree; ±10% separates "
            + "agreement from a wrong formula (a missing term or θ off by one changes P by a factor), and 3,000 "
            + "expected events make the 95% interval about ±3.6%";

    static final Claim TABLE = Claim.claim("table-1",
            "The exact false-match probabilities equal the paper's Table 1 (n=100000, a=2000; θ=s, s=2θ, union s=2mθ).")
            .criterion(Criterion.atMost(1e-9), "paper: Table 1 prints 15 digits; its union rows agree to about 1e-10, "
                    + "the precision of the notebook's numeric evaluation, so 9 digits separate agreement from a slip")
            .reference(Reference.of(6.35308872941916e-11, "9 entries, e.g. 6.353e-11 (1B, s=θ=6)", TABLE_1));
    static final Claim MONTE_CARLO = agreement("monte-carlo", "Random patterns falsely match a segment at the rate "
            + "Eq. (1) gives", "setting", "matches", "1 (P = 3.182e-4 at n=1024, a=8, s=4, θ=2)", "Eq. (1); notes §2");
    static final Claim NOISE = agreement("noise-robustness", "Miss rates under noise follow Eq. (2)", "noise level",
            "misses", "1 (the formula is exact)", "Eq. (2)");
    static final Claim UNION = agreement("union", "A segment storing M patterns falsely matches at the rate Eq. (1) "
            + "gives for its union of synapses", "M", "matches", "1 (the formula is exact; Table 1D's union values are "
            + "checked in table-1)", "Eq. (3)");
    static final Claim SCALING = Claim.check("scaling",
            "With a fixed number of active cells (a = 64, s = 2θ), the false-match probability falls monotonically "
                    + "as the population n grows, i.e. as patterns get sparser.")
            .criterion(Criterion.atMost(0), "ours: the overlap with a segment is hypergeometric and falls "
                    + "stochastically as n grows with a, s and θ fixed, so Eq. (1) decreases with n")
            .reference(Reference.noNumber(PAPER + ", dependence of Eq. (1) on n"));
    static final Claim THRESHOLD = Claim.claim("nmda-threshold",
            "The NMDA threshold that balances false matches against misses lies in the range the paper predicts, "
                    + "8 to 20 synapses: over the segments of the paper's threshold figure, the θ* minimising "
                    + "P_fp(θ) + P_miss(θ) (half the pattern's cells replaced) has its median in [8, 20].")
            .criterion(Criterion.between(8, 20), "paper: the abstract says the error equations predict optimal NMDA "
                    + "spiking thresholds that match measured ones; notes §2: about 8 to 20 synapses")
            .reference(new Reference(null, "θ ≈ 8 to 20 synapses", PAPER + ", abstract and NMDA-threshold "
                    + "section (range from notes §2)"));

    /**
     * The grid of the paper's threshold figure: n, ‰ active, s (Numenta's compute_optimal_threshold.py; its median
     * false-match rates reproduce the ones plot_optimal_threshold.py plots, see NmdaThresholdTest).
     */
    static final int[] GRID_N = {10_000, 30_000, 50_000, 70_000, 90_000, 110_000, 130_000, 150_000, 170_000, 190_000};
    static final int[] GRID_PERMILLE = {5, 10, 15, 20, 25, 30};
    static final int[] GRID_S = {20, 25, 30, 35, 40, 45, 50};

    // Table 1 as printed (15 significant digits).
    private static final int N = 100_000;
    private static final int A = 2000;
    private static final double[][] TABLE_1B = {{6, 6.35308872941916e-11}, {8, 2.52507239284961e-14},
        {10, 1.00163216178113e-17}};
    private static final double[][] TABLE_1C = {{6, 5.29386836275369e-8}, {8, 2.81724528327272e-10},
        {10, 1.5419276725872e-12}, {12, 8.58694100276592e-15}};
    private static final double[][] TABLE_1D = {{2, 4.91541864813209e-9}, {4, 4.62568448037595e-6}};

    /**
     * What differs between the profiles.
     *
     * @param falseMatchTrials random patterns per false-match setting
     * @param grid whether the false-match settings include the grid of n, a and θ (else the notes' point only)
     * @param noiseTrials trials per noise level
     * @param unionTrials random patterns per union size
     */
    public record Setup(long falseMatchTrials, boolean grid, long noiseTrials, long unionTrials) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(10_000_000, false, 200_000, 200_000)
                    : new Setup(10_000_000, true, 10_000_000, 5_000_000);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Monte Carlo: %,d random patterns per false-match setting (%s), %,d trials "
                    + "per "
                    + "noise level and %,d per union size.", falseMatchTrials, grid ? "the notes' point n=1024, a=8, "
                    + "s=4, θ=2 and the grid n = 256 to 2048, 2 and 4%% active, s = 2θ, θ = 2 to 6"
                    : "the notes' point n=1024, a=8, s=4, θ=2", noiseTrials, unionTrials));
        }
    }

    /** Builds the reproduction. */
    public SdrReproduction() {
        super(Setup::of);
        step("table", "Exact false-match probabilities vs the paper's Table 1", this::table, TABLE);
        step("monte-carlo", "Monte Carlo false matches vs Eq. (1)", this::monteCarlo, MONTE_CARLO);
        step("noise", "Miss rate under noise: Eq. (2) vs simulation", this::noise, NOISE);
        step("union", "Union of patterns on one segment", this::union, UNION);
        step("scaling", "Error vs θ and vs population size", this::scaling, SCALING);
        step("threshold", "The NMDA threshold that balances false matches against misses", this::threshold, THRESHOLD);
    }

    /** A Monte-Carlo claim: the simulated rate agrees with its closed form within the margin, on its interval. */
    private static Claim agreement(String id, String what, String unit, String events, String ref, String where) {
        return Claim.claim(id, what + ": simulated / exact lies within 1 ± 0.1 with its whole 95% interval, at every "
                + unit + " with at least 3,000 expected " + events + ".")
                .criterion(Criterion.within(1, MARGIN), MARGIN_BASIS).reference(Reference.of(1, ref, PAPER + " "
                        + where))
                .overSeeds().revised("|z| ≤ 4 (notes: within 4σ), a z-score without an interval", "a simulated rate "
                        + "is a sample: it is decided on its 95% Wilson interval, which must lie within 10% of the "
                        + "closed form at every setting with enough expected events");
    }

    @Override
    public PaperCard card() {
        return new PaperCard("sdr", 2,
                "How do neurons operate on sparse distributed representations? A mathematical theory of "
                        + "sparsity, neurons and active dendrites",
                List.of("Subutai Ahmad", "Jeff Hawkins"), 2016, "arXiv", "1601.00720",
                "A dendritic segment with s synapses that fires when θ of them see activity can recognise one "
                        + "sparse pattern (a active cells of n) among astronomically many: the chance that a "
                        + "random pattern reaches θ falls exponentially with θ, noise in the pattern is "
                        + "tolerated, and one segment can store a union of patterns. The same equations predict the "
                        + "NMDA spike threshold. We compute the paper's closed forms exactly with big integers, "
                        + "compare them with its Table 1, check them against seeded Monte Carlo simulations, and "
                        + "find the threshold that balances false matches against misses.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Nothing stands in for the closed forms: they are computed exactly with big integers. Monte "
                        + "Carlo replaces the paper's simulations; a setting decides a claim when its closed form "
                        + "expects at least 3,000 events.",
                "NMDA threshold: the grid of the paper's threshold figure (n = 10,000 to 190,000, 0.5 to 3% active, "
                        + "s = 20 to 50) is Numenta's; the miss side (Eq. (2) with half the pattern's cells replaced) "
                        + "and the balance point argmin P_fp + P_miss are our reading of the paper's trade-off.");
    }

    // ---------------------------------------------------------------------------------------------------------

    record TableRow(String table, int s, int theta, int m, double paper, double exact, double relativeError) { }

    private void table(StepContext ctx, Setup s) {
        List<TableRow> rows = new ArrayList<>();
        for (double[] r : TABLE_1B) {
            rows.add(row("1B", (int) r[0], (int) r[0], 1, r[1]));
        }
        for (double[] r : TABLE_1C) {
            rows.add(row("1C", 2 * (int) r[0], (int) r[0], 1, r[1]));
        }
        for (double[] r : TABLE_1D) {
            rows.add(row("1D", 20, 10, (int) r[0], r[1]));
        }
        ctx.table("table-1", Tables.of("Table 1", rows));
        double worst = rows.stream().mapToDouble(TableRow::relativeError).max().orElse(Double.NaN);
        ctx.metric("max relative error", worst);
        ctx.note("Tables 1B and 1C agree to about 1e-15 relative; Table 1D (unions) to about 1e-10, the precision "
                + "of the notebook's numeric evaluation.");
        ctx.decide(TABLE, worst, String.format("%.2e max relative error over %d entries", worst, rows.size()));
    }

    private static TableRow row(String table, int s, int theta, int m, double paper) {
        double exact = SdrMath.unionFalseMatch(N, A, s, theta, m).doubleValue();
        return new TableRow(table, s * m, theta, m, paper, exact, Math.abs(exact - paper) / paper);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Monte Carlo: each simulated rate with its Wilson interval, as a ratio to the closed form.

    private void decideAgreement(StepContext ctx, Claim claim, String name, String title, List<SimulatedRate> rates) {
        ctx.table(name, SdrFigures.rateTable(title, rates, MIN_EVENTS));
        ctx.chart(name + "-agreement", SdrFigures.agreement(title, rates, MARGIN, MIN_EVENTS));
        SimulatedRate worst = SimulatedRate.furthestFromExact(rates, MIN_EVENTS);
        long deciding = rates.stream().filter(r -> r.expectedEvents() >= MIN_EVENTS).count();
        ctx.decide(claim, worst.ratio(), String.format("%s: %,d events in %,d trials, expected %.0f; the furthest "
                + "from 1 of %d deciding settings", worst.setting(), worst.events(), worst.trials(),
                worst.expectedEvents(), deciding));
    }

    private void monteCarlo(StepContext ctx, Setup s) {
        List<int[]> settings = new ArrayList<>(List.of(new int[] {1024, 8, 4, 2}));
        if (s.grid()) {
            for (int n : new int[] {256, 512, 1024, 2048}) {
                for (int pct : new int[] {2, 4}) {
                    for (int theta = 2; theta <= 6; theta++) {
                        settings.add(new int[] {n, n * pct / 100, 2 * theta, theta});
                    }
                }
            }
        }
        SplittableRandom rng = ctx.random("false-matches");
        List<SimulatedRate> rates = new ArrayList<>();
        for (int[] g : settings) {
            double p = SdrMath.falseMatch(g[0], g[1], g[2], g[3]).doubleValue();
            if (p * s.falseMatchTrials() >= MIN_EVENTS) { // only settings that can decide are simulated
                long hits = SdrSimulator.falseMatches(g[0], g[1], g[2], g[3], s.falseMatchTrials(), rng);
                rates.add(new SimulatedRate(String.format("n=%d, a=%d, s=%d, θ=%d", g[0], g[1], g[2], g[3]), p, hits,
                        s.falseMatchTrials()));
            }
        }
        ctx.metric("settings simulated", rates.size());
        decideAgreement(ctx, MONTE_CARLO, "monte-carlo", "Monte Carlo false matches vs Eq. (1)", rates);
    }

    private void noise(StepContext ctx, Setup s) {
        int a = 40;
        int syn = 20;
        int theta = 10;
        int[] noisy = {8, 12, 16, 20, 24};
        SplittableRandom rng = ctx.random("misses");
        List<SimulatedRate> rates = new ArrayList<>();
        double[] fraction = new double[noisy.length];
        for (int i = 0; i < noisy.length; i++) {
            long m = SdrSimulator.misses(a, syn, theta, noisy[i], s.noiseTrials(), rng);
            rates.add(new SimulatedRate(String.format("%d of %d cells replaced", noisy[i], a),
                    SdrMath.miss(a, syn, theta, noisy[i]).doubleValue(), m, s.noiseTrials()));
            fraction[i] = (double) noisy[i] / a;
        }
        ctx.chart("miss-vs-noise", SdrFigures.missVsNoise("Miss probability vs noise (a=40, s=20, θ=10)", fraction,
                rates));
        decideAgreement(ctx, NOISE, "noise", "Miss rate under noise (a=40, s=20, θ=10): Eq. (2) vs simulation", rates);
    }

    private void union(StepContext ctx, Setup s) {
        SplittableRandom rng = ctx.random("union");
        List<SimulatedRate> rates = new ArrayList<>();
        for (int m : new int[] {1, 5, 10, 20}) {
            SdrSimulator.UnionOutcome o = SdrSimulator.unionFalseMatches(2048, 40, 12, 6, m, s.unionTrials(), rng);
            double exact = SdrMath.falseMatch(2048, 40, o.synapses(), 6).doubleValue();
            double distinct = SdrMath.unionFalseMatch(2048, 40, 12, 6, m).doubleValue();
            ctx.metric("M=" + m + ": Eq. (3) with M·s distinct synapses", distinct);
            rates.add(new SimulatedRate(String.format("M=%d (%d distinct synapses of %d)", m, o.synapses(), 12 * m),
                    exact, o.hits(), s.unionTrials()));
        }
        ctx.note("The simulation lets patterns share synapses, so it compares with Eq. (1) for the union it realised; "
                + "the metrics give Eq. (3), which assumes all M·s synapses distinct.");
        decideAgreement(ctx, UNION, "union", "Union of M patterns (n=2048, a=40, s=12, θ=6): Eq. (1) vs simulation",
                rates);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void scaling(StepContext ctx, Setup s) {
        ctx.chart("error-vs-theta", SdrFigures.errorVsTheta(N, A, new int[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20}));
        // Fixed a = 64: sparser patterns as n grows. At fixed sparsity a/n the expected overlap a·s/n stays
        // constant and P_fp rises towards its binomial limit; both curves are drawn.
        double[] ns = {1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000};
        Map<String, double[]> curves = new LinkedHashMap<>();
        int violations = 0;
        for (int theta : new int[] {4, 8}) {
            double[] fixedA = new double[ns.length];
            double[] fixedSparsity = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                fixedA[i] = SdrMath.falseMatch((int) ns[i], 64, 2 * theta, theta).doubleValue();
                fixedSparsity[i] = SdrMath.falseMatch((int) ns[i], (int) ns[i] / 50, 2 * theta, theta).doubleValue();
                violations += i > 0 && !(fixedA[i] < fixedA[i - 1]) ? 1 : 0;
            }
            curves.put("a=64, θ=" + theta, fixedA);
            curves.put("a=2% of n, θ=" + theta, fixedSparsity);
        }
        ctx.chart("error-vs-n", SdrFigures.errorVsN(ns, curves));
        ctx.note("At fixed sparsity a/n the false-match probability does not fall with n (it rises slightly towards "
                + "the binomial limit, see error-vs-n); the paper's scaling is with sparsity, so the check fixes a.");
        ctx.metric("monotonicity violations", violations);
        ctx.decide(SCALING, violations, violations + " increases over " + 2 * (ns.length - 1) + " doublings of n "
                + "(1000 to 128000, θ = 4 and 8)");
    }

    private void threshold(StepContext ctx, Setup s) {
        NmdaThreshold.Sweep sw = NmdaThreshold.sweep(GRID_N, GRID_PERMILLE, GRID_S, 0.5);
        int segments = sw.segments().size();
        String grid = segments + " segments: n = 10,000 to 190,000, 0.5 to 3% active, s = 20 to 50";
        ctx.table("segments", Tables.of("Balanced threshold θ* per segment (" + grid + ")", sw.segments()));
        ctx.chart("threshold-trade-off", SdrFigures.thresholdTradeOff(sw, 30));
        ctx.chart("balanced-thresholds", SdrFigures.balancedThresholds(sw));
        double[] star = sw.balancedThresholds();
        long inRange = java.util.Arrays.stream(star).filter(t -> t >= 8 && t <= 20).count();
        int firstBelow = sw.firstThetaWithMedianFalseMatchAtMost(1e-9);
        ctx.metric("θ* median", Stats.median(star));
        ctx.metric("share of segments with θ* in [8, 20]", (double) inRange / segments);
        ctx.metric("smallest θ with median false match ≤ 1e-9 over all segments", firstBelow);
        ctx.note(String.format("The paper's threshold figure plots the median false-match probability over all %d "
                + "segments of this grid and marks where it falls below 1e-9: here from θ = %d on. That bound "
                + "weighs only false matches; the claim balances them against misses.", sw.gridSize(), firstBelow));
        ctx.decide(THRESHOLD, Stats.median(star), String.format("median θ* over %s; quartiles %.1f and %.1f, range "
                + "%d to %d; %d of %d segments in [8, 20]", grid, Stats.quantile(0.25, star),
                Stats.quantile(0.75, star), (int) Stats.min(star), (int) Stats.max(star), inRange, segments));
    }
}
