package org.reprolab.reproductions.beyondl1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.data.ImageSamples;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.beyondl1.BeyondL1Figures;
import org.reprolab.papers.beyondl1.NaturalPatches;
import org.reprolab.papers.beyondl1.OrientationTuning;
import org.reprolab.papers.beyondl1.SparseCoder;
import org.reprolab.papers.beyondl1.Thresholding;
import org.reprolab.report.Column;
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
 * Rentzeperis et al. (2023): sparse codes of whitened natural-image patches with soft (ℓ1), hard (ℓ0), half (ℓ1/2)
 * and CEL0 thresholding; how many units each needs at equal reconstruction error, and whether the learned atoms are
 * orientation selective.
 */
public final class BeyondL1Reproduction extends PaperReproduction<BeyondL1Reproduction.Setup> {

    static final String ABSTRACT = "Rentzeperis et al. (2023), PLoS Comput Biol, abstract";

    static final Claim CLOSED_FORMS = Claim.check("prox-closed-forms",
            "Each operator's closed form minimises its penalised objective ½(v − u)² + η·R(v; λ): the objective at the "
                    + "closed form exceeds the brute-force minimum over a fine grid by at most 1e-9.")
            .criterion(Criterion.atMost(1e-9), "ours: a closed form computed two ways");
    static final Claim VS_CEL0 = Claim.claim("l1-vs-cel0-units",
            "At equal reconstruction error, ℓ1 (soft thresholding) needs more active units than CEL0: the ratio of "
                    + "active units ℓ1 / CEL0 at CEL0's error is ≥ 1, paired by seed.")
            .criterion(Criterion.atLeast(1), "paper: the abstract states that ℓ1 needs about ten times more units "
                    + "than CEL0 to reconstruct equally well at equal sparsity")
            .reference(Reference.of(10, "about 10× more units (dictionary size, at equal sparsity and error)",
                    ABSTRACT))
            .overSeeds();
    static final Claim VS_HARD = Claim.claim("l1-vs-hard-units",
            "At equal reconstruction error, ℓ1 needs more active units than ℓ0 (hard thresholding): ratio ℓ1 / ℓ0 "
                    + "≥ 1, paired by seed.")
            .criterion(Criterion.atLeast(1), "paper: the abstract states that the non-convex penalties reconstruct "
                    + "better than ℓ1 at equal sparsity")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim VS_HALF = Claim.claim("l1-vs-half-units",
            "At equal reconstruction error, ℓ1 needs more active units than ℓ1/2 (half thresholding): ratio "
                    + "ℓ1 / ℓ1/2 ≥ 1, paired by seed.")
            .criterion(Criterion.atLeast(1), "paper: the abstract states that the non-convex penalties reconstruct "
                    + "better than ℓ1 at equal sparsity")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim ORIENTED = Claim.claim("oriented-fields",
            "Learned atoms are orientation selective: at least half of them have an orientation selectivity index "
                    + "OSI > 0.5 (in the full profile, in the least selective of the four operators' dictionaries).")
            .criterion(Criterion.atLeast(0.5), "notes: at least 50% of the atoms with OSI > 0.5 (the paper: every "
                    + "penalty yields orientation-selective units)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim EMERGE = Claim.claim("selectivity-emerges",
            "Orientation selectivity emerges through learning: the share of atoms with OSI > 0.5 is higher in the "
                    + "learned dictionary than in the random dictionary it started from, paired by seed.")
            .criterion(Criterion.atLeast(0), "ours: random 8×8 atoms already reach OSI > 0.5 by chance, so the "
                    + "learned share is compared with theirs")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();

    /** Patch side in pixels (D = 64), the images and how much they are reduced before cutting patches. */
    static final int SIDE = 8;
    static final List<String> IMAGES = List.of("camera", "astronaut", "coffee", "chelsea", "grass", "gravel",
            "brick");
    static final int DOWNSAMPLE = 2;
    /** ZCA's regulariser as a fraction of the mean eigenvalue. */
    static final double ZCA_EPSILON = 0.1;
    /** The target share of active units (the paper tunes λ to about 5%), and the sweep of λ around it. */
    static final double ACTIVE = 0.05;
    static final double[] SWEEP = {0.125, 0.25, 0.5, 1, 2};
    /** Orientations of the gratings, mini-batch and rate of dictionary learning, and the OSI threshold. */
    static final int ORIENTATIONS = 8;
    static final int BATCH = 20;
    static final double RATE = 0.2;
    static final double OSI = 0.5;

    /**
     * What differs between the profiles.
     *
     * @param train training patches per seed (fresh per seed)
     * @param test held-out patches per seed for the sparsity-error curves
     * @param atoms dictionary size K
     * @param epochs passes of dictionary learning
     * @param iterations ISTA steps per code
     * @param seeds seeds
     * @param ownDictionaries whether each operator learns its own dictionary (as in the paper) rather than all four
     *     coding with one dictionary learned with ℓ1
     */
    public record Setup(int train, int test, int atoms, int epochs, int iterations, int seeds, boolean ownDictionaries)
            implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(2_000, 400, 64, 6, 30, 3, false)
                    : new Setup(4_000, 1_000, 128, 6, 40, 4, true);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%,d training and %,d test patches of %d×%d pixels per seed, %d seeds; "
                    + "K = %d atoms (%.0f× overcomplete), %d epochs of dictionary learning, %d ISTA steps per code.",
                    train, test, SIDE, SIDE, seeds, atoms, atoms / (double) (SIDE * SIDE), epochs, iterations),
                    ownDictionaries ? "Each operator learns its own dictionary, as in the paper."
                            : "One dictionary per seed, learned with ℓ1 (the Olshausen-Field model), codes all four "
                                    + "operators' patches: an inference-only comparison, which favours ℓ1.");
        }
    }

    /** Declares the steps and the claims each decides. */
    public BeyondL1Reproduction() {
        super(Setup::of);
        step("operators", "The four thresholding operators, closed forms against brute force", this::operators,
                CLOSED_FORMS);
        step("coding", "Dictionaries on natural-image patches, units at equal error and orientation selectivity, "
                + "over seeds", this::coding, VS_CEL0, VS_HARD, VS_HALF, ORIENTED, EMERGE);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("beyond-l1", 22, "Beyond ℓ1 sparse coding in V1",
                List.of("Ilias Rentzeperis", "Luca Calatroni", "Laurent U. Perrinet", "Dario Prandi"), 2023,
                "PLoS Computational Biology", "2301.10002",
                "Sparse coding models of V1 usually take the ℓ1 penalty (soft thresholding). The paper compares it "
                        + "with non-convex penalties, ℓ0 (hard), ℓ1/2 and CEL0, in proximal-gradient inference "
                        + "on whitened natural-image patches: at equal sparsity the non-convex ones reconstruct "
                        + "better, ℓ1 needing about ten times more units than CEL0, and every penalty learns "
                        + "orientation-selective receptive fields. We check the operators' closed forms, learn "
                        + "dictionaries on scikit-image photographs, compare the active units each operator needs "
                        + "at equal error, and measure orientation selectivity, over seeds.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Patches from " + IMAGES.size() + " scikit-image photographs (" + String.join(", ", IMAGES)
                        + ") reduced " + DOWNSAMPLE + "×, each minus its mean, ZCA-whitened (ε = " + ZCA_EPSILON
                        + " × the mean eigenvalue) instead of the paper's image set and 1/f·exp filter.",
                "ISTA for inference; λ steered to " + Math.round(100 * ACTIVE) + "% active units while learning and "
                        + "calibrated per operator by bisection before the λ sweep; the paper's comparison of "
                        + "dictionary sizes is read here as active units at equal error (the stand-in for the "
                        + "10× factor).",
                "OSI = (r_pref − r_orth)/(r_pref + r_orth) of the quadrature-pair grating energy at " + ORIENTATIONS
                        + " orientations and the preferred spatial frequency (our choice; the notes do not define "
                        + "it); the stricter vector strength is shown beside it.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the operators.

    record OperatorRow(String operator, double threshold, double worstExcessObjective) { }

    private void operators(StepContext ctx, Setup s) {
        double eta = 0.4;
        double lambda = 0.7;
        List<OperatorRow> rows = new ArrayList<>();
        double worst = 0;
        for (Thresholding op : Thresholding.values()) {
            double excess = 0;
            double threshold = Double.NaN;
            for (int i = 0; i <= 400; i++) {
                double u = 3.0 * i / 400;
                double closed = op.prox(u, eta, lambda);
                double brute = op.proxByGridSearch(u, eta, lambda, 20_000);
                excess = Math.max(excess, objective(op, closed, u, eta, lambda) - objective(op, brute, u, eta, lambda));
                if (Double.isNaN(threshold) && closed != 0) {
                    threshold = u;
                }
            }
            rows.add(new OperatorRow(op.label(), threshold, excess));
            worst = Math.max(worst, excess);
        }
        ctx.table("operators", Tables.of(String.format("closed forms at η = %.1f, λ = %.1f: first u > 0 (step 3/400) "
                + "with a non-zero output, and the objective's excess over the grid minimum", eta, lambda), rows));
        ctx.chart("operators", BeyondL1Figures.operators(eta, lambda));
        ctx.decide(CLOSED_FORMS, worst, "largest excess of ½(v − u)² + η·R(v; λ) at the closed form over the minimum "
                + "on a 20,000-point grid, over 401 inputs and four operators");
    }

    private static double objective(Thresholding op, double v, double u, double eta, double lambda) {
        return 0.5 * (v - u) * (v - u) + eta * op.penalty(v, lambda);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: dictionaries, sparsity-error curves and orientation selectivity, over seeds.

    record UnitsRow(String operator, double lambda, double activeAtTargetError, double l1Ratio) { }

    record SelectivityRow(String dictionary, @Column("share with OSI > 0.5") double shareOsiAbove05, double meanOsi,
            double meanVectorStrength) { }

    private void coding(StepContext ctx, Setup s) {
        List<float[][]> images = IMAGES.stream().map(n -> NaturalPatches.downsample(ImageSamples.gray(n), DOWNSAMPLE))
                .toList();
        Thresholding[] ops = Thresholding.values();
        double[][] ratio = new double[ops.length][s.seeds()];
        double[] oriented = new double[s.seeds()];
        double[] random = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            SplittableRandom r = ctx.random("patches/" + seed);
            double[][] raw = NaturalPatches.sample(images, SIDE, s.train() + s.test(), r);
            double[][] w = NaturalPatches.zca(Arrays.copyOf(raw, s.train()), ZCA_EPSILON);
            double[][] white = NaturalPatches.whiten(raw, w);
            double[][] train = Arrays.copyOf(white, s.train());
            double[][] test = Arrays.copyOfRange(white, s.train(), white.length);
            SparseCoder.Learning learning = new SparseCoder.Learning(s.atoms(), s.epochs(), BATCH, s.iterations(),
                    ACTIVE, RATE);
            Map<Thresholding, SparseCoder> coders = new EnumMap<>(Thresholding.class);
            for (Thresholding op : ops) {
                if (s.ownDictionaries() || op == Thresholding.SOFT) {
                    coders.put(op, SparseCoder.learn(op, train, learning, ctx.random("learn/" + op + "/" + seed))
                            .coder());
                }
            }
            for (Thresholding op : ops) {
                coders.computeIfAbsent(op, o -> new SparseCoder(o, coders.get(Thresholding.SOFT).atoms()));
            }
            Map<String, List<SparseCoder.Fit>> curves = new LinkedHashMap<>();
            double[] lambdas = new double[ops.length];
            for (int k = 0; k < ops.length; k++) {
                SparseCoder c = coders.get(ops[k]);
                lambdas[k] = c.lambdaForActive(Arrays.copyOf(train, Math.min(200, train.length)), ACTIVE,
                        s.iterations(), 12);
                curves.put(ops[k].label(), c.sweep(test, lambdas[k], SWEEP, s.iterations()));
            }
            double target = curves.get(Thresholding.CEL0.label()).get(3).relativeError();
            double l1 = SparseCoder.activeAtError(curves.get(Thresholding.SOFT.label()), target);
            List<UnitsRow> units = new ArrayList<>();
            for (int k = 0; k < ops.length; k++) {
                double a = SparseCoder.activeAtError(curves.get(ops[k].label()), target);
                ratio[k][seed] = l1 / a;
                units.add(new UnitsRow(ops[k].label(), lambdas[k], a, l1 / a));
            }
            List<SelectivityRow> sel = new ArrayList<>();
            double least = 1;
            for (Thresholding op : s.ownDictionaries() ? ops : new Thresholding[] {Thresholding.SOFT}) {
                SelectivityRow row = selectivity(op.label() + " dictionary", coders.get(op).atoms());
                sel.add(row);
                least = Math.min(least, row.shareOsiAbove05());
            }
            SelectivityRow start = selectivity("random atoms (the starting point)",
                    SparseCoder.randomAtoms(s.atoms(), SIDE * SIDE, ctx.random("learn/" + Thresholding.SOFT + "/"
                            + seed)));
            sel.add(start);
            oriented[seed] = least;
            random[seed] = start.shareOsiAbove05();
            ctx.log(String.format("seed %d: target error %.3f, ℓ1/CEL0 %.2f, ℓ1/ℓ0 %.2f, ℓ1/ℓ1/2 %.2f; OSI > 0.5: "
                    + "learned %.2f, random %.2f", seed + 1, target, ratio[3][seed], ratio[1][seed], ratio[2][seed],
                    least, random[seed]));
            if (seed == 0) {
                ctx.table("units", Tables.of(String.format("seed 1: active units at CEL0's relative error %.3f "
                        + "(λ calibrated to %.0f%% active)", target, 100 * ACTIVE), units));
                ctx.table("selectivity", Tables.of("seed 1: orientation selectivity of the atoms", sel));
                ctx.chart("sparsity-error", BeyondL1Figures.sparsityError("Seed 1: error against active units "
                        + "(held-out patches)", curves, target));
                ctx.chart("patches", BeyondL1Figures.mosaic("Seed 1: 32 whitened patches", Arrays.copyOf(test, 32),
                        SIDE, 8));
                for (Thresholding op : s.ownDictionaries() ? ops : new Thresholding[] {Thresholding.SOFT}) {
                    ctx.chart("atoms-" + op.name().toLowerCase(), BeyondL1Figures.mosaic("Seed 1: the " + s.atoms()
                            + " atoms learned with " + op.label(), coders.get(op).atoms(), SIDE,
                            (int) Math.ceil(Math.sqrt(s.atoms()))));
                }
            }
        }
        List<String> seeds = new ArrayList<>();
        for (int seed = 1; seed <= s.seeds(); seed++) {
            seeds.add("seed " + seed);
        }
        ctx.table("ratios", Tables.matrix("active units of ℓ1 / those of each operator at CEL0's error", "operator",
                Arrays.stream(ops).map(Thresholding::label).toList(), seeds, ratio));
        decideRatio(ctx, VS_CEL0, ratio[3], "CEL0");
        decideRatio(ctx, VS_HARD, ratio[1], "ℓ0");
        decideRatio(ctx, VS_HALF, ratio[2], "ℓ1/2");
        ctx.decide(ORIENTED, Estimate.mean(oriented), String.format("share of learned atoms with OSI > 0.5, mean %.2f "
                + "over seeds", Stats.mean(oriented)));
        ctx.decide(EMERGE, Estimate.pairedDifference(oriented, random), String.format("learned %.2f − random %.2f",
                Stats.mean(oriented), Stats.mean(random)));
        ctx.note("The paper's factor of about 10 compares dictionary sizes at equal sparsity; here the factor is the "
                + "ratio of active units at equal error with dictionaries of one size, so it is expected to be "
                + "smaller.");
    }

    private static void decideRatio(StepContext ctx, Claim claim, double[] ratios, String other) {
        double[] ones = new double[ratios.length];
        Arrays.fill(ones, 1);
        ctx.decide(claim, Estimate.pairedRatio(ratios, ones), String.format("active units ℓ1 / %s at CEL0's error, "
                + "geometric mean %.2f over seeds", other, Stats.geometricMean(ratios)));
    }

    private static SelectivityRow selectivity(String name, double[][] atoms) {
        double above = 0;
        double osi = 0;
        double vs = 0;
        for (double[] a : atoms) {
            OrientationTuning t = OrientationTuning.of(a, SIDE, ORIENTATIONS);
            above += t.osi() > OSI ? 1.0 / atoms.length : 0;
            osi += t.osi() / atoms.length;
            vs += t.vectorStrength() / atoms.length;
        }
        return new SelectivityRow(name, above, osi, vs);
    }
}
