package org.reprolab.reproductions.nsdim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.XYChart;
import org.reprolab.math.Estimate;
import org.reprolab.math.LinearAlgebra;
import org.reprolab.math.PivotedQr;
import org.reprolab.math.Stats;
import org.reprolab.papers.nsdim.NsdimFigures;
import org.reprolab.papers.nsdim.NumericalSpan;
import org.reprolab.papers.nsdim.RandomFeatures;
import org.reprolab.papers.nsdim.RandomFeatures.Activation;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import tech.tablesaw.api.Table;

/**
 * Liu, Yu, Yong (2024): the ε-rank (NSdim) of random tanh and sigmoid features with bounded parameters against the
 * width, the bound and ε, and what it does to an extreme learning machine's fit.
 */
public final class NsdimReproduction extends PaperReproduction<NsdimReproduction.Setup> {

    static final String SOURCE = "Liu, Yu, Yong (2024), arXiv 2409.16697, abstract and Sec. on NSdim (no number "
            + "reachable to us)";
    static final String PROTOTYPE = "the notes' NumPy prototype (seed 0, M = 2000, ε = 1e-10, tanh): NSdim 15 at "
            + "B = 1, 48 at B = 5, 85-88 at B = 10 for N = 1000-4000";

    static final Claim SATURATES = Claim.claim("saturates",
            "NSdim saturates as the width grows: doubling the number of random features (the two largest widths) "
                    + "adds at most 3 dimensions, for tanh and sigmoid at every bound (the largest change over "
                    + "them, per seed).")
            .criterion(Criterion.atMost(3), "notes: \"NSdim changes by ≤ 3 between N = 500 and N = 1000\"; "
                    + PROTOTYPE)
            .reference(Reference.noNumber(SOURCE + "; bounded parameters span a finite-dimensional space to "
                    + "numerical precision"))
            .overSeeds();
    static final Claim RISES_WITH_BOUND = Claim.claim("rises-with-bound",
            "NSdim rises with the bound B on the nonlinear parameters: each larger bound adds at least one "
                    + "dimension, for tanh and sigmoid (the smallest step over them, per seed).")
            .criterion(Criterion.atLeast(1), "notes: \"NSdim strictly increases with B\"")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim BOUND_FACTOR = Claim.claim("tanh-bound-factor",
            "For tanh, NSdim at B = 10 is at least 4 times NSdim at B = 1 (paired by seed).")
            .criterion(Criterion.atLeast(4), "notes: \"NSdim(B=10) ≥ 4 × NSdim(B=1)\"; " + PROTOTYPE)
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim TANH_B1 = Claim.claim("tanh-b1-value",
            "For tanh with B = 1, NSdim at ε = 1e-10 lies between 10 and 20.")
            .criterion(Criterion.between(10, 20), "notes: \"10 ≤ NSdim(B=1) ≤ 20\"; " + PROTOTYPE)
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim RISES_WITH_PRECISION = Claim.claim("rises-with-precision",
            "NSdim rises with 1/ε: each smaller ε counts at least one more dimension, for tanh and sigmoid at every "
                    + "bound (the smallest step over them, per seed).")
            .criterion(Criterion.atLeast(1), "notes: \"NSdim ... grows with B and with log(1/ε)\" (singular values "
                    + "decay roughly exponentially)")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim ELM_PLATEAU = Claim.claim("elm-plateau",
            "With B = 1 an extreme learning machine gains little from width once it exceeds NSdim: its test RMSE on "
                    + "sin(20x) at the largest width is at least 0.8 times its RMSE at the second smallest (improves "
                    + "by less than 20 %), paired by seed.")
            .criterion(Criterion.atLeast(0.8), "notes: \"for B = 1, the sin(20x) RMSE plateaus and improves < 20% "
                    + "from N = 200 to N = 800\" (prototype 0.25 → 0.23)")
            .reference(Reference.noNumber(SOURCE + "; ELM gains nothing beyond NSdim features"))
            .overSeeds();
    static final Claim ELM_LARGE_BOUND = Claim.claim("elm-large-bound",
            "With B = 20 the features span enough for the same ELM to fit sin(20x) to RMSE ≤ 1e-8 at width 400.")
            .criterion(Criterion.atMost(1e-8), "notes: \"for B = 20, RMSE < 1e-8 at N = 400\" (prototype 1.2e-10)")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim FROBENIUS = Claim.check("frobenius-identity",
            "The singular values account for the whole matrix: Σσ_i² = ‖H‖_F² (relative difference ≤ 1e-10, worst "
                    + "over the first seed's matrices).")
            .criterion(Criterion.atMost(1e-10), "ours: an identity of the SVD, computed two ways; the pivoted QR "
                    + "drops columns below " + NumericalSpan.TRUNCATION + " of the largest");

    /** The bounds of the NSdim sweeps and of the ELM. */
    static final double[] BOUNDS = {1, 5, 10};
    static final double[] ELM_BOUNDS = {1, 20};
    static final int[] ELM_WIDTHS = {100, 200, 400, 800};
    static final int ELM_FIT_WIDTH = 400;
    /** The ε of the width and bound sweeps, and the ladder of the precision sweep. */
    static final double EPS = 1e-10;
    static final double[] EPS_LADDER = {1e-4, 1e-7, 1e-10};
    /** Truncation of the ELM's least squares, relative to the largest feature column. */
    static final double ELM_TOLERANCE = 1e-13;
    static final int ELM_TEST_POINTS = 997;

    /**
     * What differs between the quick profile and the full one.
     *
     * @param points Chebyshev points M of [−1, 1] where features are sampled (and the ELM is fitted)
     * @param widths numbers of random features N, increasing; the last two test saturation
     * @param seeds independent draws of the features
     */
    public record Setup(int points, int[] widths, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(500, new int[] {250, 500, 1000}, 3)
                    : new Setup(2000, new int[] {500, 1000, 2000}, 10);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("d = 1: %d Chebyshev points of [−1, 1], widths %s, %d independent draws of "
                    + "the features (the notes' prototype used 2000 points).", points, Arrays.toString(widths),
                    seeds));
        }
    }

    /** Declares the steps and the claims each decides. */
    public NsdimReproduction() {
        super(Setup::of);
        step("span", "NSdim of random tanh and sigmoid features against width, bound and ε", this::span, SATURATES,
                RISES_WITH_BOUND, BOUND_FACTOR, TANH_B1, RISES_WITH_PRECISION, FROBENIUS);
        step("elm", "An extreme learning machine on sin(20x) with bounded random features", this::elm, ELM_PLATEAU,
                ELM_LARGE_BOUND);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("nsdim", 24, "Numerical approximation capacity of neural networks with bounded "
                + "parameters: do limits exist, and how can they be measured?",
                List.of("Li Liu", "Tengchao Yu", "Heng Yong"), 2024, "arXiv", "2409.16697",
                "Universal approximation needs unbounded nonlinear parameters. With the weights and biases bounded and "
                        + "an analytic activation (tanh, sigmoid), the paper shows that networks lie, to numerical "
                        + "precision, in a finite-dimensional space, and measures its size by the numerical span "
                        + "dimension NSdim: the ε-rank of the matrix of random hidden units sampled on the domain. We "
                        + "count it for tanh and sigmoid features against the width, the bound and ε, and check the "
                        + "consequence for an extreme learning machine: beyond NSdim, width adds nothing.");
    }

    @Override
    public List<String> standIns() {
        return List.of("One input dimension; (w, b) uniform on [−B, B]² with B in " + Arrays.toString(BOUNDS)
                        + "; NSdim counted at ε = " + EPS + " (and " + Arrays.toString(EPS_LADDER) + ") from singular "
                        + "values by a pivoted QR and one-sided Jacobi in double precision.",
                "The ELM fits sin(20x) by least squares (truncated at " + ELM_TOLERANCE + ") with tanh features of "
                        + "widths " + Arrays.toString(ELM_WIDTHS) + " at B in " + Arrays.toString(ELM_BOUNDS)
                        + ", tested on " + ELM_TEST_POINTS + " evenly spaced points; no trained network is projected.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: NSdim against width, bound and ε.

    record DimensionRow(String activation, double bound, int width, double meanNsdim, double sdNsdim) { }

    private void span(StepContext ctx, Setup s) {
        double[] x = RandomFeatures.chebyshevPoints(s.points());
        Activation[] acts = Activation.values();
        int widest = s.widths().length - 1;
        // dim[a][b][w][seed] at EPS; ladder[a][b][e][seed] at the widest width
        double[][][][] dim = new double[acts.length][BOUNDS.length][s.widths().length][s.seeds()];
        double[][][][] ladder = new double[acts.length][BOUNDS.length][EPS_LADDER.length][s.seeds()];
        Map<String, double[]> shownSpectra = new LinkedHashMap<>();
        double frobenius = 0;
        for (int seed = 0; seed < s.seeds(); seed++) {
            for (int b = 0; b < BOUNDS.length; b++) {
                SplittableRandom rng = ctx.random("features/" + seed + "/" + BOUNDS[b]);
                double[][] params = RandomFeatures.parameters(s.widths()[widest], BOUNDS[b], rng);
                for (int a = 0; a < acts.length; a++) {
                    for (int w = 0; w < s.widths().length; w++) {
                        // the narrower sets are the first units of the widest: nested, as a width sweep should be
                        double[][] cols = RandomFeatures.columns(acts[a], Arrays.copyOf(params, s.widths()[w]), x);
                        double[] spectrum = NumericalSpan.spectrum(cols);
                        dim[a][b][w][seed] = NumericalSpan.dimension(spectrum, EPS);
                        if (w == widest) {
                            for (int e = 0; e < EPS_LADDER.length; e++) {
                                ladder[a][b][e][seed] = NumericalSpan.dimension(spectrum, EPS_LADDER[e]);
                            }
                            if (seed == 0) {
                                frobenius = Math.max(frobenius, frobeniusGap(cols));
                                shownSpectra.put(acts[a].label() + ", B = " + (int) BOUNDS[b], spectrum);
                            }
                        }
                    }
                }
            }
        }
        double[] largestChange = new double[s.seeds()];
        double[] smallestBoundStep = new double[s.seeds()];
        double[] smallestEpsStep = new double[s.seeds()];
        Arrays.fill(smallestBoundStep, Double.POSITIVE_INFINITY);
        Arrays.fill(smallestEpsStep, Double.POSITIVE_INFINITY);
        List<DimensionRow> rows = new ArrayList<>();
        for (int a = 0; a < acts.length; a++) {
            for (int b = 0; b < BOUNDS.length; b++) {
                for (int w = 0; w < s.widths().length; w++) {
                    rows.add(new DimensionRow(acts[a].label(), BOUNDS[b], s.widths()[w], Stats.mean(dim[a][b][w]),
                            Stats.sd(dim[a][b][w])));
                }
                for (int seed = 0; seed < s.seeds(); seed++) {
                    largestChange[seed] = Math.max(largestChange[seed],
                            Math.abs(dim[a][b][widest][seed] - dim[a][b][widest - 1][seed]));
                    if (b > 0) {
                        smallestBoundStep[seed] = Math.min(smallestBoundStep[seed],
                                dim[a][b][widest][seed] - dim[a][b - 1][widest][seed]);
                    }
                    for (int e = 1; e < EPS_LADDER.length; e++) {
                        smallestEpsStep[seed] = Math.min(smallestEpsStep[seed],
                                ladder[a][b][e][seed] - ladder[a][b][e - 1][seed]);
                    }
                }
            }
        }
        ctx.table("nsdim", Tables.of("NSdim at ε = " + EPS + " over " + s.seeds() + " draws", rows));
        ctx.table("nsdim-by-eps", epsTable(acts, ladder, s));
        ctx.chart("spectra", NsdimFigures.spectra("normalised singular values, width " + s.widths()[widest]
                + " (first draw)", shownSpectra, EPS));
        ctx.chart("nsdim-vs-width", widthChart(acts, dim, s));
        int tanh = Activation.TANH.ordinal();
        int last = BOUNDS.length - 1;
        ctx.decide(SATURATES, Estimate.mean(largestChange), "largest |NSdim(N = " + s.widths()[widest]
                + ") − NSdim(N = " + s.widths()[widest - 1] + ")| over activations and bounds, mean over draws");
        ctx.decide(RISES_WITH_BOUND, Estimate.mean(smallestBoundStep), "smallest NSdim step between consecutive "
                + "bounds at N = " + s.widths()[widest] + ", over activations, mean over draws");
        ctx.decide(BOUND_FACTOR, Estimate.pairedRatio(dim[tanh][last][widest], dim[tanh][0][widest]),
                "tanh NSdim(B = 10) / NSdim(B = 1) at N = " + s.widths()[widest] + ", geometric mean over draws");
        ctx.decide(TANH_B1, Estimate.mean(dim[tanh][0][widest]), "tanh NSdim at B = 1, N = " + s.widths()[widest]
                + ", mean over draws");
        ctx.decide(RISES_WITH_PRECISION, Estimate.mean(smallestEpsStep), "smallest NSdim step between consecutive "
                + "ε of " + Arrays.toString(EPS_LADDER) + ", over activations and bounds, mean over draws");
        ctx.decide(FROBENIUS, frobenius, "|Σσ² − ‖H‖_F²| / ‖H‖_F², worst over the first draw's widest matrices");
    }

    private static double frobeniusGap(double[][] columns) {
        double[] sv = PivotedQr.ofColumns(columns, NumericalSpan.TRUNCATION).singularValues();
        double sum = 0;
        for (double v : sv) {
            sum += v * v;
        }
        double f = LinearAlgebra.frobeniusNorm(columns);
        return Math.abs(sum - f * f) / (f * f);
    }

    private static Table epsTable(Activation[] acts, double[][][][] ladder, Setup s) {
        List<String> rowNames = new ArrayList<>();
        List<String> colNames = new ArrayList<>();
        for (double e : EPS_LADDER) {
            colNames.add("ε = " + e);
        }
        double[][] mean = new double[acts.length * BOUNDS.length][EPS_LADDER.length];
        for (int a = 0; a < acts.length; a++) {
            for (int b = 0; b < BOUNDS.length; b++) {
                rowNames.add(acts[a].label() + ", B = " + (int) BOUNDS[b]);
                for (int e = 0; e < EPS_LADDER.length; e++) {
                    mean[a * BOUNDS.length + b][e] = Stats.mean(ladder[a][b][e]);
                }
            }
        }
        return Tables.matrix("NSdim against ε at N = " + s.widths()[s.widths().length - 1] + ", mean over "
                + s.seeds() + " draws", "features", rowNames, colNames, mean);
    }

    private static XYChart widthChart(Activation[] acts, double[][][][] dim, Setup s) {
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (int a = 0; a < acts.length; a++) {
            for (int b = 0; b < BOUNDS.length; b++) {
                double[] y = new double[s.widths().length];
                for (int w = 0; w < y.length; w++) {
                    y[w] = Stats.mean(dim[a][b][w]);
                }
                lines.put(acts[a].label() + ", B = " + (int) BOUNDS[b], y);
            }
        }
        double[] widths = Arrays.stream(s.widths()).asDoubleStream().toArray();
        return NsdimFigures.against("NSdim (ε = " + EPS + ") against the width", "random features N", "NSdim",
                widths, lines, false);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: the extreme learning machine.

    private void elm(StepContext ctx, Setup s) {
        double[] train = RandomFeatures.chebyshevPoints(s.points());
        double[] test = RandomFeatures.evenPoints(ELM_TEST_POINTS);
        double[][][] rmse = new double[ELM_BOUNDS.length][ELM_WIDTHS.length][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            for (int b = 0; b < ELM_BOUNDS.length; b++) {
                double[][] params = RandomFeatures.parameters(ELM_WIDTHS[ELM_WIDTHS.length - 1], ELM_BOUNDS[b],
                        ctx.random("elm/" + seed + "/" + ELM_BOUNDS[b]));
                for (int w = 0; w < ELM_WIDTHS.length; w++) {
                    rmse[b][w][seed] = NumericalSpan.elmRmse(Activation.TANH, Arrays.copyOf(params, ELM_WIDTHS[w]),
                            t -> Math.sin(20 * t), train, test, ELM_TOLERANCE);
                }
            }
        }
        Map<String, double[]> lines = new LinkedHashMap<>();
        List<String> rowNames = new ArrayList<>();
        double[][] mean = new double[ELM_BOUNDS.length][ELM_WIDTHS.length];
        for (int b = 0; b < ELM_BOUNDS.length; b++) {
            for (int w = 0; w < ELM_WIDTHS.length; w++) {
                mean[b][w] = Stats.mean(rmse[b][w]);
            }
            rowNames.add("tanh, B = " + (int) ELM_BOUNDS[b]);
            lines.put(rowNames.get(b), mean[b]);
        }
        List<String> colNames = Arrays.stream(ELM_WIDTHS).mapToObj(n -> "N = " + n).toList();
        ctx.table("elm-rmse", Tables.matrix("ELM test RMSE on sin(20x), mean over " + s.seeds() + " draws",
                "features", rowNames, colNames, mean));
        ctx.chart("elm-rmse", NsdimFigures.against("ELM on sin(20x): test RMSE against width", "random features N",
                "test RMSE", Arrays.stream(ELM_WIDTHS).asDoubleStream().toArray(), lines, true));
        int fit = Arrays.binarySearch(ELM_WIDTHS, ELM_FIT_WIDTH);
        ctx.decide(ELM_PLATEAU, Estimate.pairedRatio(rmse[0][ELM_WIDTHS.length - 1], rmse[0][1]), "RMSE(N = "
                + ELM_WIDTHS[ELM_WIDTHS.length - 1] + ") / RMSE(N = " + ELM_WIDTHS[1] + ") at B = 1, geometric mean "
                + "over draws");
        ctx.decide(ELM_LARGE_BOUND, Estimate.mean(rmse[1][fit]), "test RMSE at B = 20, N = " + ELM_FIT_WIDTH
                + ", mean over draws");
    }
}
