package org.reprolab.reproductions.g2gnet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.papers.g2gnet.DynamicSparseTraining;
import org.reprolab.papers.g2gnet.DynamicSparseTraining.Regrowth;
import org.reprolab.papers.g2gnet.G2gNet;
import org.reprolab.papers.g2gnet.G2gNet.Connectivity;
import org.reprolab.papers.g2gnet.MaskedLinear;
import org.reprolab.papers.g2gnet.Masks;
import org.reprolab.report.Charts;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Step;
import org.reprolab.repro.StepContext;
import org.reprolab.train.History;
import org.reprolab.train.TrainingLoop;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Konstantaropoulos et al. (2025): an MLP whose hidden layers connect ensemble to ensemble (G2G masks, 75%
 * sparse) against the dense MLP and an unstructured random mask of the same sparsity on Fashion-MNIST, and
 * dynamic sparse training of the G2G network with random against Hebbian regrowth, at equal training budgets.
 */
public final class G2gNetReproduction implements Reproduction {

    static final String PAPER = "Konstantaropoulos et al. (2025)";
    static final String ABSTRACT = PAPER + ", abstract (arXiv 2508.14140; the body was not reachable to us)";

    static final Claim BUDGET = Claim.of("budget",
            "G2GNet with G = 4 ensembles and k = 1 parent ensemble per layer is 75% sparse in its hidden layers and "
                    + "needs at most 27% of the dense MLP's parameters and multiplies (the output layer stays dense).");
    static final Claim VS_DENSE = Claim.of("vs-dense",
            "At 75% sparsity, G2GNet (static G2G masks) reaches at least the dense MLP's Fashion-MNIST test accuracy "
                    + "minus a margin (quick: 1.5 points, one seed; full: 0.5 points, mean of 3 seeds).");
    static final Claim VS_RANDOM = Claim.of("vs-random-mask",
            "G2G masks do at least as well as unstructured random masks of the same sparsity: accuracy difference "
                    + "≥ −margin (quick: 1 point, one seed; full: 0.3 points, mean of 3 seeds).");
    static final Claim HEBBIAN = Claim.of("hebbian-vs-random-regrowth",
            "In dynamic sparse training of G2GNet, Hebbian regrowth is at least as good as random regrowth: accuracy "
                    + "difference ≥ −margin (quick: 1 point, one seed; full: 0.3 points, mean of 3 seeds).");
    static final Claim CONSTANT = Claim.of("dst-sparsity-constant",
            "Pruning and regrowing keeps every sparse layer's number of edges fixed: after dynamic sparse training "
                    + "each hidden layer is still exactly 75% sparse (largest deviation ≤ 1e-9).");

    /** Everything that differs between the profiles. */
    private record Setting(int train, int test, int[] hidden, int epochs, int seeds, int updateEvery,
            double denseMargin, double pairMargin) { }

    static Setting setting(boolean quick) {
        return quick
                ? new Setting(12_000, 2_000, new int[] {256, 256}, 4, 1, 25, 0.015, 0.01)
                : new Setting(60_000, 10_000, new int[] {512, 512}, 5, 3, 100, 0.005, 0.003);
    }

    /** The paper's sparsity: G = 4 ensembles, k = 1 ([recon]: any G with k = G/4 gives 75%). */
    static final int ENSEMBLES = 4;
    static final int FAN_IN = 1;
    /** Adam's learning rate and the batch size of every model (no per-model tuning). */
    static final float LEARNING_RATE = 1e-3f;
    static final int BATCH = 128;

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
                        + "Fashion-MNIST at equal budgets.");
    }

    @Override
    public List<Claim> claims() {
        return List.of(BUDGET, VS_DENSE, VS_RANDOM, HEBBIAN, CONSTANT);
    }

    @Override
    public List<String> standIns() {
        return List.of(
                "Only the abstract was reachable: the G2G grouping rule (G = 4 consecutive-unit ensembles, each fed by "
                        + "k = 1 ensemble of the layer below through a random permutation), the DST schedule (every ΔT "
                        + "steps prune ζ = 0.3 cosine-decayed to 0 at 75% of training, smallest |w|, regrow as many "
                        + "at w = 0), the Hebbian score (|corr| of z-scored input and post-ReLU output on the current "
                        + "batch) and the fan-in-scaled initialisation are our reconstructions.",
                "An MLP with ReLU on Fashion-MNIST pixels scaled to [0, 1] only (no CIFAR, no convolutional backbone); the output layer stays "
                        + "dense; Adam at 1e-3, batch 128, every model with the same initial weights before masking "
                        + "and the same data order.",
                "Quick: hidden layers 256-256, a 12,000-image training subset, 2,000 test images, 4 epochs, one seed, "
                        + "ΔT = 25 steps. Full: 512-512, all 60,000/10,000 images, 5 epochs, 3 seeds, ΔT = 100.",
                "Masks are applied as W ⊙ M on dense tensors (DJL has no sparse matmul): multiplies are counted, "
                        + "not timed.");
    }

    @Override
    public List<Step> steps() {
        return List.of(
                Step.of("masks", "G2G masks: block structure, sparsity, parameters and multiplies", this::masks),
                Step.of("fashion-mnist", "Dense vs G2G vs random masks, and DST with random vs Hebbian regrowth",
                        this::fashionMnist));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the masks and what they cost.

    private void masks(StepContext ctx) {
        Setting s = setting(ctx.quick());
        Map<String, SequentialBlock> nets = new LinkedHashMap<>();
        for (Connectivity c : Connectivity.values()) {
            SequentialBlock net = network(s, c, ctx.seed("masks"));
            net.initialize(ctx.manager(), DataType.FLOAT32, new Shape(1, FashionMnist.SIDE * FashionMnist.SIDE));
            nets.put(c.name(), net);
        }
        Table layers = Table.create("layers of G2GNet (G = " + ENSEMBLES + ", k = " + FAN_IN + ")",
                StringColumn.create("layer"), IntColumn.create("in"), IntColumn.create("out"),
                LongColumn.create("active weights"), DoubleColumn.create("sparsity"));
        List<MaskedLinear> g2gLayers = G2gNet.maskedLayers(nets.get("G2G"));
        double worstHidden = 0;
        for (int l = 0; l < g2gLayers.size(); l++) {
            MaskedLinear m = g2gLayers.get(l);
            layers.stringColumn("layer").append(l < g2gLayers.size() - 1 ? "hidden " + (l + 1) : "output (dense)");
            layers.intColumn("in").append(m.inputs());
            layers.intColumn("out").append(m.units());
            layers.longColumn("active weights").append(m.activeWeights());
            layers.doubleColumn("sparsity").append(m.sparsity());
            if (l < g2gLayers.size() - 1) {
                worstHidden = Math.max(worstHidden, Math.abs(m.sparsity() - 0.75));
            }
        }
        ctx.table("layers", layers);
        Table counts = Table.create("parameters and multiplies per example", StringColumn.create("network"),
                LongColumn.create("parameters"), LongColumn.create("multiplies"), DoubleColumn.create("vs dense"));
        long dense = G2gNet.multiplies(nets.get("DENSE"));
        for (Map.Entry<String, SequentialBlock> e : nets.entrySet()) {
            counts.stringColumn("network").append(label(e.getKey()));
            counts.longColumn("parameters").append(G2gNet.parameters(e.getValue()));
            counts.longColumn("multiplies").append(G2gNet.multiplies(e.getValue()));
            counts.doubleColumn("vs dense").append((double) G2gNet.multiplies(e.getValue()) / dense);
        }
        ctx.table("counts", counts);
        double paramRatio = (double) G2gNet.parameters(nets.get("G2G")) / G2gNet.parameters(nets.get("DENSE"));
        double mulRatio = (double) G2gNet.multiplies(nets.get("G2G")) / dense;
        ctx.metric("G2G parameters / dense", paramRatio);
        ctx.metric("G2G multiplies / dense", mulRatio);
        ctx.metric("largest |hidden sparsity − 0.75|", worstHidden);
        ctx.chart("g2g-mask-hidden-2", maskPicture(g2gLayers.get(1), "G2G mask of hidden layer 2 ("
                + g2gLayers.get(1).units() + " × " + g2gLayers.get(1).inputs() + ", 8×8 blocks averaged)"));
        ctx.chart("random-mask-hidden-2", maskPicture(G2gNet.maskedLayers(nets.get("RANDOM")).get(1),
                "Random mask of hidden layer 2, same sparsity"));
        double worstRatio = Math.max(paramRatio, mulRatio);
        ctx.check(BUDGET, worstHidden > 1e-12 ? Double.NaN : worstRatio,
                String.format("hidden sparsity 0.75 (largest deviation %.1e); parameters %.4f, multiplies %.4f of "
                        + "dense", worstHidden, paramRatio, mulRatio),
                Criterion.atMost(0.27), Reference.of(0.25, "up to 75% sparsity", ABSTRACT));
    }

    /** Mask as a grey picture, averaged over 8×8 blocks so that a 512×784 mask stays legible. */
    static HeatMapChart maskPicture(MaskedLinear layer, String title) {
        float[] m = layer.mask().toFloatArray();
        int out = layer.units();
        int in = layer.inputs();
        int b = 8;
        int rows = out / b;
        int cols = in / b;
        int[][] z = new int[cols][rows]; // percent of active edges per block
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int sum = 0;
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        sum += (int) m[(r * b + i) * in + c * b + j];
                    }
                }
                z[c][rows - 1 - r] = (int) Math.round(100 * sum / (b * b));
            }
        }
        int[] xs = new int[cols];
        int[] ys = new int[rows];
        for (int c = 0; c < cols; c++) {
            xs[c] = c * b;
        }
        for (int r = 0; r < rows; r++) {
            ys[r] = (rows - 1 - r) * b;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(480).title(title)
                .xAxisTitle("input unit").yAxisTitle("output unit").build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setRangeColors(new java.awt.Color[] {java.awt.Color.WHITE, new java.awt.Color(0x1f4e79)});
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.addSeries("mask", xs, ys, z);
        return chart;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: training at equal budgets.

    /** The five models, in the order of the tables. */
    static final List<String> MODELS = List.of("dense", "G2G", "random mask", "G2G + DST, random regrowth",
            "G2G + DST, Hebbian regrowth");
    /** Short names for chart axes. */
    static final List<String> SHORT = List.of("dense", "G2G", "random", "DST-rnd", "DST-Hebb");

    private void fashionMnist(StepContext ctx) {
        Setting s = setting(ctx.quick());
        LabeledData train = FashionMnist.train();
        LabeledData test = FashionMnist.test();
        if (s.train() < train.size()) {
            train = train.sample(s.train(), ctx.random("train-subset"));
        }
        if (s.test() < test.size()) {
            test = test.sample(s.test(), ctx.random("test-subset"));
        }
        LabeledData.Split data = new LabeledData.Split(train, test); // pixels in [0, 1]
        int steps = s.epochs() * ((data.train().size() + BATCH - 1) / BATCH);

        double[][] acc = new double[MODELS.size()][s.seeds()];
        double[][][] curves = new double[MODELS.size()][s.seeds()][];
        double[] seconds = new double[MODELS.size()];
        long[] params = new long[MODELS.size()];
        long[] multiplies = new long[MODELS.size()];
        double worstSparsity = 0;
        Map<String, List<DynamicSparseTraining.Update>> rewiring = new LinkedHashMap<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            for (int k = 0; k < MODELS.size(); k++) {
                String model = MODELS.get(k);
                Connectivity c = k == 0 ? Connectivity.DENSE : k == 2 ? Connectivity.RANDOM : Connectivity.G2G;
                try (NDManager m = ctx.manager().newSubManager()) {
                    // Same initial weights (before masking), same masks, same data order for every model.
                    Engines.seed(ctx.seed("init/" + seed));
                    SequentialBlock net = network(s, c, ctx.seed("masks/" + seed));
                    net.initialize(m, DataType.FLOAT32, new Shape(BATCH, data.train().features()));
                    DynamicSparseTraining dst = k < 3 ? null : DynamicSparseTraining.builder().setNetwork(net)
                            .setTotalSteps(steps).optUpdateEvery(s.updateEvery())
                            .optRegrowth(k == 3 ? Regrowth.RANDOM : Regrowth.HEBBIAN)
                            .optSeed(ctx.seed("regrowth/" + seed)).build();
                    TrainingLoop loop = TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH)
                            .optAdam(LEARNING_RATE).optShuffleSeed(ctx.seed("shuffle/" + seed))
                            .optName(model + (s.seeds() > 1 ? " (seed " + (seed + 1) + ")" : ""))
                            .optOnBatch(dst != null ? dst::afterStep : (e, t, x, y) -> G2gNet.applyMasks(net))
                            .build();
                    History h = loop.fit(net, data.train(), data.test(), m);
                    acc[k][seed] = h.finalTestAccuracy();
                    curves[k][seed] = h.testAccuracy();
                    seconds[k] += h.seconds() / s.seeds();
                    params[k] = G2gNet.parameters(net);
                    multiplies[k] = G2gNet.multiplies(net);
                    if (dst != null) {
                        List<MaskedLinear> layers = G2gNet.maskedLayers(net);
                        for (int l = 0; l < layers.size() - 1; l++) {
                            worstSparsity = Math.max(worstSparsity, Math.abs(layers.get(l).sparsity() - 0.75));
                        }
                        if (seed == 0) {
                            rewiring.put(model, dst.history());
                        }
                    }
                    ctx.log(String.format("%s, seed %d: test accuracy by epoch %s", model, seed + 1,
                            java.util.Arrays.toString(h.testAccuracy())));
                }
            }
        }

        // Table and charts.
        double[] mean = new double[MODELS.size()];
        Table t = Table.create("Fashion-MNIST test accuracy after " + s.epochs() + " epochs (" + s.seeds()
                + " seed" + (s.seeds() > 1 ? "s" : "") + ")", StringColumn.create("model"),
                DoubleColumn.create("mean accuracy"), DoubleColumn.create("sd over seeds"),
                LongColumn.create("parameters"), LongColumn.create("multiplies / example"),
                DoubleColumn.create("multiplies vs dense"), DoubleColumn.create("seconds per run"));
        for (int k = 0; k < MODELS.size(); k++) {
            mean[k] = mean(acc[k]);
            t.stringColumn("model").append(MODELS.get(k));
            t.doubleColumn("mean accuracy").append(mean[k]);
            t.doubleColumn("sd over seeds").append(sd(acc[k]));
            t.longColumn("parameters").append(params[k]);
            t.longColumn("multiplies / example").append(multiplies[k]);
            t.doubleColumn("multiplies vs dense").append((double) multiplies[k] / multiplies[0]);
            t.doubleColumn("seconds per run").append(seconds[k]);
            ctx.metric(MODELS.get(k) + " test accuracy", mean[k]);
        }
        ctx.table("accuracy", t);
        if (s.seeds() > 1) {
            Table per = Table.create("test accuracy per seed", StringColumn.create("model"));
            for (int seed = 0; seed < s.seeds(); seed++) {
                per.addColumns(DoubleColumn.create("seed " + (seed + 1)));
            }
            for (int k = 0; k < MODELS.size(); k++) {
                per.stringColumn("model").append(MODELS.get(k));
                for (int seed = 0; seed < s.seeds(); seed++) {
                    per.doubleColumn("seed " + (seed + 1)).append(acc[k][seed]);
                }
            }
            ctx.table("accuracy-per-seed", per);
        }
        XYChart curve = Charts.line("Test accuracy after each epoch (mean over seeds)", "epoch", "test accuracy");
        for (int k = 0; k < MODELS.size(); k++) {
            double[] y = new double[s.epochs()];
            double[] x = new double[s.epochs()];
            for (int e = 0; e < s.epochs(); e++) {
                x[e] = e + 1;
                for (int seed = 0; seed < s.seeds(); seed++) {
                    y[e] += curves[k][seed][e] / s.seeds();
                }
            }
            curve.addSeries(MODELS.get(k), x, y);
        }
        curve.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        ctx.chart("test-accuracy", curve);
        CategoryChart bars = Charts.bars("Test accuracy; % = multiplies vs dense", "model", "test accuracy (mean over seeds)");
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < MODELS.size(); k++) {
            names.add(String.format("%s %.0f%%", SHORT.get(k), 100.0 * multiplies[k] / multiplies[0]));
            values.add(mean[k]);
        }
        bars.addSeries("accuracy", names, values);
        bars.getStyler().setLegendVisible(false);
        bars.getStyler().setYAxisMin(Math.floor(min(mean) * 50 - 1) / 50);
        bars.getStyler().setYAxisDecimalPattern("0.00");
        ctx.chart("accuracy-bars", bars);
        if (!rewiring.isEmpty()) {
            XYChart inside = Charts.line("DST: hidden-1 edges inside the initial G2G blocks",
                    "optimizer step", "share inside");
            for (Map.Entry<String, List<DynamicSparseTraining.Update>> e : rewiring.entrySet()) {
                List<Double> x = new ArrayList<>(List.of(0.0));
                List<Double> y = new ArrayList<>(List.of(1.0));
                for (DynamicSparseTraining.Update u : e.getValue()) {
                    if (u.layer() == 0) {
                        x.add((double) u.step());
                        y.add(u.insideInitialBlocks());
                    }
                }
                inside.addSeries(e.getKey().replace("G2G + DST, ", ""), x, y);
                DynamicSparseTraining.Update last = e.getValue().get(e.getValue().size() - 1);
                ctx.metric(e.getKey() + ": share of final edges inside the G2G blocks (last layer rewired)",
                        last.insideInitialBlocks());
            }
            inside.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
            ctx.chart("dst-rewiring", inside);
        }

        // Verdicts.
        String seeds = s.seeds() > 1 ? "mean of " + s.seeds() + " seeds" : "one seed";
        double dVsDense = mean[1] - mean[0];
        ctx.check(VS_DENSE, dVsDense, String.format("G2G %.4f − dense %.4f = %+.4f (%s, %d test images)", mean[1],
                mean[0], dVsDense, seeds, data.test().size()), Criterion.atLeast(-s.denseMargin()),
                Reference.of(0.043, "up to +4.3 points over dense (over Fashion-MNIST, CIFAR-10, CIFAR-100)", ABSTRACT));
        double dVsRandom = mean[1] - mean[2];
        ctx.check(VS_RANDOM, dVsRandom, String.format("G2G %.4f − random mask %.4f = %+.4f (%s)", mean[1], mean[2],
                dVsRandom, seeds), Criterion.atLeast(-s.pairMargin()),
                Reference.noNumber(ABSTRACT + ": G2GNet beats dense baselines; no random-mask number is given there"));
        double dHebbian = mean[4] - mean[3];
        ctx.check(HEBBIAN, dHebbian, String.format("Hebbian %.4f − random regrowth %.4f = %+.4f (%s)", mean[4],
                mean[3], dHebbian, seeds), Criterion.atLeast(-s.pairMargin()),
                Reference.noNumber(ABSTRACT + ": proposes the Hebbian rule; no number is given there"));
        ctx.check(CONSTANT, worstSparsity, String.format("largest |sparsity − 0.75| over hidden layers of both DST "
                + "models and all seeds: %.1e", worstSparsity), Criterion.atMost(1e-9),
                Reference.noNumber(ABSTRACT + " (DST \"prunes and regrows edges\")"));
        double p = mean[0];
        double se = Math.sqrt(p * (1 - p) / data.test().size());
        String spread = "";
        if (s.seeds() > 1) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (double[] a : acc) {
                lo = Math.min(lo, sd(a));
                hi = Math.max(hi, sd(a));
            }
            spread = String.format(", and one model's accuracy varies from seed to seed by an sd of %.2f–%.2f points, "
                    + "so a mean of %d seeds by about %.2f–%.2f", 100 * lo, 100 * hi, s.seeds(),
                    100 * lo / Math.sqrt(s.seeds()), 100 * hi / Math.sqrt(s.seeds()));
        }
        ctx.note(String.format("Margins: one accuracy on %d test images has a binomial standard error of %.2f points%s. "
                + "The margins (%.1f points against dense, %.1f between G2G and random masks and between the regrowth "
                + "rules) are of that size: they tolerate noise, not a real deficit.", data.test().size(), 100 * se,
                spread, 100 * s.denseMargin(), 100 * s.pairMargin()));
        ctx.note(String.format("The paper's stronger statement, G2GNet above the dense baseline by up to 4.3 points, "
                + "is the vs-dense reference but not its criterion (the abstract pools three benchmarks and does not "
                + "say which one gives 4.3): here G2G − dense = %+.2f points, G2G + DST (random regrowth) − dense = "
                + "%+.2f, (Hebbian) − dense = %+.2f.", 100 * dVsDense, 100 * (mean[3] - mean[0]),
                100 * (mean[4] - mean[0])));
    }

    static SequentialBlock network(Setting s, Connectivity c, long maskSeed) {
        return G2gNet.builder().setHidden(s.hidden()).setOutputs(10).optConnectivity(c).optEnsembles(ENSEMBLES)
                .optFanIn(FAN_IN).optSeed(maskSeed).build();
    }

    static String label(String connectivity) {
        return switch (connectivity) {
            case "DENSE" -> "dense MLP";
            case "G2G" -> "G2GNet (G2G masks)";
            default -> "random masks";
        };
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }
}
