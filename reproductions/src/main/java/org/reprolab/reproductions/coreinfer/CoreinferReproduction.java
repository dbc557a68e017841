package org.reprolab.reproductions.coreinfer;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.coreinfer.CoreInferFigures;
import org.reprolab.papers.coreinfer.CoreInference;
import org.reprolab.papers.coreinfer.CoreInference.Mode;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.sparsity.NeuronSets;
import org.reprolab.sparsity.TinyTransformer;
import org.reprolab.train.Act;
import org.reprolab.train.TrainingLoop;

/**
 * Wang et al. (2024): sentence-wise core neurons fixed after the pre-fill, on a causal one-block transformer
 * trained here on Fashion-MNIST (an image is a "sentence" of row tokens, its top half the pre-fill): stability of
 * the core set within a sentence, overlap within and between classes, and decoding with the FFN restricted to the
 * core neurons against dense and against random neurons, over seeds.
 */
public final class CoreinferReproduction extends PaperReproduction<CoreinferReproduction.Setup> {

    static final String PAPER = "Wang et al. (2024), arXiv 2410.18311";

    static final Claim STABILITY = Claim.claim("stability",
            "Core neurons are stable within a sentence: the core set from the pre-fill (top half) overlaps the core "
                    + "set of the whole sentence with mean Jaccard ≥ 0.6, over seeds.")
            .criterion(Criterion.atLeast(0.6), "notes: Jaccard(pre-fill core, whole-sentence core) ≥ 0.6")
            .reference(Reference.noNumber(PAPER + ", stability of sentence-wise core neurons"))
            .overSeeds();
    static final Claim SIMILARITY = Claim.claim("related-vs-unrelated",
            "Semantically related sentences (same class) have more similar core sets than unrelated ones: mean "
                    + "Jaccard within classes − between classes ≥ 0.1, over seeds.")
            .criterion(Criterion.atLeast(0.1), "notes: within-class Jaccard exceeds between-class Jaccard by ≥ 0.1")
            .reference(Reference.noNumber(PAPER + ", core neurons and sentence semantics"))
            .overSeeds();
    static final Claim ACCURACY = Claim.claim("core-vs-dense",
            "Decoding with only the core neurons (40% of the FFN) keeps accuracy within 2 points of dense: core − "
                    + "dense ≥ −0.02, paired by seed (a parity claim, so a non-inferiority margin).")
            .criterion(Criterion.atLeast(-0.02), "notes: with 40% of neurons, accuracy within 2 points of dense (the "
                    + "paper claims no loss of performance)")
            .reference(Reference.noNumber(PAPER + ", task results with sparse activation"))
            .overSeeds();
    static final Claim CONTROL = Claim.claim("core-vs-random",
            "The core neurons matter: decoding with a random 40% of the neurons per sentence is at least 5 points "
                    + "less accurate than with the core set: core − random ≥ 0.05, paired by seed.")
            .criterion(Criterion.atLeast(0.05), "notes: a random subset of the same size loses ≥ 5 points more")
            .reference(Reference.noNumber(PAPER + ", the selection is semantic, not arbitrary"))
            .overSeeds();
    static final Claim FLOPS = Claim.check("decode-flops",
            "Restricting the FFN to the core set divides the decoding tokens' FFN multiplies by d_ff / kept ≥ 2.4.")
            .criterion(Criterion.atLeast(2.4), "notes: counted decode FFN FLOPs reduced ≥ 2.4×; fixed by β = 0.4, "
                    + "hence a check")
            .reference(Reference.noNumber(PAPER));

    /** Token-wise share α and sentence-wise share β ([src: a fork's CoreInfer settings, per the notes]). */
    static final double TOKEN_FRACTION = 0.2;
    static final double KEEP_FRACTION = 0.4;
    /** Image rows per token: 14 tokens of two rows; the pre-fill is the top half, 7 tokens. */
    static final int ROWS_PER_TOKEN = 2;
    static final int TOKENS = FashionMnist.SIDE / ROWS_PER_TOKEN;
    static final int PREFILL = TOKENS / 2;
    static final int BATCH = 128;
    static final float LEARNING_RATE = 3e-3f;
    static final List<Mode> MODES = List.of(Mode.DENSE, Mode.CORE, Mode.RANDOM);

    /**
     * What differs between the profiles.
     *
     * @param train training images per seed (a fresh subset per seed)
     * @param test test images per seed (a fresh subset per seed)
     * @param ffn the FFN width d_ff (model width 32, 2 heads)
     * @param epochs training epochs
     * @param pairs test sentences whose core sets are compared pairwise
     * @param seeds seeds; each trains one model
     */
    public record Setup(int train, int test, int ffn, int epochs, int pairs, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(3_000, 1_000, 256, 2, 300, 3)
                    : new Setup(20_000, 4_000, 256, 5, 600, 6);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Fashion-MNIST, %,d training and %,d test images drawn afresh for each of %d "
                    + "seeds; causal block d = 32, d_ff = %d, %d epochs, Adam at %.0e; core-set overlaps over the "
                    + "first %d test images.", train, test, seeds, ffn, epochs, LEARNING_RATE, pairs));
        }
    }

    /** Per seed: the three passes' results (dense, core, random). */
    private List<CoreInference.Result[]> runs = List.of();

    /** Declares the steps and the claims each decides. */
    public CoreinferReproduction() {
        super(Setup::of);
        step("core-sets", "Train, pre-fill, core sets: stability and semantic similarity", this::coreSets,
                STABILITY, SIMILARITY);
        step("sparse-decoding", "Decoding with the core neurons against dense and random neurons", this::decoding,
                ACCURACY, CONTROL, FLOPS);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("coreinfer", 18,
                "CoreInfer: Accelerating Large Language Model Inference with Semantics-Inspired Adaptive Sparse "
                        + "Activation",
                List.of("Qinsi Wang", "Saeed Vahidian", "Hancheng Ye", "Jianyang Gu", "Jianyi Zhang", "Yiran Chen"),
                2024, "arXiv", "2410.18311",
                "CoreInfer picks, per sentence, the FFN neurons most often among each token's top activations during "
                        + "the pre-fill (the sentence's core neurons) and decodes every further token with only those "
                        + "neurons: no predictor, so zero-cost sparsity. The paper argues the core set is stable "
                        + "within a sentence and tracks its semantics, and reports 10.33x speed-up over HuggingFace "
                        + "and 2.72x over PowerInfer on a GPU. We check stability, semantic similarity and accuracy on "
                        + "a small causal transformer trained here; the GPU speed-ups are not reproducible on CPU.");
    }

    @Override
    public List<String> standIns() {
        return List.of(String.format("A one-block causal transformer with a ReLU FFN on Fashion-MNIST stands in for "
                        + "the LLMs: an image is a sentence of %d tokens (two rows each), the top %d tokens the "
                        + "pre-fill, the rest decoded; a class stands for a topic (related sentences); accuracy "
                        + "is classification accuracy read from the last token.", TOKENS, PREFILL),
                String.format("Core neurons per the reference code: α = %.1f, β = %.1f; stability-based mode only "
                        + "(no K-means similarity mode).", TOKEN_FRACTION, KEEP_FRACTION),
                "Speed is not measured: the paper's speed-ups are GPU kernel timings, not reproducible with DJL on "
                        + "CPU; we count multiplies instead.");
    }

    record SeedRow(int seed, double denseAccuracy, double coreAccuracy, double randomAccuracy, double stability,
            double withinClassJaccard, double betweenClassJaccard) { }

    private void coreSets(StepContext ctx, Setup s) {
        List<CoreInference.Result[]> all = new ArrayList<>();
        double[] stability = new double[s.seeds()];
        double[] gap = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = FashionMnist.train().sample(s.train(), ctx.random("train-subset/" + seed));
            LabeledData test = FashionMnist.test().sample(s.test(), ctx.random("test-subset/" + seed));
            CoreInference.Result[] r = new CoreInference.Result[MODES.size()];
            try (NDManager m = ctx.manager().newSubManager()) {
                Engines.seed(ctx.seed("init/" + seed));
                TinyTransformer t = TinyTransformer.builder().setTokens(TOKENS).setOutputs(10).optHidden(s.ffn())
                        .optCausal(true).optActivation(Act.RELU).build();
                TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optAdam(LEARNING_RATE)
                        .optShuffleSeed(ctx.seed("shuffle/" + seed)).optName("seed " + (seed + 1)).build()
                        .fit(t, train, null, m);
                for (int k = 0; k < MODES.size(); k++) {
                    r[k] = CoreInference.run(t, test, m, PREFILL, TOKEN_FRACTION, KEEP_FRACTION, MODES.get(k),
                            ctx.random("random-neurons/" + seed));
                }
            }
            all.add(r);
            stability[seed] = CoreInference.stability(r[0]);
            double[] sim = CoreInference.similarity(r[0], s.pairs());
            gap[seed] = sim[0] - sim[1];
        }
        runs = all;
        List<SeedRow> rows = new ArrayList<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            CoreInference.Result[] r = runs.get(seed);
            double[] sim = CoreInference.similarity(r[0], s.pairs());
            rows.add(new SeedRow(seed + 1, r[0].accuracy(), r[1].accuracy(), r[2].accuracy(), stability[seed],
                    sim[0], sim[1]));
        }
        ctx.table("per-seed", Tables.of("per seed: accuracy of the three decodings, core-set overlaps", rows));
        double chance = NeuronSets.randomJaccard(s.ffn(), (int) Math.floor(KEEP_FRACTION * s.ffn()));
        ctx.metric("Jaccard of two random sets of the same size", chance);
        ctx.chart("overlaps", CoreInferFigures.bars("Jaccard overlap of core sets", "Jaccard",
                List.of("pre-fill vs whole sentence", "same class", "different classes", "random sets"),
                List.of(Stats.mean(stability), Stats.mean(rows.stream().mapToDouble(SeedRow::withinClassJaccard)
                        .toArray()), Stats.mean(rows.stream().mapToDouble(SeedRow::betweenClassJaccard).toArray()),
                        chance)));
        ctx.decide(STABILITY, Estimate.mean(stability), String.format("mean Jaccard(pre-fill core, whole-sentence "
                + "core); two random sets of that size overlap %.3f", chance));
        ctx.decide(SIMILARITY, Estimate.mean(gap), "mean within-class − between-class Jaccard of pre-fill core sets");
    }

    private void decoding(StepContext ctx, Setup s) {
        double[][] acc = new double[MODES.size()][runs.size()];
        for (int seed = 0; seed < runs.size(); seed++) {
            for (int k = 0; k < MODES.size(); k++) {
                acc[k][seed] = runs.get(seed)[k].accuracy();
            }
        }
        List<String> seeds = new ArrayList<>();
        for (int seed = 1; seed <= runs.size(); seed++) {
            seeds.add("seed " + seed);
        }
        ctx.table("accuracy", Tables.matrix("test accuracy per seed", "decoding",
                List.of("dense", "core neurons (40%)", "random neurons (40%)"), seeds, acc));
        ctx.chart("accuracy", CoreInferFigures.bars("Test accuracy by decoding", "test accuracy",
                List.of("dense", "core 40%", "random 40%"), List.of(Stats.mean(acc[0]), Stats.mean(acc[1]),
                        Stats.mean(acc[2]))));
        int kept = (int) Math.floor(KEEP_FRACTION * s.ffn());
        ctx.decide(ACCURACY, Estimate.pairedDifference(acc[1], acc[0]), String.format("core %.4f − dense %.4f",
                Stats.mean(acc[1]), Stats.mean(acc[0])));
        ctx.decide(CONTROL, Estimate.pairedDifference(acc[1], acc[2]), String.format("core %.4f − random %.4f",
                Stats.mean(acc[1]), Stats.mean(acc[2])));
        ctx.decide(FLOPS, (double) s.ffn() / kept, String.format("d_ff %d / %d core neurons (2 · 2 · d · d_ff "
                + "multiply-adds per decoded token become 2 · 2 · d · %d)", s.ffn(), kept, kept));
    }
}
