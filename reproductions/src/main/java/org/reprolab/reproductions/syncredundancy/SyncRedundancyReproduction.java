package org.reprolab.reproductions.syncredundancy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.reprolab.math.Estimate;
import org.reprolab.math.GraphLaplacian;
import org.reprolab.math.LinearFit;
import org.reprolab.math.Stats;
import org.reprolab.papers.syncredundancy.CoupledLearners;
import org.reprolab.papers.syncredundancy.SyncFigures;
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
 * Bouvrie and Slotine (2011): redundant noisy gradient learners coupled through a graph Laplacian, simulated on a
 * quadratic loss, against the closed-form stationary spread and centroid error, all-to-all and ring.
 */
public final class SyncRedundancyReproduction extends PaperReproduction<SyncRedundancyReproduction.Setup> {

    static final String SOURCE = "Bouvrie and Slotine (2011), Neural Computation 23(11), abstract and simulations "
            + "(\"the theoretical estimates we derive can be tight\"; no number reachable to us)";

    /** Learners, dimensions, curvature, noise, couplings (as the notes suggest). */
    static final int LEARNERS = 10;
    static final int DIMS = 2;
    static final double CURVATURE = 1;
    static final double NOISE = 0.5;
    static final double[] COUPLINGS = {0, 0.1, 1, 10};
    static final List<String> GRAPHS = List.of("all-to-all", "ring");
    /** Euler–Maruyama: dt = min(MAX_DT, STEP_RATE / fastest rate); the first BURN_IN of the time is discarded. */
    static final double MAX_DT = 0.01;
    static final double STEP_RATE = 0.02;
    static final double BURN_IN = 0.2;
    /** The redundancy sweep: learners n, all-to-all at one coupling. */
    static final int[] SWEEP = {5, 10, 20};
    static final double SWEEP_COUPLING = 1;

    static final Claim SPREAD_ALL = Claim.claim("spread-all-to-all",
            "With all-to-all coupling the simulated stationary spread Σ‖x_i − x̄‖² matches the closed form "
                    + "(σ²d/2)·Σ_j 1/(h + kλ_j) within ±10 % at every coupling k (the largest deviation over k, "
                    + "per seed).")
            .criterion(Criterion.atMost(0.10), "notes: \"the time-averaged empirical spread is within ±10 % of "
                    + "the closed form for every k and topology\"")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim SPREAD_RING = Claim.claim("spread-ring",
            "With ring coupling the simulated stationary spread matches the closed form within ±10 % at every "
                    + "coupling k (the largest deviation over k, per seed).")
            .criterion(Criterion.atMost(0.10), "notes: \"within ±10 % of the closed form for every k and "
                    + "topology\"")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim CENTROID = Claim.claim("centroid-error",
            "The centroid's error E‖x̄ − x*‖² equals σ²d/(2hn) whatever the coupling: simulated over closed form "
                    + "within 1 ± 0.15 (mean over couplings and topologies, per seed).")
            .criterion(Criterion.within(1, 0.15), "notes: \"the centroid error is within ±15 %\"")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim COUPLING_SHRINKS = Claim.claim("coupling-shrinks-spread",
            "Stronger coupling shrinks the spread: each larger k gives a smaller simulated spread, on both graphs "
                    + "(the largest ratio spread(k_next) / spread(k) over them, per seed, below 1).")
            .criterion(Criterion.below(1), "paper: error \"can be controlled ... by trading off synchronization "
                    + "strength ... against the noise amplitude\"; notes: \"spread decreases monotonically in k\"")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim ONE_OVER_N = Claim.claim("redundancy-one-over-n",
            "Redundancy reduces the centroid's error as 1/n: its log-log slope against the number of learners is "
                    + "−1 ± 0.2 (all-to-all, fitted per seed).")
            .criterion(Criterion.within(-1, 0.2), "notes: \"Redundancy reduces centroid error as 1/n\"; margin "
                    + "ours: the centroid claim's ±15 % at both ends of a factor 4 in n is about ±0.2 in slope")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim BOUND = Claim.check("contraction-bound",
            "The closed-form spread never exceeds the paper's contraction bound σ²d(n − 1)/(2(h + kλ_2)), and "
                    + "equals it for all-to-all coupling (largest ratio closed form / bound over graphs and k).")
            .criterion(Criterion.atMost(1 + 1e-12), "ours: every term 1/(h + kλ_j) is at most 1/(h + kλ_2)");
    static final Claim STEP_BIAS = Claim.check("step-bias",
            "The Euler–Maruyama step is small enough: the chain's own stationary spread exceeds the continuous one "
                    + "by at most 1.1 % in every run.")
            .criterion(Criterion.atMost(0.011), "ours: dt = min(" + MAX_DT + ", " + STEP_RATE + " / (h + kλ_max)) "
                    + "makes the bias a·dt/2 ≤ 1 % by construction");

    /**
     * What differs between the quick profile and the full one.
     *
     * @param time simulated time per run (the slowest mode relaxes in 1/h = 1)
     * @param seeds independent runs of every setting
     */
    public record Setup(double time, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(200, 5) : new Setup(1000, 10);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Simulated time %.0f per run (the first %.0f %% discarded), %d independent "
                    + "runs of every setting.", time, 100 * BURN_IN, seeds));
        }
    }

    /** Declares the steps and the claims each decides. */
    public SyncRedundancyReproduction() {
        super(Setup::of);
        step("spread", "Coupled learners on two graphs: simulated spread and centroid error against the closed form",
                this::spread, SPREAD_ALL, SPREAD_RING, CENTROID, COUPLING_SHRINKS, BOUND, STEP_BIAS);
        step("redundancy", "More learners, smaller centroid error", this::redundancy, ONE_OVER_N);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("sync-redundancy", 6, "Synchronization and redundancy: implications for robustness of "
                + "neural learning and decision making", List.of("Jake Bouvrie", "Jean-Jacques Slotine"), 2011,
                "Neural Computation", "1010.4517",
                "Noisy gradient learning in the brain can be made robust by running redundant copies of the learner "
                        + "and coupling them so they synchronise. For a quadratic loss the coupled dynamics are an "
                        + "Ornstein–Uhlenbeck process: the learners' spread around their centroid shrinks with the "
                        + "coupling strength through the spectrum of the coupling graph's Laplacian, while the "
                        + "centroid's own error falls as 1/n with the number of copies. We simulate the learners on "
                        + "all-to-all and ring graphs and compare the spread and the centroid error with the closed "
                        + "forms, for couplings from none to strong.");
    }

    @Override
    public List<String> standIns() {
        return List.of(String.format("n = %d learners in d = %d dimensions on the quadratic loss (h/2)‖x − x*‖² with "
                        + "h = %.0f and noise σ = %.1f, couplings k in %s, all-to-all and ring graphs; the paper's "
                        + "nonlinear (logistic) learner and other graphs are not simulated.", LEARNERS, DIMS,
                        CURVATURE, NOISE, Arrays.toString(COUPLINGS)),
                "Euler–Maruyama with step dt = min(" + MAX_DT + ", " + STEP_RATE + " / (h + kλ_max)), time averages "
                        + "over every step after the burn-in; the redundancy sweep uses n in "
                        + Arrays.toString(SWEEP) + ", all-to-all at k = " + SWEEP_COUPLING + ".");
    }

    static double[][] laplacian(String graph, int n) {
        return graph.equals("ring") ? GraphLaplacian.ring(n) : GraphLaplacian.allToAll(n);
    }

    /** One simulated run with the step rule; returns the averages. */
    static CoupledLearners.Averages run(CoupledLearners c, double[] eig, double time, StepContext ctx,
            String label) {
        double fastest = c.curvature() + c.coupling() * eig[eig.length - 1];
        double dt = Math.min(MAX_DT, STEP_RATE / fastest);
        return c.simulate(time, dt, BURN_IN, ctx.random(label));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: spread and centroid error against the closed forms.

    record SpreadRow(String graph, double coupling, double closedForm, double simulated, double ratio,
            double centroidRatio) { }

    private void spread(StepContext ctx, Setup s) {
        int nk = COUPLINGS.length;
        double[][][] ratio = new double[GRAPHS.size()][nk][s.seeds()];
        double[][][] sim = new double[GRAPHS.size()][nk][s.seeds()];
        double[] centroid = new double[s.seeds()];
        double[][] closed = new double[GRAPHS.size()][nk];
        double boundRatio = 0;
        double stepBias = 0;
        List<SpreadRow> rows = new ArrayList<>();
        for (int g = 0; g < GRAPHS.size(); g++) {
            double[][] lap = laplacian(GRAPHS.get(g), LEARNERS);
            double[] eig = GraphLaplacian.eigenvalues(lap);
            for (int k = 0; k < nk; k++) {
                CoupledLearners c = new CoupledLearners(lap, DIMS, CURVATURE, COUPLINGS[k], NOISE);
                closed[g][k] = c.spread(eig);
                boundRatio = Math.max(boundRatio, closed[g][k] / c.contractionBound(eig));
                double[] centroidRatio = new double[s.seeds()];
                for (int seed = 0; seed < s.seeds(); seed++) {
                    CoupledLearners.Averages a = run(c, eig, s.time(), ctx, "run/" + GRAPHS.get(g) + "/"
                            + COUPLINGS[k] + "/" + seed);
                    stepBias = Math.max(stepBias, c.spreadEulerMaruyama(eig, a.dt()) / closed[g][k] - 1);
                    sim[g][k][seed] = a.spread();
                    ratio[g][k][seed] = a.spread() / closed[g][k];
                    centroidRatio[seed] = a.centroidError() / c.centroidError();
                    centroid[seed] += centroidRatio[seed] / (GRAPHS.size() * nk);
                }
                rows.add(new SpreadRow(GRAPHS.get(g), COUPLINGS[k], closed[g][k], Stats.mean(sim[g][k]),
                        Stats.mean(ratio[g][k]), Stats.mean(centroidRatio)));
            }
        }
        ctx.table("spread", Tables.of("stationary spread Σ‖x_i − x̄‖²: closed form and simulation (mean over "
                + s.seeds() + " runs); centroid error simulated / closed form", rows));
        ctx.chart("spread", spreadChart(sim, closed));
        double[][] worst = new double[GRAPHS.size()][s.seeds()];
        double[] largestStep = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            for (int g = 0; g < GRAPHS.size(); g++) {
                for (int k = 0; k < nk; k++) {
                    worst[g][seed] = Math.max(worst[g][seed], Math.abs(ratio[g][k][seed] - 1));
                    if (k > 0) {
                        largestStep[seed] = Math.max(largestStep[seed], sim[g][k][seed] / sim[g][k - 1][seed]);
                    }
                }
            }
        }
        ctx.decide(SPREAD_ALL, Estimate.mean(worst[0]), "largest |simulated / closed form − 1| over k, all-to-all, "
                + "mean over runs");
        ctx.decide(SPREAD_RING, Estimate.mean(worst[1]), "largest |simulated / closed form − 1| over k, ring, mean "
                + "over runs");
        ctx.decide(CENTROID, Estimate.mean(centroid), "simulated / closed-form centroid error, averaged over k and "
                + "graphs, mean over runs");
        ctx.decide(COUPLING_SHRINKS, Estimate.mean(largestStep), "largest spread(k_next) / spread(k) over "
                + "consecutive k and both graphs, mean over runs");
        ctx.decide(BOUND, boundRatio, "largest closed form / contraction bound over graphs and k");
        ctx.decide(STEP_BIAS, stepBias, "largest relative excess of the Euler–Maruyama chain's stationary spread");
    }

    private static XYChart spreadChart(double[][][] sim, double[][] closed) {
        int first = 1;
        double[] ks = Arrays.copyOfRange(COUPLINGS, first, COUPLINGS.length);
        Map<String, double[]> simulated = new LinkedHashMap<>();
        Map<String, double[]> closedForm = new LinkedHashMap<>();
        for (int g = 0; g < GRAPHS.size(); g++) {
            double[] m = new double[ks.length];
            for (int k = 0; k < ks.length; k++) {
                m[k] = Stats.mean(sim[g][k + first]);
            }
            simulated.put(GRAPHS.get(g), m);
            closedForm.put(GRAPHS.get(g), Arrays.copyOfRange(closed[g], first, COUPLINGS.length));
        }
        return SyncFigures.spreadAgainstCoupling("spread against coupling (k > 0), n = " + LEARNERS, ks, simulated,
                closedForm);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: the centroid error against the number of learners.

    record SweepRow(int learners, double closedForm, double simulated) { }

    private void redundancy(StepContext ctx, Setup s) {
        double[] ns = Arrays.stream(SWEEP).asDoubleStream().toArray();
        double[][] err = new double[s.seeds()][SWEEP.length];
        List<SweepRow> rows = new ArrayList<>();
        for (int i = 0; i < SWEEP.length; i++) {
            double[][] lap = GraphLaplacian.allToAll(SWEEP[i]);
            double[] eig = GraphLaplacian.eigenvalues(lap);
            CoupledLearners c = new CoupledLearners(lap, DIMS, CURVATURE, SWEEP_COUPLING, NOISE);
            double[] e = new double[s.seeds()];
            for (int seed = 0; seed < s.seeds(); seed++) {
                e[seed] = run(c, eig, s.time(), ctx, "sweep/" + SWEEP[i] + "/" + seed).centroidError();
                err[seed][i] = e[seed];
            }
            rows.add(new SweepRow(SWEEP[i], c.centroidError(), Stats.mean(e)));
        }
        double[] slopes = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            slopes[seed] = LinearFit.logLog(ns, err[seed]).slope();
        }
        ctx.table("centroid", Tables.of("centroid error E‖x̄ − x*‖² against n (all-to-all, k = " + SWEEP_COUPLING
                + "), simulated mean over " + s.seeds() + " runs", rows));
        ctx.decide(ONE_OVER_N, Estimate.mean(slopes), "log-log slope of the centroid error against n, fitted per run, "
                + "mean over runs");
    }
}
