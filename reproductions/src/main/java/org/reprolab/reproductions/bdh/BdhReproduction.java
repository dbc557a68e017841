package org.reprolab.reproductions.bdh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.data.TextCorpus;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.bdh.Bdh;
import org.reprolab.papers.bdh.BdhFigures;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.train.ByteLmTraining;
import org.reprolab.train.TinyGpt;

/**
 * Kosowski et al. (2025): a tiny BDH-GPU (shared-weight layers, sparse positive neurons, linear attention as a
 * Hebbian state) against a GPT of equal parameter count as byte-level language models on the fortunes corpus,
 * trained identically and compared paired by seed; its activations' sparsity; its parallel and recurrent forms.
 */
public final class BdhReproduction extends PaperReproduction<BdhReproduction.Setup> {

    static final String PAPER = "Kosowski et al. (2025), arXiv 2509.26507";
    static final String FIGURE = "Kosowski et al. (2025), validation loss vs model size, figs/bdh_scaling.png in "
            + "the reference repository pathwaycom/bdh";

    static final Claim EQUAL_PARAMETERS = Claim.check("equal-parameters",
            "The GPT baseline has the same number of parameters as BDH: |GPT / BDH − 1| ≤ 0.05.")
            .criterion(Criterion.atMost(0.05), "ours: the comparison is at equal parameter count, as in the paper; "
                    + "the GPT's depth is chosen for it")
            .reference(Reference.noNumber(FIGURE));
    static final Claim RECURRENT = Claim.check("parallel-equals-recurrent",
            "BDH's parallel (Transformer-like, causal linear attention) form and its recurrent form (a synaptic "
                    + "state ρ_t = ρ_{t−1} + x_sᵀ x updated token by token) give the same logits: largest "
                    + "difference ≤ 1e-4 of the largest logit.")
            .criterion(Criterion.atMost(1e-4), "notes: the causal parallel forward equals the recurrent state "
                    + "form to 1e-4 on a random input")
            .reference(Reference.noNumber(PAPER + ", the state-space view of BDH-GPU"));
    static final Claim PARITY = Claim.claim("loss-parity",
            "At equal parameter count and identical training, BDH's validation loss equals the GPT's within 10%: "
                    + "BDH / GPT in [0.90, 1.10], paired by seed (the paper claims parity, so the margin is "
                    + "two-sided).")
            .criterion(Criterion.within(1.0, 0.10), "notes: BDH ≤ 1.10 × GPT; the figure shows BDH-GPU within "
                    + "about 7.5% of a GPT at 25M parameters and within 1% at 800M")
            .reference(Reference.of(0.457 / 0.425, "BDH-GPU 0.457 vs GPT 0.425 validation loss at ~25M parameters "
                    + "(0.365 vs 0.362 at ~800M)", FIGURE))
            .overSeeds()
            .revised("BDH ≤ 1.10 × GPT (notes, one-sided)", "the paper claims Transformer-like performance at equal "
                    + "size, parity: an equivalence margin, so a BDH far better than the GPT would not confirm it "
                    + "either");
    static final Claim SPARSE = Claim.claim("sparse-activations",
            "BDH's neurons are sparse: on validation text the mean fraction of non-zero entries of x_s and y_s "
                    + "(over layers, heads, positions) is at most 20%.")
            .criterion(Criterion.atMost(0.20), "notes: at most 20% (the paper's models: about 5%)")
            .reference(Reference.of(0.05, "about 5% of neurons active", "secondary sources on " + PAPER
                    + ", per the research notes"))
            .overSeeds();
    static final Claim POSITIVE = Claim.check("activations-non-negative",
            "Every x_s and y_s entry is ≥ 0 (positive activations).")
            .criterion(Criterion.atLeast(0), "ours: x_s and y_s are ReLU outputs")
            .reference(Reference.noNumber(PAPER + ", abstract (sparse and positive activation vectors)"));

    /** BDH's heads (the reference has 4 at D = 256; we keep N·heads = n at D = 64) and the GPT's heads. */
    static final int BDH_HEADS = 2;
    static final int GPT_HEADS = 4;
    /** AdamW for both models, constant rate, the reference's weight decay. */
    static final float LEARNING_RATE = 3e-3f;
    static final float WEIGHT_DECAY = 0.1f;
    /** Training fraction of the corpus (the rest is validation text). */
    static final double TRAIN_FRACTION = 0.9;

    /**
     * What differs between the profiles.
     *
     * @param dim embedding width D of both models
     * @param neuronsPerHead BDH's neurons per head N (n = 2N neurons)
     * @param bdhLayers applications of BDH's shared layer
     * @param gptLayers GPT blocks (chosen for equal parameters)
     * @param context bytes per window
     * @param batch windows per batch
     * @param steps optimizer steps per model
     * @param seeds seeds; both models train once per seed on the same batches
     * @param validationWindows validation windows per seed (drawn afresh per seed)
     */
    public record Setup(int dim, int neuronsPerHead, int bdhLayers, int gptLayers, int context, int batch, int steps,
            int seeds, int validationWindows) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(64, 128, 2, 1, 32, 16, 120, 3, 48)
                    : new Setup(64, 256, 2, 2, 64, 16, 400, 4, 128);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("BDH with D = %d, %d heads of N = %d neurons, %d shared layers; a GPT with "
                    + "D = %d, %d heads, %d block(s); %d steps of batch %d windows of %d bytes; %d seeds, %d "
                    + "validation windows per seed.", dim, BDH_HEADS, neuronsPerHead, bdhLayers, dim, GPT_HEADS,
                    gptLayers, steps, batch, context, seeds, validationWindows));
        }

        Bdh bdh() {
            return Bdh.builder().setDim(dim).optHeads(BDH_HEADS).setNeuronsPerHead(neuronsPerHead)
                    .setLayers(bdhLayers).build();
        }

        TinyGpt gpt() {
            return TinyGpt.builder().setDim(dim).optHeads(GPT_HEADS).setLayers(gptLayers).setContext(context).build();
        }
    }

    /** What the training step leaves for the sparsity step: per seed, per layer, measured on validation text. */
    private double[][] activeX;
    private double[][] activeY;
    private double[][] activeXy;
    private double smallest;
    private float[] raster;

    /** Declares the steps and the claims each decides. */
    public BdhReproduction() {
        super(Setup::of);
        step("architecture", "BDH and a GPT of equal size; BDH's parallel form against its recurrent form",
                this::architecture, EQUAL_PARAMETERS, RECURRENT);
        step("training", "BDH vs GPT as byte-level language models, paired by seed", this::training, PARITY);
        step("sparsity", "BDH's sparse positive neurons on validation text", this::sparsity, SPARSE, POSITIVE);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("bdh", 36,
                "The Dragon Hatchling: the missing link between the Transformer and models of the brain",
                List.of("Adrian Kosowski", "Przemysław Uznański", "Jan Chorowski", "Zuzanna Stamirowska",
                        "Michał Bartoszkiewicz"), 2025, "arXiv", "2509.26507",
                "BDH is a language model built as a network of neurons: one shared set of weights applied layer "
                        + "after layer, sparse positive neuron activations, and attention that is a Hebbian "
                        + "working memory (synapses strengthened by co-activity). Its GPU form BDH-GPU is claimed "
                        + "to match a GPT of equal size (Transformer-like scaling from 10M to 1B parameters) with "
                        + "about 5% of neurons active. We train a tiny BDH-GPU and a GPT of equal parameter count "
                        + "the same way on bytes of the fortunes corpus, compare validation losses paired by seed, "
                        + "measure the active fraction, and check the parallel form against the recurrent one.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Byte-level language modelling of the Debian fortunes corpus (first 90% training, last 10% "
                        + "validation) stands in for the paper's language and translation data; models are "
                        + "about 10^5 parameters instead of 10^7 to 10^9.",
                "Both models: AdamW at a constant 3e-3 (the reference uses 1e-3 over thousands of steps), weight "
                        + "decay 0.1, no dropout, N(0, 0.02²) weights, LayerNorm without affine parameters; the "
                        + "same batches and validation windows for both within a seed.",
                "The GPT is our own minimal pre-norm decoder (learned positions, softmax attention, GELU MLP of "
                        + "width 4D), not the paper's GPT-2 baseline.");
    }

    private static byte[] text(boolean training) {
        return TextCorpus.split(TextCorpus.fortunes(), TRAIN_FRACTION, training);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the two models, and BDH computed two ways.

    record SizeRow(String model, long parameters, String shape) { }

    private void architecture(StepContext ctx, Setup s) {
        Engines.seed(ctx.seed("architecture"));
        Bdh bdh = s.bdh();
        TinyGpt gpt = s.gpt();
        bdh.initialize(ctx.manager(), DataType.FLOAT32, new Shape(1, s.context()));
        ctx.table("sizes", Tables.of("the two models", List.of(
                new SizeRow("BDH-GPU", bdh.parameterCount(), String.format("D = %d, %d × %d neurons, %d shared "
                        + "layers", s.dim(), BDH_HEADS, s.neuronsPerHead(), s.bdhLayers())),
                new SizeRow("GPT", gpt.parameterCount(), String.format("D = %d, %d heads, %d blocks", s.dim(),
                        GPT_HEADS, s.gptLayers())))));
        double ratio = (double) gpt.parameterCount() / bdh.parameterCount();
        ctx.decide(EQUAL_PARAMETERS, Math.abs(ratio - 1), String.format("GPT %,d / BDH %,d parameters = %.4f",
                gpt.parameterCount(), bdh.parameterCount(), ratio));
        byte[] validation = text(false);
        NDArray ids = ByteLmTraining.ids(ctx.manager(), validation, ByteLmTraining.windows(validation.length, 2,
                s.context(), ctx.random("recurrence")), 0, s.context());
        double gap = bdh.recurrenceGap(ids);
        ctx.decide(RECURRENT, gap, String.format("2 windows of %d bytes through a freshly initialised BDH, %d "
                + "layers", s.context(), s.bdhLayers()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: training both models on the same batches, once per seed.

    record LossRow(String model, long parameters, double meanValidationLoss, double sdOverSeeds,
            double bitsPerByte, double secondsPerRun) { }

    private void training(StepContext ctx, Setup s) {
        byte[] train = text(true);
        byte[] validation = text(false);
        double unigram = ByteLmTraining.unigramEntropy(train);
        double[][] loss = new double[2][s.seeds()];
        double[][] seconds = new double[2][s.seeds()];
        double[][] curves = new double[2][];
        double[] at = null;
        long[] parameters = new long[2];
        activeX = new double[s.seeds()][];
        activeY = new double[s.seeds()][];
        activeXy = new double[s.seeds()][];
        smallest = Double.POSITIVE_INFINITY;
        for (int seed = 0; seed < s.seeds(); seed++) {
            ByteLmTraining loop = ByteLmTraining.builder().setSteps(s.steps()).setBatchSize(s.batch())
                    .setContext(s.context()).optLearningRate(LEARNING_RATE).optWeightDecay(WEIGHT_DECAY)
                    .optShuffleSeed(ctx.seed("batches/" + seed)).optValidationSeed(ctx.seed("validation/" + seed))
                    .optValidationWindows(s.validationWindows()).build();
            try (NDManager m = ctx.manager().newSubManager()) {
                for (int k = 0; k < 2; k++) {
                    Engines.seed(ctx.seed("init/" + seed));
                    ai.djl.nn.Block model = k == 0 ? s.bdh() : s.gpt();
                    ByteLmTraining.Result r = loop.fit(model, train, validation, m);
                    loss[k][seed] = r.finalValidationLoss();
                    seconds[k][seed] = r.seconds();
                    parameters[k] = k == 0 ? ((Bdh) model).parameterCount() : ((TinyGpt) model).parameterCount();
                    at = r.evaluatedAt();
                    curves[k] = curves[k] == null ? new double[at.length] : curves[k];
                    for (int e = 0; e < at.length; e++) {
                        curves[k][e] += r.validationLoss()[e] / s.seeds();
                    }
                    if (k == 0) {
                        measure((Bdh) model, seed, s, validation, ctx.random("activity/" + seed), m);
                    }
                }
            }
            ctx.log(String.format("seed %d, validation loss: BDH %.4f, GPT %.4f", seed + 1, loss[0][seed],
                    loss[1][seed]));
        }
        List<LossRow> rows = new ArrayList<>();
        String[] names = {"BDH-GPU", "GPT"};
        Map<String, double[]> curveMap = new LinkedHashMap<>();
        for (int k = 0; k < 2; k++) {
            rows.add(new LossRow(names[k], parameters[k], Stats.mean(loss[k]), Stats.sd(loss[k]),
                    Stats.mean(loss[k]) / Math.log(2), Stats.mean(seconds[k])));
            curveMap.put(names[k], curves[k]);
            ctx.metric(names[k] + " validation loss (nats / byte)", Stats.mean(loss[k]));
        }
        ctx.metric("unigram entropy of the training text (nats / byte)", unigram);
        ctx.table("validation-loss", Tables.of("validation loss after " + s.steps() + " steps, " + s.seeds()
                + " seeds", rows));
        List<String> seedNames = new ArrayList<>();
        for (int seed = 1; seed <= s.seeds(); seed++) {
            seedNames.add("seed " + seed);
        }
        ctx.table("loss-per-seed", Tables.matrix("validation loss per seed (nats / byte)", "model",
                List.of(names), seedNames, loss));
        ctx.chart("validation-curves", BdhFigures.validationCurves(at, curveMap, unigram));
        ctx.decide(PARITY, Estimate.pairedRatio(loss[0], loss[1]), String.format("BDH %.4f / GPT %.4f nats per "
                + "byte", Stats.mean(loss[0]), Stats.mean(loss[1])));
        ctx.note("The paper's figure puts BDH-GPU 7.5% above a GPT at ~25M parameters and within 1% at ~800M, "
                + "after full training; here both models are tiny and trained for few steps, so the ratio "
                + "measures early learning as much as capacity.");
    }

    private void measure(Bdh bdh, int seed, Setup s, byte[] validation, java.util.SplittableRandom rng,
            NDManager m) {
        NDArray ids = ByteLmTraining.ids(m, validation, ByteLmTraining.windows(validation.length,
                s.validationWindows(), s.context(), rng), 0, s.context());
        Bdh.Trace trace = bdh.trace(ids);
        int layers = trace.xSparse().size();
        activeX[seed] = new double[layers];
        activeY[seed] = new double[layers];
        activeXy[seed] = new double[layers];
        for (int l = 0; l < layers; l++) {
            activeX[seed][l] = Bdh.activeFraction(trace.xSparse().get(l));
            activeY[seed][l] = Bdh.activeFraction(trace.ySparse().get(l));
            activeXy[seed][l] = Bdh.activeFraction(trace.xSparse().get(l).mul(trace.ySparse().get(l)));
        }
        smallest = Math.min(smallest, Math.min(Bdh.smallest(trace.xSparse()), Bdh.smallest(trace.ySparse())));
        raster = trace.xSparse().get(layers - 1).get("0, 0").toFloatArray(); // [T, N]: window 0, head 0
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 3: sparsity and positivity of the trained BDH's neurons.

    private void sparsity(StepContext ctx, Setup s) {
        if (activeX == null) {
            throw new IllegalStateException("run the training step first");
        }
        int layers = activeX[0].length;
        double[] perSeed = new double[s.seeds()];
        List<String> layerNames = new ArrayList<>();
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        bars.put("x_s", new ArrayList<>());
        bars.put("y_s", new ArrayList<>());
        bars.put("x_s ⊙ y_s", new ArrayList<>());
        for (int l = 0; l < layers; l++) {
            layerNames.add("layer " + (l + 1));
            double[] x = new double[s.seeds()];
            double[] y = new double[s.seeds()];
            double[] xy = new double[s.seeds()];
            for (int seed = 0; seed < s.seeds(); seed++) {
                x[seed] = activeX[seed][l];
                y[seed] = activeY[seed][l];
                xy[seed] = activeXy[seed][l];
                perSeed[seed] += (x[seed] + y[seed]) / (2.0 * layers);
            }
            bars.get("x_s").add(Stats.mean(x));
            bars.get("y_s").add(Stats.mean(y));
            bars.get("x_s ⊙ y_s").add(Stats.mean(xy));
        }
        ctx.chart("active-fractions", BdhFigures.activeFractions(layerNames, bars));
        ctx.chart("raster", BdhFigures.raster(raster, s.context(), s.neuronsPerHead(),
                Math.min(64, s.neuronsPerHead()), "x_s > 0 in the last layer, head 1, first 64 neurons, one "
                        + "validation window (last seed)"));
        ctx.metric("active fraction of x_s ⊙ y_s (mean over layers and seeds)",
                Stats.mean(bars.get("x_s ⊙ y_s").stream().mapToDouble(Double::doubleValue).toArray()));
        ctx.decide(SPARSE, Estimate.mean(perSeed), "mean fraction of x_s and y_s entries above 0, over layers, "
                + "heads, positions and " + s.validationWindows() + " validation windows");
        ctx.decide(POSITIVE, smallest, "smallest x_s or y_s entry over all seeds, layers and windows");
    }
}
