package org.reprolab.reproductions.g2gnet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.g2gnet.DynamicSparseTraining;
import org.reprolab.papers.g2gnet.DynamicSparseTraining.Regrowth;
import org.reprolab.papers.g2gnet.G2gNet;
import org.reprolab.papers.g2gnet.G2gNet.Connectivity;
import org.reprolab.papers.g2gnet.G2gNetFigures;
import org.reprolab.papers.g2gnet.MaskedLinear;
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
import org.reprolab.train.History;
import org.reprolab.train.TrainingLoop;

/**
 * Konstantaropoulos et al. (2025): an MLP whose hidden layers connect ensemble to ensemble (G2G masks, 75%
 * sparse) against the dense MLP and an unstructured random mask of the same sparsity on Fashion-MNIST, and
 * dynamic sparse training of the G2G network with random against Hebbian regrowth, at equal training budgets,
 * compared paired by seed.
 */
public final class G2gNetReproduction extends PaperReproduction<G2gNetReproduction.Setup> {

    static final String ABSTRACT = "Konstantaropoulos et al. (2025), abstract (arXiv 2508.14140; the body was not "
            + "reachable to us)";

    static final Claim BUDGET = Claim.check("budget",
            "G2GNet with G = 4 ensembles and k = 1 parent ensemble per layer is 75% sparse in its hidden layers and "
                    + "needs at most 27% of the dense MLP's parameters and multiplies (the output layer stays dense).")
            .criterion(Criterion.atMost(0.27), "ours: 25% of the hidden weights, plus the dense output layer and the "
                    + "biases, is 25.9% of the dense network")
            .reference(Reference.of(0.25, "up to 75% sparsity", ABSTRACT));
    static final Claim VS_DENSE = Claim.claim("vs-dense",
            "At 75% sparsity, G2GNet (static G2G masks) is at least as accurate on Fashion-MNIST as the dense MLP: "
                    + "G2G − dense ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: the abstract reports accuracy gains of up to 4.3 points over "
                    + "dense baselines")
            .reference(Reference.of(0.043, "up to +4.3 points over dense (over Fashion-MNIST, CIFAR-10, CIFAR-100)",
                    ABSTRACT))
            .overSeeds()
            .revised("≥ −0.015 (quick) and ≥ −0.005 (full), a non-inferiority margin on one seed or a mean",
                    "the paper claims a gain over dense, not parity, so the claim is G2G ≥ dense, decided over seeds");
    static final Claim VS_RANDOM = Claim.claim("vs-random-mask",
            "G2G masks are at least as accurate as unstructured random masks of the same sparsity: G2G − random ≥ 0, "
                    + "paired by seed.")
            .criterion(Criterion.atLeast(0), "notes: the ensemble-to-ensemble structure is the paper's mechanism; "
                    + "the abstract gives no random-mask number")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds()
            .revised("≥ −0.01 (quick) and ≥ −0.003 (full), a margin",
                    "the structure is claimed to help, so the claim is G2G ≥ random, decided over seeds");
    static final Claim HEBBIAN = Claim.claim("hebbian-vs-random-regrowth",
            "In dynamic sparse training of G2GNet, Hebbian regrowth is at least as accurate as random regrowth: "
                    + "Hebbian − random ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: the abstract proposes Hebbian regrowth from activation "
                    + "correlations as DST's rewiring rule (no number)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds()
            .revised("≥ −0.01 (quick) and ≥ −0.003 (full), a margin",
                    "the rule is proposed as the better one, so the claim is Hebbian ≥ random, decided over seeds");
    static final Claim CONSTANT = Claim.check("dst-sparsity-constant",
            "Pruning and regrowing keeps every sparse layer's number of edges fixed: after dynamic sparse training "
                    + "each hidden layer is still exactly 75% sparse (largest deviation ≤ 1e-9).")
            .criterion(Criterion.atMost(1e-9), "ours: DST regrows as many edges as it prunes")
            .reference(Reference.noNumber(ABSTRACT + " (DST \"prunes and regrows edges\")"));

    /** The paper's sparsity: G = 4 ensembles, k = 1 ([recon]: any G with k = G/4 gives 75%). */
    static final int ENSEMBLES = 4;
    static final int FAN_IN = 1;
    /** Adam's learning rate and the batch size of every model (no per-model tuning). */
    static final float LEARNING_RATE = 1e-3f;
    static final int BATCH = 128;

    /** The five models, in the order of the tables, and their short names for chart axes. */
    static final List<String> MODELS = List.of("dense", "G2G", "random mask", "G2G + DST, random regrowth",
            "G2G + DST, Hebbian regrowth");
    static final List<String> SHORT = List.of("dense", "G2G", "random", "DST-rnd", "DST-Hebb");

    /**
     * What differs between the profiles.
     *
     * @param train training images per seed (a fresh random subset per seed)
     * @param test test images per seed (a fresh random subset per seed, so the interval covers the test set too)
     * @param hidden hidden widths
     * @param epochs epochs per model
     * @param seeds seeds; every model trains once per seed
     * @param updateEvery DST's rewiring interval ΔT in optimizer steps
     */
    public record Setup(int train, int test, int[] hidden, int epochs, int seeds, int updateEvery) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(6_000, 2_000, new int[] {256, 256}, 3, 4, 25)
                    : new Setup(60_000, 10_000, new int[] {512, 512}, 5, 5, 100);
        }

        @Override
        public List<String> standIns() {
            String layers = Arrays.stream(hidden).mapToObj(Integer::toString).reduce((a, b) -> a + "-" + b).orElse("");
            return List.of(String.format("Hidden layers %s; %,d training and %,d test images drawn afresh for each of "
                    + "%d seeds; %d epochs; DST rewires every %d optimizer steps.", layers, train, test, seeds, epochs,
                    updateEvery));
        }
    }

    /** Builds the reproduction. */
    public G2gNetReproduction() {
        super(Setup::of);
        step("masks", "G2G masks: block structure, sparsity, parameters and multiplies", this::masks, BUDGET);
        step("fashion-mnist", "Dense vs G2G vs random masks, and DST with random vs Hebbian regrowth, over seeds",
                this::fashionMnist, VS_DENSE, VS_RANDOM, HEBBIAN, CONSTANT);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("g2gnet", 25,
                "Neuro-inspired ensemble-to-ensemble communication primitives for sparse and efficient ANNs",
                List.of("Orestis Konstantaropoulos", "Stelios Manolis Smirnakis", "Maria Papadopouli"), 2025,
                "arXiv", "2508.14140",
                "In mouse visual cortex, ensembles of co-active neurons talk to specific other ensembles. G2GNet "
                        + "imposes such ensemble-to-ensemble (G2G) connectivity on feed-forward layers: sparse, "
                        + "modular masks. The abstract reports up to 75% sparsity with accuracy up to 4.3% above "
                        + "dense baselines on Fashion-MNIST, CIFAR-10 and CIFAR-100, and adds dynamic sparse "
                        + "training (prune and regrow edges) with a Hebbian regrowth rule from activation "
                        + "correlations. We build G2G masks (our reconstruction of the grouping rule), count "
                        + "parameters and multiplies, and train dense, G2G, random-mask and G2G+DST MLPs on "
                        + "Fashion-MNIST at equal budgets, paired by seed.");
    }

    @Override
    public List<String> standIns() {
        return List.of(
                "Only the abstract was reachable: the G2G grouping rule (G = 4 consecutive-unit ensembles, each fed by "
                        + "k = 1 ensemble of the layer below through a random permutation), the DST schedule (every ΔT "
                        + "steps prune ζ = 0.3 cosine-decayed to 0 at 75% of training, smallest |w|, regrow as many "
                        + "at w = 0), the Hebbian score (|corr| of z-scored input and post-ReLU output on the current "
                        + "batch) and the fan-in-scaled initialisation are our reconstructions.",
                "An MLP with ReLU on Fashion-MNIST pixels scaled to [0, 1] only (no CIFAR, no convolutional backbone); "
                        + "the output layer stays dense; Adam at 1e-3, batch 128, every model of a seed with the same "
                        + "initial weights before masking and the same data order.",
                "Masks are applied as W ⊙ M on dense tensors (DJL has no sparse matmul): multiplies are counted, "
                        + "not timed.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the masks and what they cost.

    record LayerRow(String layer, int in, int out, long activeWeights, double sparsity) { }

    record CountRow(String network, long parameters, long multiplies, double vsDense) { }

    private void masks(StepContext ctx, Setup s) {
        Map<Connectivity, SequentialBlock> nets = new LinkedHashMap<>();
        for (Connectivity c : Connectivity.values()) {
            SequentialBlock net = network(s, c, ctx.seed("masks"));
            net.initialize(ctx.manager(), DataType.FLOAT32, new Shape(1, FashionMnist.SIDE * FashionMnist.SIDE));
            nets.put(c, net);
        }
        List<MaskedLinear> g2g = G2gNet.maskedLayers(nets.get(Connectivity.G2G));
        List<LayerRow> layers = new ArrayList<>();
        double worstHidden = 0;
        for (int l = 0; l < g2g.size(); l++) {
            MaskedLinear m = g2g.get(l);
            boolean hidden = l < g2g.size() - 1;
            layers.add(new LayerRow(hidden ? "hidden " + (l + 1) : "output (dense)", m.inputs(), m.units(),
                    m.activeWeights(), m.sparsity()));
            if (hidden) {
                worstHidden = Math.max(worstHidden, Math.abs(m.sparsity() - 0.75));
            }
        }
        ctx.table("layers", Tables.of("layers of G2GNet (G = " + ENSEMBLES + ", k = " + FAN_IN + ")", layers));
        long dense = G2gNet.multiplies(nets.get(Connectivity.DENSE));
        List<CountRow> counts = new ArrayList<>();
        nets.forEach((c, net) -> counts.add(new CountRow(label(c), G2gNet.parameters(net), G2gNet.multiplies(net),
                (double) G2gNet.multiplies(net) / dense)));
        ctx.table("counts", Tables.of("parameters and multiplies per example", counts));
        double paramRatio = (double) G2gNet.parameters(nets.get(Connectivity.G2G))
                / G2gNet.parameters(nets.get(Connectivity.DENSE));
        double mulRatio = (double) G2gNet.multiplies(nets.get(Connectivity.G2G)) / dense;
        ctx.metric("G2G parameters / dense", paramRatio);
        ctx.metric("G2G multiplies / dense", mulRatio);
        ctx.metric("largest |hidden sparsity − 0.75|", worstHidden);
        ctx.chart("g2g-mask-hidden-2", G2gNetFigures.maskHeatmap(g2g.get(1), "G2G mask of hidden layer 2 ("
                + g2g.get(1).units() + " × " + g2g.get(1).inputs() + ", 8×8 blocks averaged)"));
        ctx.chart("random-mask-hidden-2", G2gNetFigures.maskHeatmap(
                G2gNet.maskedLayers(nets.get(Connectivity.RANDOM)).get(1),
                        "Random mask of hidden layer 2, same sparsity"));
        ctx.decide(BUDGET, worstHidden > 1e-12 ? Double.NaN : Math.max(paramRatio, mulRatio),
                String.format("hidden sparsity 0.75 (largest deviation %.1e); parameters %.4f, multiplies %.4f of "
                        + "dense", worstHidden, paramRatio, mulRatio));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: training at equal budgets, every model once per seed.

    record AccuracyRow(String model, double meanAccuracy, double sdOverSeeds, long parameters,
            @Column("multiplies / example") long multiplies, double multipliesVsDense, double secondsPerRun) { }

    /** One seed's run of one model. */
    private record Run(double accuracy, double[] curve, double seconds, long parameters, long multiplies,
            double worstSparsity, List<DynamicSparseTraining.Update> rewiring) { }

    private void fashionMnist(StepContext ctx, Setup s) {
        Run[][] runs = new Run[MODELS.size()][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = FashionMnist.train().sample(s.train(), ctx.random("train-subset/" + seed));
            LabeledData test = FashionMnist.test().sample(s.test(), ctx.random("test-subset/" + seed));
            StringBuilder line = new StringBuilder("seed " + (seed + 1) + ", final test accuracy:");
            for (int k = 0; k < MODELS.size(); k++) {
                runs[k][seed] = train(ctx, s, k, seed, train, test);
                line.append(String.format(" %s %.4f%s", SHORT.get(k), runs[k][seed].accuracy(),
                        k < MODELS.size() - 1 ? "," : ""));
            }
            ctx.log(line.toString());
        }
        double[][] acc = new double[MODELS.size()][];
        for (int k = 0; k < MODELS.size(); k++) {
            acc[k] = Arrays.stream(runs[k]).mapToDouble(Run::accuracy).toArray();
        }
        record(ctx, s, runs, acc);

        double worstSparsity = Arrays.stream(runs).flatMap(Arrays::stream).mapToDouble(Run::worstSparsity).max()
                .orElse(Double.NaN);
        ctx.decide(VS_DENSE, Estimate.pairedDifference(acc[1], acc[0]), String.format("G2G %.4f − dense %.4f",
                Stats.mean(acc[1]), Stats.mean(acc[0])));
        ctx.decide(VS_RANDOM, Estimate.pairedDifference(acc[1], acc[2]), String.format("G2G %.4f − random mask %.4f",
                Stats.mean(acc[1]), Stats.mean(acc[2])));
        ctx.decide(HEBBIAN, Estimate.pairedDifference(acc[4], acc[3]), String.format(
                "Hebbian %.4f − random regrowth %.4f", Stats.mean(acc[4]), Stats.mean(acc[3])));
        ctx.decide(CONSTANT, worstSparsity, "largest |sparsity − 0.75| over the hidden layers of both DST models and "
                + "all seeds");
        ctx.note(String.format("The abstract's G2GNet is above dense by up to 4.3 points (pooled over three "
                + "benchmarks). "
                + "Here, means over seeds: G2G − dense %+.2f points, G2G + DST (random regrowth) − dense %+.2f, "
                + "(Hebbian) − dense %+.2f.", 100 * (Stats.mean(acc[1]) - Stats.mean(acc[0])),
                100 * (Stats.mean(acc[3]) - Stats.mean(acc[0])), 100 * (Stats.mean(acc[4]) - Stats.mean(acc[0]))));
    }

    private Run train(StepContext ctx, Setup s, int k, int seed, LabeledData train, LabeledData test) {
        Connectivity c = k == 0 ? Connectivity.DENSE : k == 2 ? Connectivity.RANDOM : Connectivity.G2G;
        int steps = s.epochs() * ((train.size() + BATCH - 1) / BATCH);
        try (NDManager m = ctx.manager().newSubManager()) {
            // Same initial weights (before masking), same masks, same data order for every model of a seed.
            Engines.seed(ctx.seed("init/" + seed));
            SequentialBlock net = network(s, c, ctx.seed("masks/" + seed));
            net.initialize(m, DataType.FLOAT32, new Shape(BATCH, train.features()));
            DynamicSparseTraining dst = k < 3 ? null : DynamicSparseTraining.builder().setNetwork(net)
                    .setTotalSteps(steps).optUpdateEvery(s.updateEvery())
                    .optRegrowth(k == 3 ? Regrowth.RANDOM : Regrowth.HEBBIAN)
                    .optSeed(ctx.seed("regrowth/" + seed)).build();
            History h = TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optAdam(LEARNING_RATE)
                    .optShuffleSeed(ctx.seed("shuffle/" + seed)).optName(MODELS.get(k) + " (seed " + (seed + 1) + ")")
                    .optOnBatch(dst != null ? dst::afterStep : (e, t, x, y) -> G2gNet.applyMasks(net))
                    .build().fit(net, train, test, m);
            double worst = 0;
            if (dst != null) {
                List<MaskedLinear> layers = G2gNet.maskedLayers(net);
                for (int l = 0; l < layers.size() - 1; l++) {
                    worst = Math.max(worst, Math.abs(layers.get(l).sparsity() - 0.75));
                }
            }
            return new Run(h.finalTestAccuracy(), h.testAccuracy(), h.seconds(), G2gNet.parameters(net),
                    G2gNet.multiplies(net), worst, dst == null ? List.of() : dst.history());
        }
    }

    private void record(StepContext ctx, Setup s, Run[][] runs, double[][] acc) {
        long denseMultiplies = runs[0][0].multiplies();
        List<AccuracyRow> rows = new ArrayList<>();
        Map<String, double[]> curves = new LinkedHashMap<>();
        List<String> bars = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (int k = 0; k < MODELS.size(); k++) {
            Run first = runs[k][0];
            double mean = Stats.mean(acc[k]);
            rows.add(new AccuracyRow(MODELS.get(k), mean, Stats.sd(acc[k]), first.parameters(), first.multiplies(),
                    (double) first.multiplies() / denseMultiplies,
                    Arrays.stream(runs[k]).mapToDouble(Run::seconds).average().orElse(Double.NaN)));
            double[] curve = new double[s.epochs()];
            for (Run r : runs[k]) {
                for (int e = 0; e < curve.length; e++) {
                    curve[e] += r.curve()[e] / s.seeds();
                }
            }
            curves.put(MODELS.get(k), curve);
            bars.add(String.format("%s %.0f%%", SHORT.get(k), 100.0 * first.multiplies() / denseMultiplies));
            means.add(mean);
            ctx.metric(MODELS.get(k) + " test accuracy", mean);
        }
        ctx.table("accuracy", Tables.of("Fashion-MNIST test accuracy after " + s.epochs() + " epochs, " + s.seeds()
                + " seeds", rows));
        List<String> seeds = new ArrayList<>();
        for (int seed = 1; seed <= s.seeds(); seed++) {
            seeds.add("seed " + seed);
        }
        ctx.table("accuracy-per-seed", Tables.matrix("test accuracy per seed", "model", MODELS, seeds, acc));
        ctx.chart("test-accuracy", G2gNetFigures.accuracyCurves(curves));
        ctx.chart("accuracy-bars", G2gNetFigures.accuracyBars(bars, means));
        Map<String, List<DynamicSparseTraining.Update>> rewiring = new LinkedHashMap<>();
        for (int k = 3; k < MODELS.size(); k++) {
            List<DynamicSparseTraining.Update> h = runs[k][0].rewiring();
            rewiring.put(MODELS.get(k).replace("G2G + DST, ", ""), h);
            ctx.metric(MODELS.get(k) + ": share of final edges inside the G2G blocks (last layer rewired, seed 1)",
                    h.get(h.size() - 1).insideInitialBlocks());
        }
        ctx.chart("dst-rewiring", G2gNetFigures.rewiring(rewiring));
    }

    static SequentialBlock network(Setup s, Connectivity c, long maskSeed) {
        return G2gNet.builder().setHidden(s.hidden()).setOutputs(10).optConnectivity(c).optEnsembles(ENSEMBLES)
                .optFanIn(FAN_IN).optSeed(maskSeed).build();
    }

    static String label(Connectivity c) {
        return switch (c) {
            case DENSE -> "dense MLP";
            case G2G -> "G2GNet (G2G masks)";
            case RANDOM -> "random masks";
        };
    }
}
