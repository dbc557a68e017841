package org.reprolab.reproductions.dopamine;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.data.LabeledData;
import org.reprolab.data.MnistDigits;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.dopamine.DopamineFigures;
import org.reprolab.papers.dopamine.ModeNets;
import org.reprolab.papers.dopamine.Rotation;
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
 * Ghasemlou (2026): a foundation MLP trained on upright and 45°-rotated MNIST digits, frozen, then specialised to
 * the rotated mode by per-neuron thresholds and gains (a smooth gate, hardened at inference) or by LoRA, paired by
 * seed against the frozen network.
 */
public final class DopamineReproduction extends PaperReproduction<DopamineReproduction.Setup> {

    static final String PAPER = "Ghasemlou (2026), arXiv 2602.11726 (abstract and summaries; the body was not "
            + "reachable to us)";

    static final Claim GATE_VS_FROZEN = Claim.claim("gate-vs-frozen",
            "Specialised to the rotated mode, the hardened gate beats the frozen foundation on rotated test digits: "
                    + "gated − frozen ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: across seeds, accuracy on the rotated mode beats the frozen "
                    + "baseline (no number)")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();
    static final Claim FEWER_PARAMETERS = Claim.check("fewer-parameters-than-lora",
            "The gate trains far fewer numbers than LoRA on the same frozen network: gate / LoRA-rank-4 trainable "
                    + "parameters ≤ 1/5.")
            .criterion(Criterion.atMost(0.2), "notes: TauGate uses at most 1/5 of LoRA's trainable parameters; by "
                    + "construction 2 per hidden unit against 4·(in + out) per layer")
            .reference(Reference.noNumber(PAPER + " (\"a few hundred per layer\")"));
    static final Claim MINORITY_ACTIVE = Claim.claim("minority-active",
            "Gating is partially sparse: on rotated test digits, less than half of the hidden units' hardened gates "
                    + "are open (h > τ), on average over units and digits.")
            .criterion(Criterion.below(0.5), "paper: sparsity is partial, a minority of units strongly active; "
                    + "notes: the share of gates open on rotated inputs < 50%")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();

    /** The rotated mode, LoRA's rank and the smooth gate's temperature (both profiles). */
    static final double DEGREES = 45;
    static final int LORA_RANK = 4;
    static final float TEMPERATURE = 0.1f;
    static final float LEARNING_RATE = 5e-3f;
    static final int BATCH = 64;
    static final List<String> METHODS = List.of("frozen", "gate (hardened)", "LoRA r=" + LORA_RANK);

    /**
     * What differs between the profiles.
     *
     * @param train training digits per seed (a fresh subset per seed; half of them rotated for the foundation, all
     *     rotated for the specialisation)
     * @param test test digits per seed, shown upright and rotated
     * @param hidden hidden widths of the foundation MLP
     * @param foundationEpochs epochs of the foundation on the mixed modes
     * @param adaptEpochs epochs of the gate and of LoRA on the rotated mode
     * @param seeds seeds
     */
    public record Setup(int train, int test, int[] hidden, int foundationEpochs, int adaptEpochs, int seeds)
            implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(3_000, 1_000, new int[] {128, 128}, 3, 2, 3)
                    : new Setup(8_000, 2_000, new int[] {256, 256}, 5, 4, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("MLP with hidden layers %s; %,d training and %,d test digits drawn afresh for "
                    + "each of %d seeds; the foundation trains %d epochs on the mix, the gate and LoRA %d epochs on "
                    + "the rotated mode.", Arrays.toString(hidden), train, test, seeds, foundationEpochs, adaptEpochs));
        }
    }

    /** Declares the steps and the claims each decides. */
    public DopamineReproduction() {
        super(Setup::of);
        step("modes", "Foundation on both modes, then the gate and LoRA on the rotated mode, over seeds",
                this::modes, GATE_VS_FROZEN, FEWER_PARAMETERS, MINORITY_ACTIVE);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("dopamine", 9, "Dopamine: brain modes, not brains", List.of("Ghasemlou"), 2026, "arXiv",
                "2602.11726",
                "Instead of fine-tuning weights, a frozen network is switched into a new mode by learning only a "
                        + "threshold τ and a gain g per neuron: each hidden unit's pre-activation h passes through "
                        + "g·σ((h − τ)/T)·h in training and g·𝟙[h > τ]·h at inference, explicit conditional "
                        + "computation with two numbers per unit. The paper specialises an MLP trained on upright and "
                        + "45°-rotated MNIST to the rotated mode, reports it beating the frozen network across seeds "
                        + "with far fewer trainable parameters than LoRA (LoRA more accurate), and a minority of units "
                        + "strongly active. We run that protocol on 10,000 MNIST digits.");
    }

    @Override
    public List<String> standIns() {
        return List.of("MNIST is the 10,000-digit set; the 45° rotation is bilinear, in code. Gate and LoRA train with "
                + "Adam at " + LEARNING_RATE + ", batch " + BATCH + ", temperature T = " + TEMPERATURE
                + " (the paper's schedule and temperature annealing are not known to us); LoRA rank " + LORA_RANK
                + ". IA³ and bias-tuning baselines are not run.");
    }

    record AccuracyRow(String method, long trainable, double upright, double rotated) { }

    private void modes(StepContext ctx, Setup s) {
        double[][] rotated = new double[METHODS.size()][s.seeds()];
        double[][] upright = new double[METHODS.size()][s.seeds()];
        double[] open = new double[s.seeds()];
        long[] trainable = new long[METHODS.size()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData.Split split = MnistDigits.all().sample(s.train() + s.test(), ctx.random("subset/" + seed))
                    .split((double) s.test() / (s.train() + s.test()), ctx.random("split/" + seed));
            LabeledData rotTrain = Rotation.rotate(split.train(), DEGREES);
            LabeledData mixed = Rotation.rotate(split.train(), DEGREES, split.train().size() / 2);
            List<LabeledData> tests = List.of(split.test(), Rotation.rotate(split.test(), DEGREES));
            try (NDManager m = ctx.manager().newSubManager()) {
                Engines.seed(ctx.seed("init/" + seed));
                SequentialBlock base = ModeNets.foundation(s.hidden());
                fit(base, mixed, s.foundationEpochs(), ctx.seed("shuffle/" + seed), m);
                List<SequentialBlock> nets = List.of(base, ModeNets.gated(base, TEMPERATURE, m, mixed.features()),
                        ModeNets.lora(base, LORA_RANK, m, mixed.features()));
                for (int k = 1; k < nets.size(); k++) {
                    fit(nets.get(k), rotTrain, s.adaptEpochs(), ctx.seed("adapt-shuffle/" + seed), m);
                }
                for (int k = 0; k < nets.size(); k++) {
                    upright[k][seed] = TrainingLoop.accuracy(nets.get(k), tests.get(0), m);
                    rotated[k][seed] = TrainingLoop.accuracy(nets.get(k), tests.get(1), m);
                    trainable[k] = k == 0 ? 0 : ModeNets.trainableParameters(nets.get(k));
                }
                open[seed] = ModeNets.openFraction(nets.get(1), tests.get(1), m);
            }
        }
        List<AccuracyRow> rows = new ArrayList<>();
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        bars.put("upright", new ArrayList<>());
        bars.put("rotated " + (int) DEGREES + "°", new ArrayList<>());
        for (int k = 0; k < METHODS.size(); k++) {
            rows.add(new AccuracyRow(METHODS.get(k), trainable[k], Stats.mean(upright[k]), Stats.mean(rotated[k])));
            bars.get("upright").add(Stats.mean(upright[k]));
            bars.get("rotated " + (int) DEGREES + "°").add(Stats.mean(rotated[k]));
        }
        ctx.table("accuracy", Tables.of("mean test accuracy over " + s.seeds() + " seeds, and trainable parameters",
                rows));
        ctx.chart("accuracy", DopamineFigures.accuracy(METHODS, bars));
        ctx.decide(GATE_VS_FROZEN, Estimate.pairedDifference(rotated[1], rotated[0]),
                "hardened gate − frozen foundation, rotated test accuracy");
        ctx.decide(FEWER_PARAMETERS, (double) trainable[1] / trainable[2], trainable[1] + " gate parameters / "
                + trainable[2] + " LoRA parameters");
        ctx.decide(MINORITY_ACTIVE, Estimate.mean(open), "share of hidden units with an open hardened gate on rotated "
                + "test digits");
    }

    private static void fit(SequentialBlock net, LabeledData train, int epochs, long shuffle, NDManager m) {
        TrainingLoop.builder().setEpochs(epochs).setBatchSize(BATCH).optAdam(LEARNING_RATE).optShuffleSeed(shuffle)
                .build().fit(net, train, null, m);
    }
}
