package org.reprolab.reproductions.elmneuron;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.operators.OperatorNets;
import org.reprolab.papers.elmneuron.DelayedRecall;
import org.reprolab.papers.elmneuron.ElmNeuron;
import org.reprolab.papers.elmneuron.ElmNeuronFigures;
import org.reprolab.papers.elmneuron.LstmClassifier;
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
import org.reprolab.train.TrainingLoop;

/**
 * Spieler et al. (2024): the Expressive Leaky Memory neuron on a delayed-recall task with a controllable delay;
 * the same neuron with its slowest timescale cut (the paper's mechanism), and LSTMs of several widths for the
 * parameter count at equal accuracy, all paired by seed.
 */
public final class ElmNeuronReproduction extends PaperReproduction<ElmNeuronReproduction.Setup> {

    static final String ABSTRACT = "Spieler et al. (2024), abstract (arXiv 2306.16922)";
    static final String REPO = "AaronSpieler/elmneuron, README (NeuronIO table)";

    static final Claim SOLVES = Claim.claim("long-memory-solves",
            "With its slowest timescale well beyond the delay (τ_max = 1000), the ELM neuron solves delayed recall: "
                    + "test accuracy at least 0.9 (chance 1/K), mean over seeds.")
            .criterion(Criterion.atLeast(0.9), "notes: the adding task counts as solved at MSE ≤ 0.05 against 0.167 "
                    + "for the mean; ours: the same reading (most of the gap to perfect closed) for K-way recall")
            .reference(Reference.noNumber(ABSTRACT + ": slowly decaying memory solves long-horizon tasks"))
            .overSeeds();
    static final Claim CUT_FAILS = Claim.claim("cut-timescale-fails",
            "Cutting the slowest timescale (τ_max = 2, far below the delay) makes the same neuron fail: accuracy "
                    + "with τ_max = 1000 − with the cut neuron > 0, paired by seed.")
            .criterion(Criterion.above(0), "notes: the ablation of τ_max is the paper's mechanism (ELM with "
                    + "τ_max = 2 fails where τ_max = 1000 solves)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim FEWER_PARAMETERS = Claim.claim("fewer-parameters-than-lstm",
            "At equal accuracy the ELM needs far fewer parameters than an LSTM: the smallest LSTM of the grid that "
                    + "reaches the ELM's accuracy (within 0.02, same seed) has at least twice the ELM's trainable "
                    + "parameters (mean ratio over seeds; where no LSTM of the grid reaches it, the largest one's "
                    + "count, a lower bound).")
            .criterion(Criterion.atLeast(2), "ours: \"far fewer\" read as at most half; the paper's own comparison "
                    + "(under 10k parameters against a multi-million-parameter TCN on NeuronIO) is not transferable")
            .reference(Reference.of(8002, "Branch-ELM with d_m = 20: 8,002 parameters for AUC 0.9922 on NeuronIO",
                    REPO))
            .overSeeds();
    static final Claim BOUND = Claim.check("timescale-bound",
            "The cut neuron's learned timescales stay at most τ_max = 2 (τ = τ_min + (τ_max − τ_min)·σ(θ)): "
                    + "largest learned τ over seeds.")
            .criterion(Criterion.atMost(2), "ours: the parametrisation bounds τ");
    static final Claim COUNT = Claim.check("parameter-count",
            "The ELM's and the LSTMs' counted trainable parameters equal their closed forms: largest |counted − "
                    + "closed form|.")
            .criterion(Criterion.atMost(0), "ours: the closed forms in ElmNeuron and LstmClassifier");

    static final int SYMBOLS = 4;
    static final double DISTRACTORS = 0.5;
    static final double TAU_LONG = 1000;
    static final double TAU_CUT = 2;
    static final double EQUAL = 0.02;
    static final int BATCH = 32;

    /**
     * What differs between the profiles.
     *
     * @param delay steps between the cue and the answer
     * @param train training sequences per seed (drawn afresh per seed)
     * @param test test sequences per seed (drawn afresh per seed)
     * @param memory the ELM's memory units d_m
     * @param lstmUnits the LSTM widths of the grid
     * @param epochs epochs per model
     * @param learningRate Adam's learning rate for every model
     * @param seeds seeds; every model trains once per seed
     */
    public record Setup(int delay, int train, int test, int memory, int[] lstmUnits, int epochs, float learningRate,
            int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(16, 1_000, 400, 8, new int[] {4, 16}, 4, 1e-2f, 3)
                    // Sized by CPU time: 2,000 sequences x 8 epochs took 3 CPU-minutes, so the full profile trains on
                    // twice the sequences for 12 epochs.
                    : new Setup(50, 4_000, 1_000, 16, new int[] {4, 8, 16, 32}, 12, 1e-2f, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Delay D = %d steps; %,d training and %,d test sequences drawn afresh for "
                    + "each of %d seeds; ELM with d_m = %d memory units; LSTM widths %s; %d epochs of Adam at %s, "
                    + "batch %d.", delay, train, test, seeds, memory, Arrays.toString(lstmUnits), epochs,
                    learningRate, BATCH));
        }
    }

    /** Declares the steps and the claims each decides. */
    public ElmNeuronReproduction() {
        super(Setup::of);
        step("delayed-recall", "Delayed recall: ELM with long and cut timescales, and LSTMs, over seeds",
                this::delayedRecall, SOLVES, CUT_FAILS, FEWER_PARAMETERS, BOUND, COUNT);
    }

    @Override
    public List<String> standIns() {
        return List.of("A synthetic delayed-recall task (ours): a marked cue of K = " + SYMBOLS + " symbols, then "
                        + "unmarked distractors with probability " + DISTRACTORS + " per step, answer after the "
                        + "delay; it stands in for the paper's NeuronIO, SHD-Adding and Long Range Arena tasks, "
                        + "which are not available here.",
                "The ELM is the paper's v1 neuron (one synaptic trace per input, no dendritic branches) with "
                        + "learnable timescales τ ∈ [1, τ_max] and the reference code's constants (τ_s = 5, λ = 5, "
                        + "1.7159·tanh(2x/3)); the LSTM is PyTorch's one-layer LSTM; both read out the last step.");
    }

    record ModelRow(String model, long parameters, double meanAccuracy, double sdOverSeeds,
            @Column("seconds / run") double seconds) { }

    record Run(double accuracy, long parameters, double seconds, double maxTau) { }

    private void delayedRecall(StepContext ctx, Setup s) {
        List<String> names = new ArrayList<>(List.of("ELM τ_max = 1000", "ELM τ_max = 2"));
        for (int h : s.lstmUnits()) {
            names.add("LSTM H = " + h);
        }
        Run[][] runs = new Run[names.size()][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = DelayedRecall.generate(s.train(), SYMBOLS, s.delay(), DISTRACTORS,
                    ctx.random("train/" + seed));
            LabeledData test = DelayedRecall.generate(s.test(), SYMBOLS, s.delay(), DISTRACTORS,
                    ctx.random("test/" + seed));
            StringBuilder line = new StringBuilder("seed " + (seed + 1) + ", test accuracy:");
            for (int k = 0; k < names.size(); k++) {
                runs[k][seed] = train(ctx, s, k, seed, train, test, names.get(k));
                line.append(String.format(" %s %.3f;", names.get(k), runs[k][seed].accuracy()));
            }
            ctx.log(line.toString());
        }
        double[][] acc = new double[names.size()][];
        List<ModelRow> rows = new ArrayList<>();
        Map<String, double[]> points = new LinkedHashMap<>();
        long countError = 0;
        for (int k = 0; k < names.size(); k++) {
            acc[k] = Arrays.stream(runs[k]).mapToDouble(Run::accuracy).toArray();
            long counted = runs[k][0].parameters();
            long closed = k < 2 ? ElmNeuron.parameterCount(DelayedRecall.channels(SYMBOLS), s.memory(), SYMBOLS, true)
                    : LstmClassifier.parameterCount(DelayedRecall.channels(SYMBOLS), s.lstmUnits()[k - 2], SYMBOLS);
            countError = Math.max(countError, Math.abs(counted - closed));
            rows.add(new ModelRow(names.get(k), counted, Stats.mean(acc[k]), Stats.sd(acc[k]),
                    Arrays.stream(runs[k]).mapToDouble(Run::seconds).average().orElse(Double.NaN)));
            points.put(names.get(k), new double[] {counted, Stats.mean(acc[k]), Stats.sd(acc[k])});
        }
        ctx.table("models", Tables.of("delayed recall, D = " + s.delay() + ": test accuracy over " + s.seeds()
                + " seeds", rows));
        ctx.table("accuracy-per-seed", Tables.matrix("test accuracy per seed", "model", names,
                seedNames(s.seeds()), acc));
        ctx.chart("accuracy-vs-parameters", ElmNeuronFigures.accuracyVsParameters(points, 1.0 / SYMBOLS));
        double longTau = Stats.max(Arrays.stream(runs[0]).mapToDouble(Run::maxTau).toArray());
        double cutTau = Stats.max(Arrays.stream(runs[1]).mapToDouble(Run::maxTau).toArray());
        ctx.chart("retention", ElmNeuronFigures.retention(s.delay(), longTau, cutTau));

        double[] ratio = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            int k = 2;
            while (k < names.size() - 1 && acc[k][seed] < acc[0][seed] - EQUAL) {
                k++;
            }
            ratio[seed] = (double) runs[k][seed].parameters() / runs[0][seed].parameters();
            ctx.log(String.format("seed %d: ELM %.3f with %d parameters; matched by %s (%.3f, %d parameters)%s",
                    seed + 1, acc[0][seed], runs[0][seed].parameters(), names.get(k), acc[k][seed],
                    runs[k][seed].parameters(), acc[k][seed] < acc[0][seed] - EQUAL ? ", not reached: lower bound"
                            : ""));
        }
        ctx.decide(SOLVES, Estimate.mean(acc[0]), "ELM τ_max = 1000 test accuracy");
        ctx.decide(CUT_FAILS, Estimate.pairedDifference(acc[0], acc[1]), String.format(
                "τ_max = 1000 %.3f − cut %.3f (chance %.2f)", Stats.mean(acc[0]), Stats.mean(acc[1]), 1.0 / SYMBOLS));
        ctx.decide(FEWER_PARAMETERS, Estimate.mean(ratio), "parameters of the smallest LSTM at the ELM's accuracy "
                + "/ the ELM's");
        ctx.decide(BOUND, cutTau, "largest learned τ of the cut neuron");
        ctx.decide(COUNT, countError, "largest |counted − closed form| over the models");
    }

    private Run train(StepContext ctx, Setup s, int k, int seed, LabeledData train, LabeledData test, String name) {
        try (NDManager m = ctx.manager().newSubManager()) {
            Engines.seed(ctx.seed("init/" + k + "/" + seed));
            int c = DelayedRecall.channels(SYMBOLS);
            Block net = k < 2 ? ElmNeuron.builder().setInputs(c).setMemory(s.memory()).setOutputs(SYMBOLS)
                    .optTauMax(k == 0 ? TAU_LONG : TAU_CUT).optLearnableTimescales(true).build()
                    : new LstmClassifier(c, s.lstmUnits()[k - 2], SYMBOLS);
            net.initialize(m, DataType.FLOAT32, new Shape(BATCH, train.features()));
            var h = TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optAdam(s.learningRate())
                    .optShuffleSeed(ctx.seed("shuffle/" + seed)).optName(name + " (seed " + (seed + 1) + ")")
                    .build().fit(net, train, test, m);
            double maxTau = net instanceof ElmNeuron elm ? Stats.max(elm.timescales()) : Double.NaN;
            return new Run(h.finalTestAccuracy(), OperatorNets.parameters(net), h.seconds(), maxTau);
        }
    }

    private static List<String> seedNames(int n) {
        List<String> seeds = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            seeds.add("seed " + i);
        }
        return seeds;
    }

    @Override
    public PaperCard card() {
        return new PaperCard("elm-neuron", 26, "The Expressive Leaky Memory Neuron: an Efficient and Expressive "
                + "Phenomenological Neuron Model Can Solve Long-Horizon Tasks",
                List.of("Aaron Spieler", "Nasim Rahaman", "Georg Martius", "Bernhard Schölkopf", "Anna Levina"), 2024,
                "ICLR", "2306.16922",
                "The ELM neuron is a small phenomenological model of a cortical neuron: synaptic traces feed an MLP "
                        + "that writes, through a bounded update, into leaky memory units whose timescales range up "
                        + "to τ_max. The paper reports that it models a detailed cortical neuron (NeuronIO) with a "
                        + "few thousand parameters, and that slowly decaying memory lets it solve long-horizon tasks "
                        + "(Long Range Arena, Pathfinder-X). We build the neuron as a DJL block and train it on a "
                        + "delayed-recall task with a controllable delay: with long timescales, with τ_max cut far "
                        + "below the delay, and against LSTMs of several widths, counting parameters at equal "
                        + "accuracy, paired by seed.");
    }
}
