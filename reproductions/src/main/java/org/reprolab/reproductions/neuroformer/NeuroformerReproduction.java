package org.reprolab.reproductions.neuroformer;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.engine.Engines;
import org.reprolab.math.Correlation;
import org.reprolab.math.Estimate;
import org.reprolab.math.Roc;
import org.reprolab.math.Stats;
import org.reprolab.papers.neuroformer.HawkesNetwork;
import org.reprolab.papers.neuroformer.Neuroformer;
import org.reprolab.papers.neuroformer.NeuroformerFigures;
import org.reprolab.papers.neuroformer.NeuroformerTraining;
import org.reprolab.papers.neuroformer.SpikeTokens;
import org.reprolab.papers.neuroformer.TokenBaselines;
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
 * Antoniades et al. (2024): a tiny Neuroformer pretrained generatively on spike tokens of a simulated Hawkes
 * circuit, against closed-form unigram and rate baselines; the circuit's coupling read from its cross-attention
 * (AUROC); and few-shot speed decoding from the pretrained model against the same model trained from scratch,
 * all over seeds (a fresh circuit per seed) and paired by seed.
 */
public final class NeuroformerReproduction extends PaperReproduction<NeuroformerReproduction.Setup> {

    static final String PAPER = "Antoniades et al. (2024), arXiv 2311.00136";

    /** The notes' circuit: 20 neurons, 15% of pairs coupled, lags of 1 to 3 bins of 10 ms. */
    static final int NEURONS = 20;
    static final double COUPLING_DENSITY = 0.15;

    static final Claim VS_UNIGRAM = Claim.claim("vs-unigram",
            "The pretrained Neuroformer predicts the next spike's neuron ID better than the unigram (firing-rate) "
                    + "token model: its held-out cross-entropy is at least 10% below, model / unigram ≤ 0.90, "
                    + "paired by seed.")
            .criterion(Criterion.atMost(0.90), "notes: next-ID cross-entropy at least 10% below the unigram "
                    + "baseline")
            .reference(Reference.noNumber(PAPER + ", abstract (accurately predicts simulated neuronal circuit "
                    + "activity); no number"))
            .overSeeds();
    static final Claim VS_RATE = Claim.claim("vs-rate",
            "The pretrained Neuroformer's next-ID cross-entropy is below that of the rate model (independent "
                    + "neurons at their firing rates, knowing the token order): rate − model ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "ours: the paper's direction (the model predicts circuit activity "
                    + "beyond firing rates); the paper gives no number")
            .reference(Reference.noNumber(PAPER + ", abstract and simulation section"))
            .overSeeds();
    static final Claim CONNECTIVITY = Claim.claim("connectivity",
            "The coupling read from the cross-attention (current spikes attending to past spikes) ranks the "
                    + "circuit's true directed connections above the absent ones better than chance: AUROC ≥ 0.5.")
            .criterion(Criterion.atLeast(0.5), "ours: better than chance, as the paper claims connectivity is "
                    + "inferred; the notes ask AUROC ≥ 0.75, quoted as the stricter reference")
            .reference(Reference.of(0.75, "notes: AUROC ≥ 0.75 (the paper shows attention maps, no number)",
                    PAPER + ", simulation section, via the research notes"))
            .overSeeds();
    static final Claim PRETRAINING = Claim.claim("pretraining-helps",
            "Few-shot speed decoding (a speed head fine-tuned with the model on a tenth of the training labels) "
                    + "is at least as good from the pretrained Neuroformer as from the same model trained from "
                    + "scratch: Pearson r on held-out windows, pretrained − scratch ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "ours: the paper's direction (pretraining helps few-shot behaviour "
                    + "decoding); the notes ask a margin of +0.05 in r, quoted as the stricter reference")
            .reference(Reference.noNumber(PAPER + ", few-shot fine-tuning figures; no number"))
            .overSeeds();
    static final Claim DENSITY = Claim.check("coupling-density",
            "The simulated circuit has the configured coupling density: |measured − configured| ≤ 1/(2N(N − 1)).")
            .criterion(Criterion.atMost(1.0 / (2 * NEURONS * (NEURONS - 1))), "ours: exactly round(density · "
                    + "N(N − 1)) pairs are drawn, so only rounding remains");
    static final Claim ROUND_TRIP = Claim.check("tokens-round-trip",
            "The tokeniser round-trips the raster: every current window rebuilt from its (ID, Δt) tokens equals "
                    + "the simulated spikes (mismatched bins = 0).")
            .criterion(Criterion.atMost(0), "ours: the tokens list every spike with its neuron and bin");

    /** The notes' windows: 20 past bins, 5 current bins. */
    static final int PAST_BINS = 20;
    static final int CURRENT_BINS = 5;
    /** AdamW, constant rate (the notes: 3e-4 over many more steps), small weight decay. */
    static final float LEARNING_RATE = 2e-3f;
    static final float WEIGHT_DECAY = 0.01f;
    /** Fraction of windows held out (the last ones in time) and the fraction of training labels for few-shot. */
    static final double TEST_FRACTION = 0.2;
    static final double LABEL_FRACTION = 0.1;

    /**
     * What differs between the profiles.
     *
     * @param windows current windows simulated per seed (train and test)
     * @param dim model width D
     * @param layers decoder blocks
     * @param heads attention heads
     * @param steps pretraining steps
     * @param batch windows per batch
     * @param fineTuneSteps few-shot fine-tuning steps (speed loss only)
     * @param seeds seeds; each draws a new circuit, spikes, initialisation and label subset
     */
    public record Setup(int windows, int dim, int layers, int heads, int steps, int batch, int fineTuneSteps,
            int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(2_000, 32, 1, 4, 250, 32, 60, 3)
                    : new Setup(12_000, 64, 2, 4, 1_500, 32, 150, 6);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%,d windows of %d × 10 ms per seed (%d%% held out); a Neuroformer with "
                    + "D = %d, %d block(s), %d heads, pretrained for %d steps of %d windows; few-shot "
                    + "fine-tuning for %d steps on %d%% of the training labels; %d seeds.", windows, CURRENT_BINS,
                    Math.round(100 * TEST_FRACTION), dim, layers, heads, steps, batch, fineTuneSteps,
                    Math.round(100 * LABEL_FRACTION), seeds));
        }

        int bins() {
            return PAST_BINS + windows * CURRENT_BINS;
        }

        Neuroformer model() {
            return Neuroformer.builder().setNeurons(NEURONS).setWindows(PAST_BINS, CURRENT_BINS).optDim(dim)
                    .optLayers(layers).optHeads(heads).build();
        }
    }

    /** What the pretraining step leaves for the next two: per seed. */
    private float[][][] pretrained;
    private double[][][] attention;
    private double[][][] truth;

    /** Declares the steps and the claims each decides. */
    public NeuroformerReproduction() {
        super(Setup::of);
        step("circuit", "The simulated Hawkes circuit and its spike tokens", this::circuit, DENSITY, ROUND_TRIP);
        step("pretraining", "Generative pretraining on spike tokens against the unigram and rate models",
                this::pretraining, VS_UNIGRAM, VS_RATE);
        step("connectivity", "The circuit's coupling read from the cross-attention", this::connectivity,
                CONNECTIVITY);
        step("few-shot", "Few-shot speed decoding, pretrained vs from scratch", this::fewShot, PRETRAINING);
        onOneThread("pretraining");
        onOneThread("connectivity");
        onOneThread("few-shot");
    }

    @Override
    public PaperCard card() {
        return new PaperCard("neuroformer", 33,
                "Neuroformer: Multimodal and Multitask Generative Pretraining for Brain Data",
                List.of("Antonis Antoniades", "Yiyi Yu", "Joseph Canzano", "William Wang", "Spencer LaVere Smith"),
                2024, "ICLR", "2311.00136",
                "Neuroformer treats spikes as language: each spike in a short window becomes a token (its neuron "
                        + "ID and time bin), and a Transformer decoder, reading the previous window's spikes (and "
                        + "in the paper video frames and behaviour) through cross-attention, is pretrained to "
                        + "predict the next spike token. The paper claims the model predicts simulated circuit "
                        + "activity, that its attention reveals the circuit's directed connectivity, and that the "
                        + "pretrained model decodes behaviour from few labels better than training from scratch. "
                        + "We simulate a small Hawkes circuit with known coupling, a stimulus and a speed readout, "
                        + "and test the three claims over seeds with a tiny Neuroformer.");
    }

    @Override
    public List<String> standIns() {
        return List.of("A simulated discrete-time Hawkes (Poisson GLM) circuit of 20 neurons (15% of ordered "
                        + "pairs coupled, lags 1-3 bins of 10 ms, excitatory and inhibitory) driven by a "
                        + "one-dimensional sum of sinusoids stands in for the paper's simulated and two-photon "
                        + "recordings; speed is a smoothed readout of 5 neurons plus noise.",
                "No video frames and no contrastive (CLIP-style) alignment: the only context is the past window's "
                        + "spike tokens, embedded without self-attention and read by cross-attention; the "
                        + "stimulus reaches the model only through the spikes.",
                "The connectivity score is the cross-attention weight relative to uniform, averaged over the data "
                        + "per (target of the prediction, past source) pair; the paper's exact attribution may "
                        + "differ.",
                "AdamW at a constant 2e-3 on CPU, models of about 10^4 to 10^5 parameters.");
    }

    private static HawkesNetwork network(StepContext ctx, int seed) {
        return HawkesNetwork.builder().setNeurons(NEURONS).optDensity(COUPLING_DENSITY)
                .setSeed(ctx.seed("network/" + seed)).build();
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = from; i < to; i++) {
            r[i - from] = i;
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the circuit and its tokens.

    record RateRow(String quantity, double value) { }

    private void circuit(StepContext ctx, Setup s) {
        HawkesNetwork net = network(ctx, 0);
        HawkesNetwork.Simulation sim = net.simulate(s.bins(), ctx.seed("spikes/0"));
        SpikeTokens tokens = new SpikeTokens(NEURONS, PAST_BINS, CURRENT_BINS);
        SpikeTokens.Batch data = tokens.batch(sim.spikes(), tokens.starts(s.bins()));
        long mismatched = 0;
        long spikes = 0;
        for (int w = 0; w < data.size(); w++) {
            int[][] cur = data.current(w);
            spikes += cur[0].length;
            boolean[][] rebuilt = SpikeTokens.raster(cur[0], cur[1], CURRENT_BINS, NEURONS);
            for (int t = 0; t < CURRENT_BINS; t++) {
                if (!Arrays.equals(rebuilt[t], sim.spikes()[data.starts()[w] + t])) {
                    mismatched++;
                }
            }
        }
        double rate = Stats.mean(sim.spikesPerBin()) / 0.01;
        ctx.table("circuit", Tables.of("the simulated circuit (seed 1)", List.of(
                new RateRow("neurons", NEURONS),
                new RateRow("coupled ordered pairs", HawkesNetwork.edges(NEURONS, COUPLING_DENSITY)),
                new RateRow("mean firing rate (spikes/s)", rate),
                new RateRow("spikes per current window", (double) spikes / data.size()),
                new RateRow("longest current sequence (tokens, with SOS)", data.length()),
                new RateRow("longest past context (tokens)", data.pastLength()))));
        ctx.metric("mean firing rate (spikes/s)", rate);
        ctx.decide(DENSITY, Math.abs(net.couplingDensity() - COUPLING_DENSITY), String.format("measured %.4f, "
                + "configured %.2f", net.couplingDensity(), COUPLING_DENSITY));
        ctx.decide(ROUND_TRIP, mismatched, String.format("%,d windows, %,d spikes", data.size(), spikes));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: generative pretraining against the closed-form baselines.

    private record Seeded(HawkesNetwork net, HawkesNetwork.Simulation sim, SpikeTokens tokens, SpikeTokens.Batch data,
            int[] train, int[] test) { }

    private static Seeded data(StepContext ctx, Setup s, int seed) {
        HawkesNetwork net = network(ctx, seed);
        HawkesNetwork.Simulation sim = net.simulate(s.bins(), ctx.seed("spikes/" + seed));
        SpikeTokens tokens = new SpikeTokens(NEURONS, PAST_BINS, CURRENT_BINS);
        SpikeTokens.Batch data = tokens.batch(sim.spikes(), tokens.starts(s.bins()));
        int cut = (int) Math.round(data.size() * (1 - TEST_FRACTION));
        return new Seeded(net, sim, tokens, data, range(0, cut), range(cut, data.size()));
    }

    record CeRow(String model, double meanCrossEntropy, double sdOverSeeds, double ratioToUnigram) { }

    private void pretraining(StepContext ctx, Setup s) {
        double[][] ce = new double[3][s.seeds()];
        pretrained = new float[s.seeds()][][];
        attention = new double[s.seeds()][][];
        truth = new double[s.seeds()][][];
        double[] curve = new double[s.steps()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            Seeded d = data(ctx, s, seed);
            double[] p = new double[NEURONS];
            for (int t = PAST_BINS; t < d.data().starts()[d.test()[0]]; t++) {
                for (int i = 0; i < NEURONS; i++) {
                    p[i] += d.sim().spikes()[t][i] ? 1 : 0;
                }
            }
            double trainBins = d.data().starts()[d.test()[0]] - PAST_BINS;
            for (int i = 0; i < NEURONS; i++) {
                p[i] /= trainBins;
            }
            ce[1][seed] = TokenBaselines.unigramCrossEntropy(TokenBaselines.unigram(d.tokens(), d.data(), d.train()),
                    d.data(), d.test());
            ce[2][seed] = TokenBaselines.rateCrossEntropy(p, d.tokens(), d.data(), d.test());
            try (NDManager m = ctx.manager().newSubManager()) {
                Engines.seed(ctx.seed("init/" + seed));
                Neuroformer model = s.model();
                NeuroformerTraining.Result r = NeuroformerTraining.builder().setSteps(s.steps()).setBatchSize(s.batch())
                        .optAdamW(LEARNING_RATE, WEIGHT_DECAY).setSeed(ctx.seed("batches/" + seed)).build()
                        .fit(model, d.data(), d.train(), null, m);
                for (int k = 0; k < s.steps(); k++) {
                    curve[k] += r.loss()[k] / s.seeds();
                }
                ce[0][seed] = NeuroformerTraining.idCrossEntropy(model, d.data(), d.test(), m);
                pretrained[seed] = NeuroformerTraining.weights(model);
                attention[seed] = NeuroformerTraining.attentionCoupling(model, d.data(), d.test(), NEURONS, m);
                truth[seed] = d.net().coupling();
            }
            ctx.log(String.format("seed %d, next-ID cross-entropy: Neuroformer %.4f, unigram %.4f, rate %.4f",
                    seed + 1, ce[0][seed], ce[1][seed], ce[2][seed]));
        }
        String[] names = {"Neuroformer", "unigram", "rate"};
        List<CeRow> rows = new ArrayList<>();
        Map<String, double[]> bars = new LinkedHashMap<>();
        for (int k = 0; k < 3; k++) {
            rows.add(new CeRow(names[k], Stats.mean(ce[k]), Stats.sd(ce[k]), Stats.mean(ce[k]) / Stats.mean(ce[1])));
            bars.put(names[k], ce[k]);
        }
        ctx.table("cross-entropy", Tables.of("held-out next-ID cross-entropy (nats per token), " + s.seeds()
                + " seeds", rows));
        ctx.chart("training-loss", NeuroformerFigures.trainingLoss("Pretraining loss, CE(ID) + CE(Δt), mean over "
                + "seeds", Map.of("Neuroformer", curve)));
        ctx.chart("cross-entropy", NeuroformerFigures.crossEntropy(bars));
        ctx.note("The rate model already knows each neuron's rate, the token order and where the window ends; the "
                + "Neuroformer gains on it only by learning the coupling and the stimulus-driven co-fluctuations "
                + "from the spikes, which takes many more steps than the unigram frequencies.");
        ctx.decide(VS_UNIGRAM, Estimate.pairedRatio(ce[0], ce[1]), String.format("Neuroformer %.4f / unigram %.4f "
                + "nats per token", Stats.mean(ce[0]), Stats.mean(ce[1])));
        ctx.decide(VS_RATE, Estimate.pairedDifference(ce[2], ce[0]), String.format("rate %.4f − Neuroformer %.4f "
                + "nats per token", Stats.mean(ce[2]), Stats.mean(ce[0])));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 3: connectivity from attention.

    private void connectivity(StepContext ctx, Setup s) {
        if (attention == null) {
            throw new IllegalStateException("run the pretraining step first");
        }
        double[] auroc = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            List<Double> scores = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            for (int i = 0; i < NEURONS; i++) {
                for (int j = 0; j < NEURONS; j++) {
                    if (i != j) {
                        scores.add(attention[seed][i][j]);
                        labels.add(truth[seed][i][j] != 0);
                    }
                }
            }
            boolean[] y = new boolean[labels.size()];
            for (int k = 0; k < y.length; k++) {
                y[k] = labels.get(k);
            }
            auroc[seed] = Roc.auroc(scores.stream().mapToDouble(Double::doubleValue).toArray(), y);
            ctx.log(String.format("seed %d, AUROC %.3f", seed + 1, auroc[seed]));
        }
        ctx.chart("coupling", NeuroformerFigures.coupling(truth[0], attention[0]));
        ctx.table("auroc", Tables.matrix("AUROC of the attention coupling against the true coupling", "score",
                List.of("AUROC"), seedNames(s.seeds()), new double[][] {auroc}));
        ctx.decide(CONNECTIVITY, Estimate.mean(auroc), "AUROC over the " + NEURONS * (NEURONS - 1) + " ordered "
                + "pairs, coupled (excitatory or inhibitory) vs not, attention on held-out windows");
    }

    private static List<String> seedNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("seed " + i);
        }
        return names;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 4: few-shot speed decoding.

    private void fewShot(StepContext ctx, Setup s) {
        if (pretrained == null) {
            throw new IllegalStateException("run the pretraining step first");
        }
        double[][] r = new double[2][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            Seeded d = data(ctx, s, seed);
            double[] speed = new double[d.data().size()];
            for (int w = 0; w < speed.length; w++) {
                speed[w] = d.sim().speed()[d.data().starts()[w] + CURRENT_BINS - 1];
            }
            SplittableRandom rng = ctx.random("labels/" + seed);
            int[] shuffled = d.train().clone();
            for (int k = shuffled.length - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                int tmp = shuffled[k];
                shuffled[k] = shuffled[j];
                shuffled[j] = tmp;
            }
            int[] labelled = Arrays.copyOf(shuffled, (int) Math.round(LABEL_FRACTION * shuffled.length));
            double[] known = new double[labelled.length];
            for (int k = 0; k < labelled.length; k++) {
                known[k] = speed[labelled[k]];
            }
            double mean = Stats.mean(known);
            double sd = Stats.sd(known);
            double[] z = new double[speed.length];
            double[] truthTest = new double[d.test().length];
            for (int w = 0; w < speed.length; w++) {
                z[w] = (speed[w] - mean) / sd;
            }
            for (int k = 0; k < truthTest.length; k++) {
                truthTest[k] = speed[d.test()[k]];
            }
            for (int k = 0; k < 2; k++) {
                try (NDManager m = ctx.manager().newSubManager()) {
                    Engines.seed(ctx.seed("init/" + seed));
                    Neuroformer model = s.model();
                    NeuroformerTraining.initialize(model, d.data(), m);
                    if (k == 0) {
                        NeuroformerTraining.load(model, pretrained[seed]);
                    }
                    NeuroformerTraining.builder().setSteps(s.fineTuneSteps()).setBatchSize(s.batch())
                            .optAdamW(LEARNING_RATE, WEIGHT_DECAY).optLossWeights(0, 1)
                            .setSeed(ctx.seed("fine-tune/" + seed)).build().fit(model, d.data(), labelled, z, m);
                    r[k][seed] = Correlation.pearson(NeuroformerTraining.speed(model, d.data(), d.test(), m),
                            truthTest);
                }
            }
            ctx.log(String.format("seed %d, held-out Pearson r: pretrained %.3f, from scratch %.3f", seed + 1,
                    r[0][seed], r[1][seed]));
        }
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("pretrained + fine-tuned", r[0]);
        bars.put("from scratch", r[1]);
        ctx.chart("few-shot", NeuroformerFigures.fewShot(bars));
        ctx.metric("few-shot r, pretrained (mean over seeds)", Stats.mean(r[0]));
        ctx.metric("few-shot r, from scratch (mean over seeds)", Stats.mean(r[1]));
        ctx.decide(PRETRAINING, Estimate.pairedDifference(r[0], r[1]), String.format("r pretrained %.3f − from "
                + "scratch %.3f, %d%% of training labels", Stats.mean(r[0]), Stats.mean(r[1]),
                Math.round(100 * LABEL_FRACTION)));
    }
}
