package org.reprolab.reproductions.nnstonos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.LinearFit;
import org.reprolab.math.Stats;
import org.reprolab.operators.OperatorNets;
import org.reprolab.operators.PeriodicField;
import org.reprolab.papers.nnstonos.LayerOnGrids;
import org.reprolab.papers.nnstonos.NnsToNosFigures;
import org.reprolab.papers.nnstonos.OperatorConvNets;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.train.RegressionLoop;

/**
 * Berner et al. (2025): a plain convolution against its kernel-interpolated (neural-operator) version and a Fourier
 * layer on one periodic function sampled ever finer, then a plain CNN, the interpolated CNN and an FNO trained on the
 * 1-D heat equation at 64 points and tested at 128 and 256.
 */
public final class NnsToNosReproduction extends PaperReproduction<NnsToNosReproduction.Setup> {

    static final String SOURCE = "Berner et al. (2025), arXiv 2506.10973, principles and README (qualitative; no "
            + "number reachable to us)";
    /** A ratio of 0.6 per doubling of N, as a log-log slope: log2(0.6). */
    static final double SLOPE_06 = Math.log(0.6) / Math.log(2);

    static final Claim FOURIER_EXACT = Claim.check("fourier-layer-grid-free",
            "A Fourier layer's output on a band-limited input is the same function on every grid: its values on 64 "
                    + "points equal its values on 512 points at the shared nodes (relative ≤ 1e-5).")
            .criterion(Criterion.atMost(1e-5), "ours: the layer acts on Fourier coefficients, which sampling above "
                    + "the Nyquist rate computes exactly");
    static final Claim INTERP_CONVERGES = Claim.claim("interpolated-converges",
            "The kernel-interpolated convolution is discretisation-convergent: the difference between its outputs on "
                    + "successive grids N, 2N shrinks by a factor below 0.6 per doubling (log-log slope ≤ log2 0.6), "
                    + "over random layers and inputs.")
            .criterion(Criterion.atMost(SLOPE_06), "notes: \"successive-resolution output differences of the "
                    + "interpolated layer shrink (ratio < 0.6 per doubling)\"")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim PLAIN_NO_LIMIT = Claim.claim("plain-no-limit",
            "A plain convolution (the same taps on every grid) is not one operator across resolutions: its "
                    + "receptive field shrinks with the grid spacing, so the map it computes at 512 points moves "
                    + "further from the one it computed at 64 points than the kernel-interpolated layer's does "
                    + "(drift ratio plain / interpolated ≥ 1, paired by random layer and input).")
            .criterion(Criterion.atLeast(1), "ours: the paper's principle (a converted layer is one operator on "
                    + "every grid, a naive one is not) as a paired comparison of the two layers, which share their "
                    + "taps at 64 points")
            .revised("plain layer's successive differences shrink slower than 0.6 per doubling (log-log slope ≥ "
                    + "log2 0.6)", "ill-posed: a plain convolution also converges, to the pointwise multiple (Σw)·v "
                    + "of its input, so its successive differences shrink at rate 1/N and a rate cannot separate it "
                    + "from the interpolated layer; what the naive layer lacks is a limit that is the operator it "
                    + "computed on the training grid")
            .reference(Reference.noNumber(SOURCE))
            .overSeeds();
    static final Claim FNO_FLAT = Claim.claim("fno-flat",
            "An FNO trained at 64 points keeps its error at 256 points: error(256) / error(64) ≤ 1.5, paired by seed.")
            .criterion(Criterion.atMost(1.5), "notes: full criterion \"≤ 1.5 × the error at N = 64 for FNO\"")
            .reference(Reference.noNumber(SOURCE + "; converted models keep their error across resolutions"))
            .overSeeds();
    static final Claim INTERP_FLAT = Claim.claim("interpolated-cnn-flat",
            "The kernel-interpolated CNN trained at 64 points keeps its error at 256 points: error(256) / error(64) "
                    + "≤ 1.5, paired by seed.")
            .criterion(Criterion.atMost(1.5), "notes: full criterion \"≤ 1.5 × ... for the interpolated CNN\"")
            .reference(Reference.noNumber(SOURCE + "; converted models keep their error across resolutions"))
            .overSeeds();
    static final Claim PLAIN_GROWS = Claim.claim("plain-cnn-grows",
            "The plain CNN trained at 64 points degrades at 256 points: error(256) / error(64) ≥ 2, paired by seed.")
            .criterion(Criterion.atLeast(2), "notes: full criterion \"≥ 2 × for the plain CNN\"")
            .reference(Reference.noNumber(SOURCE + "; naive models degrade across resolutions"))
            .overSeeds();

    /** The training grid and the test grids. */
    static final int BASE = 64;
    static final int[] TEST_GRIDS = {64, 128, 256};
    /** Grids of the layer-convergence test. */
    static final int[] LAYER_GRIDS = {64, 128, 256, 512};
    /** Heat equation u_t = ν u_xx to time T; initial data a Gaussian field with 16 modes, α = 2, τ = 3. */
    static final double NU = 0.002;
    static final double T = 1;
    static final int FIELD_MODES = 16;
    static final int KERNEL = 5;
    static final int BATCH = 32;
    static final int FNO_MODES = 8;
    static final List<String> MODELS = List.of("plain CNN", "interpolated CNN", "FNO");

    /**
     * What differs between the profiles.
     *
     * @param layers random layers (and inputs) in the convergence test
     * @param train training pairs per seed (drawn afresh per seed)
     * @param test test functions per seed, sampled on every test grid
     * @param steps Adam steps per model
     * @param width channels of every model
     * @param seeds seeds; every model trains once per seed
     */
    public record Setup(int layers, int train, int test, int steps, int width, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(4, 128, 32, 100, 12, 3) : new Setup(8, 512, 100, 400, 16, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%d random layers in the convergence test; heat equation: %d training and %d "
                    + "test functions per seed, %d Adam steps, width %d, %d seeds.", layers, train, test, steps,
                    width, seeds));
        }
    }

    /** Declares the steps and the claims each decides. */
    public NnsToNosReproduction() {
        super(Setup::of);
        step("layers", "One layer on ever finer grids: Fourier, kernel-interpolated and plain convolutions",
                this::layers, FOURIER_EXACT, INTERP_CONVERGES, PLAIN_NO_LIMIT);
        step("heat", "Heat equation: train at 64 points, test at 128 and 256, over seeds", this::heat, FNO_FLAT,
                INTERP_FLAT, PLAIN_GROWS);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("nns-to-nos", 23,
                "Principled approaches for extending neural architectures to function spaces for operator learning",
                List.of("Julius Berner", "Miguel Liu-Schiaffini", "Jean Kossaifi", "Valentin Duruisseaux",
                        "Boris Bonev", "Kamyar Azizzadenesheli", "Anima Anandkumar"), 2025, "arXiv", "2506.10973",
                "A neural operator maps functions to functions, so each layer must be a well-defined map between "
                        + "function spaces whose outputs converge as the grid is refined. The paper distils this into "
                        + "a recipe: pointwise layers stay, convolutions become integrals with a kernel defined in "
                        + "physical units (interpolated to each grid and weighted by the quadrature), spectral layers "
                        + "keep a fixed number of Fourier modes. Converted models keep their error across resolutions "
                        + "while naive ones degrade. We test a plain and an interpolated convolution and a Fourier "
                        + "layer on ever finer grids, and train plain CNN, interpolated CNN and FNO on the 1-D heat "
                        + "equation at 64 points, testing at 128 and 256.");
    }

    @Override
    public List<String> standIns() {
        return List.of("The 1-D periodic heat equation u_t = " + NU + " u_xx to T = " + T + " (exact solution by "
                        + "Fourier modes, initial data a Gaussian random field with " + FIELD_MODES + " modes) instead "
                        + "of the paper's 2-D Navier–Stokes at 128² with 10,000 samples.",
                "Three small models with GELU between layers, trained by Adam on the relative L2 loss with batch "
                        + BATCH + ": a plain CNN of " + KERNEL + "-tap periodic convolutions, the same CNN with its "
                        + "kernels interpolated linearly from " + BASE + " points (divided by k′/k as in the paper's "
                        + "code), and an FNO with " + FNO_MODES + " modes; no U-Net, ViT or multi-resolution "
                        + "training.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: one layer on ever finer grids.

    record SlopeRow(String layer, double meanSlope, double sdOverLayers, double ratioPerDoubling,
            double meanDrift64To512) { }

    private void layers(StepContext ctx, Setup s) {
        NDManager m = ctx.manager();
        double[] grids = Arrays.stream(LAYER_GRIDS).asDoubleStream().toArray();
        double[] coarse = Arrays.copyOf(grids, grids.length - 1);
        double[] slopeInterp = new double[s.layers()];
        double[] slopePlain = new double[s.layers()];
        double[] driftInterp = new double[s.layers()];
        double[] driftPlain = new double[s.layers()];
        Map<String, double[]> firstDiffs = new LinkedHashMap<>();
        double fourierWorst = 0;
        for (int r = 0; r < s.layers(); r++) {
            PeriodicField f = PeriodicField.gaussian(FIELD_MODES, 2, 3, ctx.random("field/" + r));
            Engines.seed(ctx.seed("layer/" + r));
            NDArray w = m.randomNormal(new Shape(1, 1, KERNEL));
            NDArray wr = m.randomNormal(new Shape(FNO_MODES, 1, 1));
            NDArray wi = m.randomNormal(new Shape(FNO_MODES, 1, 1));
            Map<LayerOnGrids.Kind, double[][]> outs = LayerOnGrids.outputs(m, f, w, wr, wi, BASE, LAYER_GRIDS);
            double[][] interp = outs.get(LayerOnGrids.Kind.INTERPOLATED);
            double[][] plain = outs.get(LayerOnGrids.Kind.PLAIN);
            double[] dInterp = LayerOnGrids.successiveDifferences(interp);
            double[] dPlain = LayerOnGrids.successiveDifferences(plain);
            slopeInterp[r] = LinearFit.logLog(coarse, dInterp).slope();
            slopePlain[r] = LinearFit.logLog(coarse, dPlain).slope();
            driftInterp[r] = LayerOnGrids.drift(interp);
            driftPlain[r] = LayerOnGrids.drift(plain);
            fourierWorst = Math.max(fourierWorst, LayerOnGrids.drift(outs.get(LayerOnGrids.Kind.FOURIER)));
            if (r == 0) {
                firstDiffs.put("kernel-interpolated", dInterp);
                firstDiffs.put("plain", dPlain);
                Map<String, double[]> outsInterp = new LinkedHashMap<>();
                Map<String, double[]> outsPlain = new LinkedHashMap<>();
                for (int g = 0; g < LAYER_GRIDS.length; g += 3) {
                    outsInterp.put("N = " + LAYER_GRIDS[g], interp[g]);
                    outsPlain.put("N = " + LAYER_GRIDS[g], plain[g]);
                }
                ctx.chart("interpolated-outputs", NnsToNosFigures.outputs("kernel-interpolated convolution of one "
                        + "input on two grids", outsInterp));
                ctx.chart("plain-outputs", NnsToNosFigures.outputs("plain convolution of the same input on two "
                        + "grids", outsPlain));
            }
        }
        ctx.chart("successive-differences", NnsToNosFigures.againstResolution("‖y_2N − y_N‖ / ‖y_N‖ on the N grid "
                + "(layer 1)", "relative difference to the next grid", coarse, firstDiffs));
        ctx.table("slopes", Tables.of("log-log slope of successive differences against N, over " + s.layers()
                + " random layers", List.of(
                        new SlopeRow("kernel-interpolated", Stats.mean(slopeInterp), Stats.sd(slopeInterp),
                                Math.pow(2, Stats.mean(slopeInterp)), Stats.mean(driftInterp)),
                        new SlopeRow("plain", Stats.mean(slopePlain), Stats.sd(slopePlain),
                                Math.pow(2, Stats.mean(slopePlain)), Stats.mean(driftPlain)))));
        ctx.decide(FOURIER_EXACT, fourierWorst, "largest relative difference between the Fourier layer's outputs on 64 "
                + "and 512 points at the 64 shared nodes");
        ctx.decide(INTERP_CONVERGES, Estimate.mean(slopeInterp), "log-log slope of successive differences, mean over "
                + "random layers");
        ctx.decide(PLAIN_NO_LIMIT, Estimate.pairedRatio(driftPlain, driftInterp), "‖y_512 − y_64‖ / ‖y_64‖ at the "
                + "64 shared nodes, plain over kernel-interpolated, geometric mean over random layers");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: heat equation across resolutions.

    private void heat(StepContext ctx, Setup s) {
        double[][][] err = new double[MODELS.size()][TEST_GRIDS.length][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            SplittableRandom rng = ctx.random("heat-data/" + seed);
            List<PeriodicField> fields = new ArrayList<>();
            for (int i = 0; i < s.train() + s.test(); i++) {
                fields.add(PeriodicField.gaussian(FIELD_MODES, 2, 3, rng));
            }
            try (NDManager m = ctx.manager().newSubManager()) {
                for (int k = 0; k < MODELS.size(); k++) {
                    Engines.seed(ctx.seed("init/" + seed));
                    Block net = model(k, s);
                    NDArray[] train = data(m, fields.subList(0, s.train()), BASE);
                    net.initialize(m, DataType.FLOAT32, new Shape(BATCH, 1, BASE));
                    RegressionLoop.builder().setSteps(s.steps()).setBatchSize(BATCH).optAdam(3e-3f)
                            .optShuffleSeed(ctx.seed("shuffle/" + seed)).build().fit(net, train[0], train[1], m);
                    for (int g = 0; g < TEST_GRIDS.length; g++) {
                        NDArray[] test = data(m, fields.subList(s.train(), fields.size()), TEST_GRIDS[g]);
                        err[k][g][seed] = Stats.mean(RegressionLoop.relativeL2(net, test[0], test[1], m));
                    }
                }
            }
            ctx.log(String.format("seed %d: error at 64 / 256 points: plain %.4f / %.4f, interpolated %.4f / %.4f, "
                    + "FNO %.4f / %.4f", seed + 1, err[0][0][seed], err[0][2][seed], err[1][0][seed], err[1][2][seed],
                    err[2][0][seed], err[2][2][seed]));
        }
        double[][] mean = new double[MODELS.size()][TEST_GRIDS.length];
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (int k = 0; k < MODELS.size(); k++) {
            for (int g = 0; g < TEST_GRIDS.length; g++) {
                mean[k][g] = Stats.mean(err[k][g]);
            }
            lines.put(MODELS.get(k), mean[k]);
        }
        List<String> grids = Arrays.stream(TEST_GRIDS).mapToObj(n -> "N = " + n).toList();
        ctx.table("heat-errors", Tables.matrix("test relative L2, mean over " + s.seeds() + " seeds (trained at N = "
                + BASE + ")", "model", MODELS, grids, mean));
        ctx.chart("heat-errors", NnsToNosFigures.againstResolution("heat equation: trained at 64 points, tested on "
                + "finer grids", "test relative L2", Arrays.stream(TEST_GRIDS).asDoubleStream().toArray(),
                lines));
        int last = TEST_GRIDS.length - 1;
        ctx.decide(FNO_FLAT, Estimate.pairedRatio(err[2][last], err[2][0]), "FNO error at 256 / at 64 points");
        ctx.decide(INTERP_FLAT, Estimate.pairedRatio(err[1][last], err[1][0]), "interpolated CNN error at 256 / at 64");
        ctx.decide(PLAIN_GROWS, Estimate.pairedRatio(err[0][last], err[0][0]), "plain CNN error at 256 / at 64");
    }

    private static Block model(int k, Setup s) {
        int w = s.width();
        return switch (k) {
            case 0 -> OperatorConvNets.plain(KERNEL, w, w, w, 1);
            case 1 -> OperatorConvNets.interpolated(KERNEL, BASE, w, w, w, 1);
            default -> OperatorNets.fno1d(w, FNO_MODES, 3, 1);
        };
    }

    /** Inputs u₀ and targets u(T) of {@code fields} sampled on n points, as [F, 1, n]. */
    private static NDArray[] data(NDManager m, List<PeriodicField> fields, int n) {
        float[] x = new float[fields.size() * n];
        float[] y = new float[fields.size() * n];
        for (int i = 0; i < fields.size(); i++) {
            double[] u0 = fields.get(i).sample(n);
            double[] ut = fields.get(i).heat(NU, T).sample(n);
            for (int j = 0; j < n; j++) {
                x[i * n + j] = (float) u0[j];
                y[i * n + j] = (float) ut[j];
            }
        }
        return new NDArray[] {m.create(x, new Shape(fields.size(), 1, n)), m.create(y, new Shape(fields.size(), 1, n))};
    }
}
