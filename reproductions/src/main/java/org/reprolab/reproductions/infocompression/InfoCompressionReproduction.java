package org.reprolab.reproductions.infocompression;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.MutualInformation;
import org.reprolab.math.Stats;
import org.reprolab.papers.infocompression.InfoCompressionFigures;
import org.reprolab.papers.infocompression.InformationPlane;
import org.reprolab.papers.infocompression.InformationPlaneNetwork;
import org.reprolab.papers.infocompression.InformationPlaneTraining;
import org.reprolab.papers.infocompression.InformationPlaneTraining.Trajectory;
import org.reprolab.papers.infocompression.TishbyTask;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.train.Act;

/**
 * Chelombiev et al. (2019): information-plane trajectories of the 12-10-7-5-4-3-2 network on the 12-bit task,
 * measured with adaptive binning and adaptive KDE, for saturating and non-saturating activations and with L2; the
 * last hidden layer's compression of I(T;X) is decided over seeds.
 */
public final class InfoCompressionReproduction extends PaperReproduction<InfoCompressionReproduction.Setup> {

    static final String PAPER = "Chelombiev, Houghton & O'Donnell (2019), abstract and information-plane figures";

    /** The compression measure before its revision, and why it changed (shared by the four compression claims). */
    static final String OLD_COMPRESSION = "(max − final) / max over all measured epochs, the untrained network "
            + "included";
    static final String WHY_REVISED = "an I(T;X) that only falls from its value at initialisation and then rises "
            + "counted as compression, though the paper's compression is a late fall after fitting (seen in the quick "
            + "run's ReLU information plane); the peak is now taken after the trajectory's lowest point before the end";

    static final Claim GAUSSIAN = Claim.check("gaussian-closed-form",
            "Adaptive binning recovers the mutual information of two correlated Gaussians, −½ log2(1 − ρ²), "
                    + "within 0.05 bits for ρ from 0 to 0.9.")
            .criterion(Criterion.atMost(0.05), "ours: the estimator's bias at this sample size and bin count")
            .reference(Reference.noNumber("closed form of the bivariate Gaussian"));
    static final Claim DETERMINISTIC = Claim.check("deterministic-map",
            "For the deterministic label map of the 12-bit task, I(X;Y) estimated from the inputs' codes equals H(Y) "
                    + "exactly.")
            .criterion(Criterion.atMost(1e-12), "ours: I(X;f(X)) = H(f(X)) is an identity of the plug-in estimate");
    static final Claim BOUNDS = Claim.check("mi-bounds",
            "Every measured point lies in the box 0 ≤ I(T;Y) ≤ H(Y) and 0 ≤ I(T;X) ≤ log2(#inputs): largest "
                    + "violation in bits.")
            .criterion(Criterion.atMost(1e-9), "notes: sanity bounds; they hold by construction of plug-in "
                    + "estimates and the KDE's pairwise form");
    static final Claim RELU = Claim.claim("compression-relu",
            "With adaptive binning, ReLU networks compress: the last hidden layer's I(T;X) ends at least 5% below the "
                    + "peak it reaches after its lowest point, (peak − final) / peak ≥ 0.05, mean over seeds.")
            .criterion(Criterion.atLeast(0.05), "notes: 5% compression; paper: compression occurs without "
                    + "saturating activations")
            .reference(Reference.noNumber(PAPER))
            .overSeeds()
            .revised(OLD_COMPRESSION, WHY_REVISED);
    static final Claim ELU = Claim.claim("compression-elu",
            "With adaptive binning, ELU networks compress too: (peak − final) / peak of the last hidden layer's I(T;X) "
                    + "≥ 0.05, mean over seeds.")
            .criterion(Criterion.atLeast(0.05), "notes: 5% compression; paper: compression occurs without "
                    + "saturating activations")
            .reference(Reference.noNumber(PAPER))
            .overSeeds()
            .revised(OLD_COMPRESSION, WHY_REVISED);
    static final Claim RELU_KDE = Claim.claim("compression-relu-kde",
            "With the adaptive KDE, ReLU networks compress: (peak − final) / peak of the last hidden layer's I(T;X) "
                    + "≥ 0.05, mean over seeds.")
            .criterion(Criterion.atLeast(0.05), "notes: 5% compression; paper: both adaptive estimators show it")
            .reference(Reference.noNumber(PAPER))
            .overSeeds()
            .revised(OLD_COMPRESSION, WHY_REVISED);
    static final Claim L2 = Claim.claim("l2-increases-compression",
            "L2 regularisation increases compression: for ReLU, (peak − final) / peak of the last hidden layer's "
                    + "I(T;X) "
                    + "with L2 minus without, ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: L2 regularisation increases compression (abstract)")
            .reference(Reference.noNumber(PAPER))
            .overSeeds()
            .revised(OLD_COMPRESSION, WHY_REVISED);

    /** The paper's bin count for adaptive binning. */
    static final int BINS = 30;
    /** The KDE's noise: a fraction of the layer's activation range ([recon]). */
    static final double KDE_NOISE = 0.1;
    /** The task's seed: one fixed task for every network. */
    static final long TASK_SEED = 12;
    static final double TEST_FRACTION = 0.2;
    static final float LEARNING_RATE = 3e-3f;
    static final double[] RHOS = {0, 0.3, 0.5, 0.7, 0.8, 0.9};

    /**
     * What differs between the profiles.
     *
     * @param epochs full-batch epochs per run
     * @param checkpoints about how many log-spaced epochs are measured
     * @param seeds seeds per activation (initialisation and train/test split)
     * @param activations the activations trained without L2 (the claims need ReLU and ELU); ReLU also with L2
     * @param kdeInputs the inputs the KDE sees (a fixed random subset of the 4096)
     * @param l2 the L2 penalty λ of the regularised runs
     * @param gaussianSamples samples of the Gaussian check
     */
    public record Setup(int epochs, int checkpoints, int seeds, List<Act> activations, int kdeInputs, double l2,
            int gaussianSamples) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(500, 16, 3, List.of(Act.RELU, Act.ELU), 256, 1e-3, 20_000)
                    : new Setup(1000, 30, 6, List.of(Act.TANH, Act.RELU, Act.ELU, Act.SOFTSIGN), 512, 1e-3, 100_000);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%d full-batch epochs (Adam %.0e), I measured at about %d log-spaced epochs; "
                    + "%d seeds per activation (%s); KDE on %d of the 4096 inputs; L2 λ = %.0e; Gaussian check on "
                    + "%,d samples.", epochs, LEARNING_RATE, checkpoints, seeds, activations.stream()
                    .map(a -> a.name().toLowerCase()).collect(Collectors.joining(", ")), kdeInputs, l2,
                    gaussianSamples));
        }
    }

    /** Declares the steps and the claims each decides. */
    public InfoCompressionReproduction() {
        super(Setup::of);
        step("estimators", "The estimators against closed forms", this::estimators, GAUSSIAN, DETERMINISTIC);
        step("training", "Information planes per activation, and ReLU with L2, over seeds", this::training,
                RELU, ELU, RELU_KDE, L2, BOUNDS);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("info-compression", 7,
                "Adaptive estimators show information compression in deep neural networks",
                List.of("Ivan Chelombiev", "Conor Houghton", "Cian O'Donnell"), 2019, "ICLR", "1902.09037",
                "Shwartz-Ziv and Tishby reported that deep networks first fit and then compress their inputs, "
                        + "I(T;X) falling late in training; Saxe et al. answered that this came from saturating tanh "
                        + "units and fixed-width bins. Chelombiev et al. estimate mutual information with adaptive "
                        + "estimators (bins of equal mass recomputed every epoch, and a KDE whose noise follows the "
                        + "activations' range) and report compression for non-saturating activations too, varying "
                        + "with the initialisation, and more of it with L2 regularisation. We build both estimators, "
                        + "test them on closed forms, and train the paper's 12-10-7-5-4-3-2 network on a 12-bit task "
                        + "over seeds.");
    }

    @Override
    public List<String> standIns() {
        return List.of("The 12-bit task's labels come from a fixed random quadratic form of the ±1 inputs "
                        + "thresholded at its median (Shwartz-Ziv and Tishby's labelling function is not used); "
                        + "80/20 train/test split drawn per seed; I is measured on all 4096 inputs.",
                "The KDE's noise standard deviation is " + KDE_NOISE + " × the layer's activation range (our "
                        + "reading of 'scaled to the activations'); no MNIST runs.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the estimators on closed forms.

    record GaussianRow(double rho, double closedForm, double adaptiveBinning, double fixedBinning) { }

    private void estimators(StepContext ctx, Setup s) {
        SplittableRandom rng = ctx.random("gaussian");
        List<GaussianRow> rows = new ArrayList<>();
        double[] closed = new double[RHOS.length];
        double[] adaptive = new double[RHOS.length];
        double[] fixed = new double[RHOS.length];
        for (int r = 0; r < RHOS.length; r++) {
            double[] a = new double[s.gaussianSamples()];
            double[] b = new double[s.gaussianSamples()];
            for (int i = 0; i < a.length; i++) {
                a[i] = Synthetic.gaussian(rng);
                b[i] = RHOS[r] * a[i] + Math.sqrt(1 - RHOS[r] * RHOS[r]) * Synthetic.gaussian(rng);
            }
            closed[r] = MutualInformation.gaussianBits(RHOS[r]);
            adaptive[r] = MutualInformation.adaptiveBinnedBits(a, b, BINS);
            fixed[r] = MutualInformation.bits(MutualInformation.fixedBinCodes(a, 1, BINS, -4, 4),
                    MutualInformation.fixedBinCodes(b, 1, BINS, -4, 4));
            rows.add(new GaussianRow(RHOS[r], closed[r], adaptive[r], fixed[r]));
        }
        ctx.table("gaussian", Tables.of("Mutual information of correlated Gaussians [bits], " + BINS + " bins", rows));
        ctx.chart("gaussian", InfoCompressionFigures.gaussianCheck(RHOS, closed, Map.of("adaptive binning", adaptive)));
        double worst = 0;
        for (int r = 0; r < RHOS.length; r++) {
            worst = Math.max(worst, Math.abs(adaptive[r] - closed[r]));
        }
        ctx.decide(GAUSSIAN, worst, "largest |adaptive binning − closed form| over ρ");

        LabeledData task = TishbyTask.generate(TASK_SEED);
        int[] inputs = new int[task.size()];
        Arrays.setAll(inputs, i -> i);
        int[] y = task.labelsArray();
        double hy = MutualInformation.entropyBits(y);
        ctx.metric("H(Y) of the 12-bit task [bits]", hy);
        ctx.decide(DETERMINISTIC, Math.abs(MutualInformation.bits(inputs, y) - hy), "|I(X;Y) − H(Y)|");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: information planes per activation and for ReLU with L2, over seeds.

    record CompressionRow(String activation, String estimator, double meanCompression, double sdOverSeeds,
            double meanTestAccuracy) { }

    private void training(StepContext ctx, Setup s) {
        LabeledData all = TishbyTask.generate(TASK_SEED);
        List<InformationPlane> estimators = planes(ctx, s);
        Map<Act, Trajectory[]> runs = new LinkedHashMap<>();
        for (Act a : s.activations()) {
            Trajectory[] t = new Trajectory[s.seeds()];
            for (int seed = 0; seed < s.seeds(); seed++) {
                t[seed] = train(ctx, s, all, a, 0, seed, estimators);
            }
            runs.put(a, t);
        }
        List<CompressionRow> rows = new ArrayList<>();
        Map<String, double[]> bars = new LinkedHashMap<>();
        Map<String, Trajectory> first = new LinkedHashMap<>();
        double violation = 0;
        double hy = MutualInformation.entropyBits(all.labelsArray());
        for (var e : runs.entrySet()) {
            String name = e.getKey().name().toLowerCase();
            double[] accuracy = Arrays.stream(e.getValue()).mapToDouble(Trajectory::testAccuracy).toArray();
            for (int k = 0; k < estimators.size(); k++) {
                double[] c = compression(e.getValue(), k);
                rows.add(new CompressionRow(name, estimators.get(k).name(), Stats.mean(c), Stats.sd(c),
                        Stats.mean(accuracy)));
                bars.put(name + (k == 0 ? " (bins)" : " (KDE)"), c);
                for (Trajectory t : e.getValue()) {
                    violation = Math.max(violation, violation(t, k, hy, estimators.get(k).ceilingBits(all.size())));
                }
            }
            first.put(name, e.getValue()[0]);
            ctx.chart("plane-" + name, InfoCompressionFigures.informationPlane(e.getValue()[0], 0,
                    "Information plane, " + name + ", adaptive binning (seed 1)"));
        }
        ctx.table("compression", Tables.of("Compression of the last hidden layer, (peak − final) / peak of I(T;X)",
                rows));
        int last = InformationPlaneNetwork.PAPER_WIDTHS.length;
        ctx.chart("ix-last-layer", InfoCompressionFigures.ixOverEpochs(first, 0, last,
                "I(T;X) of the last hidden layer, adaptive binning (seed 1)"));
        ctx.chart("compression", InfoCompressionFigures.compressionBars(bars, "Compression of the last hidden layer"));
        ctx.decide(RELU, Estimate.mean(compression(runs.get(Act.RELU), 0)), "ReLU, adaptive binning");
        ctx.decide(ELU, Estimate.mean(compression(runs.get(Act.ELU), 0)), "ELU, adaptive binning");
        ctx.decide(RELU_KDE, Estimate.mean(compression(runs.get(Act.RELU), 1)), "ReLU, adaptive KDE");
        Trajectory[] l2 = new Trajectory[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            l2[seed] = train(ctx, s, all, Act.RELU, s.l2(), seed, estimators);
            for (int k = 0; k < estimators.size(); k++) {
                violation = Math.max(violation, violation(l2[seed], k, hy, estimators.get(k).ceilingBits(all.size())));
            }
        }
        l2(ctx, s, runs.get(Act.RELU), l2);
        ctx.decide(BOUNDS, violation, "largest violation over activations, L2, seeds, layers, epochs and estimators");
    }

    private void l2(StepContext ctx, Setup s, Trajectory[] plain, Trajectory[] l2) {
        double[] without = compression(plain, 0);
        double[] with = compression(l2, 0);
        ctx.table("compression-l2", Tables.matrix("ReLU, compression of the last hidden layer per seed (adaptive "
                + "binning)", "run", List.of("no L2", "L2 λ = " + s.l2()), seeds(s), new double[][] {without, with}));
        ctx.chart("plane-relu-l2", InfoCompressionFigures.informationPlane(l2[0], 0,
                "Information plane, ReLU + L2, adaptive binning (seed 1)"));
        Map<String, Trajectory> pair = new LinkedHashMap<>();
        pair.put("no L2", plain[0]);
        pair.put("L2", l2[0]);
        ctx.chart("ix-last-layer-l2", InfoCompressionFigures.ixOverEpochs(pair, 0,
                InformationPlaneNetwork.PAPER_WIDTHS.length, "ReLU: I(T;X) of the last hidden layer (seed 1)"));
        ctx.decide(L2, Estimate.pairedDifference(with, without), String.format("L2 %.3f − no L2 %.3f",
                Stats.mean(with), Stats.mean(without)));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<InformationPlane> planes(StepContext ctx, Setup s) {
        int[] perm = LabeledData.permutation(1 << TishbyTask.BITS, ctx.random("kde-inputs"));
        return List.of(InformationPlane.adaptiveBinning(BINS),
                InformationPlane.adaptiveKde(KDE_NOISE, Arrays.copyOf(perm, s.kdeInputs())));
    }

    private static Trajectory train(StepContext ctx, Setup s, LabeledData all, Act a, double l2, int seed,
            List<InformationPlane> estimators) {
        LabeledData.Split split = all.split(TEST_FRACTION, ctx.random("split/" + seed));
        try (NDManager m = ctx.manager().newSubManager()) {
            Engines.seed(ctx.seed("init/" + seed));
            InformationPlaneNetwork net = InformationPlaneNetwork.builder().optActivation(a).build();
            Trajectory t = InformationPlaneTraining.builder().setEpochs(s.epochs()).optCheckpoints(s.checkpoints())
                    .optLearningRate(LEARNING_RATE).optL2(l2).setEstimators(estimators).build()
                    .run(net, all, split.train(), split.test(), ctx.seed("shuffle/" + seed), m);
            ctx.log(String.format("%s%s seed %d: compression (bins) %.3f, (KDE) %.3f, test accuracy %.3f",
                    a.name().toLowerCase(), l2 > 0 ? " + L2" : "", seed + 1, t.compression(0, 5), t.compression(1, 5),
                    t.testAccuracy()));
            return t;
        }
    }

    private static double[] compression(Trajectory[] runs, int estimator) {
        return Arrays.stream(runs).mapToDouble(t -> t.compression(estimator,
                InformationPlaneNetwork.PAPER_WIDTHS.length))
                .toArray();
    }

    private static double violation(Trajectory t, int k, double hy, double ceiling) {
        double v = 0;
        for (int l = 1; l <= InformationPlaneNetwork.PAPER_WIDTHS.length; l++) {
            for (double ix : t.ix(k, l)) {
                v = Math.max(v, Math.max(-ix, ix - ceiling));
            }
            for (double iy : t.iy(k, l)) {
                v = Math.max(v, Math.max(-iy, iy - hy));
            }
        }
        return v;
    }

    private static List<String> seeds(Setup s) {
        List<String> names = new ArrayList<>();
        for (int seed = 1; seed <= s.seeds(); seed++) {
            names.add("seed " + seed);
        }
        return names;
    }
}
