package org.reprolab.reproductions.bitbudget;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.bitbudget.BitBudget;
import org.reprolab.papers.bitbudget.BitBudget.Config;
import org.reprolab.papers.bitbudget.BitBudgetFigures;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.spiking.DeepSpikingMlp;
import org.reprolab.spiking.MultiLevelIf;
import org.reprolab.train.History;
import org.reprolab.train.TrainingLoop;

/**
 * Shen et al. (2024): the IF neuron as a quantiser, then spiking MLPs on Fashion-MNIST over a grid of weight bits,
 * spike bits and time steps at fixed bit budgets: multi-bit spikes in one step against binary spikes over several
 * steps at equal budget, paired by seed, and the bit-budget energy estimate against synaptic-operation counts.
 */
public final class BitBudgetReproduction extends PaperReproduction<BitBudgetReproduction.Setup> {

    static final String ABSTRACT = "Shen et al. (2024), abstract (arXiv 2311.10802; the body was not reachable to us)";

    static final Claim QUANTISER = Claim.check("if-quantiser",
            "An IF neuron with b_s-bit spikes and reset by subtraction, driven by a constant current I for T steps, "
                    + "emits exactly clip(⌊T I/θ⌋, 0, T(2^{b_s} − 1)) spike units: a uniform quantiser (largest "
                    + "|simulated − closed form| over random currents and (b_s, T) pairs).")
            .criterion(Criterion.atMost(0), "ours: reset by subtraction keeps the residual in [0, θ)")
            .reference(Reference.noNumber(ABSTRACT + " (time steps of binary spikes and multi-bit activations are "
                    + "analogous representations)"));
    static final Claim B8 = Claim.claim("multibit-beats-binary-b8",
            "At bit budget B = 8 with ternary weights (b_w = 2), 4-bit spikes in one step are at least as accurate "
                    + "as binary spikes over four steps: acc(2, 4, 1) − acc(2, 1, 4) ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: the abstract advises spending bits on spike patterns and weights "
                    + "rather than on time steps")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds()
            .revised("≥ −0.005 (notes: at least as good, with half a point of slack)",
                    "the paper says multi-bit spikes with fewer steps are the better use of the budget, so the claim "
                            + "is their difference ≥ 0, decided over seeds");
    static final Claim B16 = Claim.claim("multibit-beats-binary-b16",
            "At B = 16 with 4-bit weights, 4-bit spikes in one step are at least as accurate as binary spikes over "
                    + "four steps: acc(4, 4, 1) − acc(4, 1, 4) ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: as for B = 8")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds()
            .revised("≥ −0.005 (notes)", "as for B = 8");
    static final Claim ENERGY = Claim.claim("energy-multibit-vs-binary",
            "At B = 8 the multi-bit configuration also costs no more energy: the bit-budget estimate (synaptic "
                    + "operations × b_w × b_s) of binary spikes over four steps divided by that of 4-bit spikes in "
                    + "one step is at least 1, paired by seed.")
            .criterion(Criterion.atLeast(1), "ours: the abstract's point that time steps, not only spikes, cost "
                    + "energy (no number given)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim WITHIN = Claim.check("energy-within-budget",
            "The measured bit-operations of every trained configuration are at most its bit budget (every synapse "
                    + "used at every step with full-width spikes): largest measured / budget over configurations and "
                    + "seeds.")
            .criterion(Criterion.atMost(1), "ours: a spike slot is used at most once")
            .reference(Reference.noNumber(ABSTRACT));

    /** The four configurations the claims compare. */
    static final Config MULTI8 = new Config(2, 4, 1);
    static final Config BINARY8 = new Config(2, 1, 4);
    static final Config MULTI16 = new Config(4, 4, 1);
    static final Config BINARY16 = new Config(4, 1, 4);
    static final float THRESHOLD = 1f;
    static final float LEARNING_RATE = 1e-3f;
    static final int BATCH = 128;

    /**
     * What differs between the profiles.
     *
     * @param train training images per seed (a fresh random subset per seed)
     * @param test test images per seed (a fresh random subset per seed)
     * @param hidden hidden width of the one-hidden-layer spiking MLP
     * @param epochs epochs per configuration
     * @param seeds seeds; every configuration trains once per seed from the same initial weights
     * @param spikeBits spike bits b_s of the grid
     * @param steps time steps T of the grid
     * @param budgets the budgets B = b_w · b_s · T kept from the grid (b_w ∈ {2, 4, 8})
     */
    public record Setup(int train, int test, int hidden, int epochs, int seeds, int[] spikeBits, int[] steps,
            int[] budgets) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(3_000, 1_000, 128, 2, 3, new int[] {1, 4}, new int[] {1, 4},
                    new int[] {8, 16})
                    : new Setup(12_000, 2_000, 256, 3, 5, new int[] {1, 2, 4}, new int[] {1, 2, 4, 8},
                            new int[] {8, 16});
        }

        /** The configurations trained: the grid restricted to the budgets. */
        public List<Config> configs() {
            return BitBudget.grid(new int[] {2, 4, 8}, spikeBits, steps, budgets);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("A 784-%d-10 spiking MLP; %,d training and %,d test images drawn afresh for "
                    + "each of %d seeds; %d epochs per configuration; %d configurations: b_s in %s, T in %s, b_w in "
                    + "{2, 4, 8}, budgets %s.", hidden, train, test, seeds, epochs, configs().size(),
                    java.util.Arrays.toString(spikeBits), java.util.Arrays.toString(steps),
                    java.util.Arrays.toString(budgets)));
        }
    }

    /** Declares the steps and the claims each decides. */
    public BitBudgetReproduction() {
        super(Setup::of);
        step("quantiser", "The IF neuron as a uniform quantiser", this::quantiser, QUANTISER);
        step("grid", "Spiking MLPs over a grid of (b_w, b_s, T) at fixed bit budgets, over seeds", this::grid,
                B8, B16, ENERGY, WITHIN);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("bit-budget", 29,
                "Is Conventional SNN Really Efficient? A Perspective from Network Quantization",
                List.of("Guobin Shen", "Dongcheng Zhao", "Tenglong Li", "Jindong Li", "Yi Zeng"), 2024, "CVPR",
                "2311.10802",
                "T time steps of binary spikes carry about as much as one log₂(T+1)-bit number, so a spiking network "
                        + "is a quantised network whose cost grows with the time steps. The paper proposes the bit "
                        + "budget, b_w · b_s · T bits per synapse and inference, to compare spiking networks with "
                        + "quantised ones, and advises spending the bits on weights and multi-bit spike patterns "
                        + "rather than on time steps. We check the quantiser view exactly, train spiking MLPs on "
                        + "Fashion-MNIST over a grid of weight bits, spike bits and time steps at fixed budgets, "
                        + "compare multi-bit spikes in one step with binary spikes over four steps paired by seed, "
                        + "and set the bit-budget energy estimate against synaptic-operation counts.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Only the abstract was reachable: the multi-level IF neuron (s = clip(⌊v/θ⌋, 0, L), "
                        + "L = 2^{b_s} − 1, reset by subtraction, straight-through gradient; in the networks θ = 1/L "
                        + "and a spike carries s·θ, so every b_s covers currents in [0, 1] per step), the symmetric "
                        + "per-layer b_w-bit "
                        + "weights (straight-through) and the cost b_w · b_s per synaptic operation are our "
                        + "reconstructions.",
                "A one-hidden-layer MLP on Fashion-MNIST pixels in [0, 1] fed directly as input current at every step "
                        + "(no CIFAR, ImageNet or neuromorphic data, no convolutions); Adam at 1e-3, batch 128.",
                "Energy is the bit-operation count (synaptic operations × b_w × b_s over the spiking layers), not a "
                        + "hardware measurement.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the quantiser, simulated against its closed form.

    record QuantiserRow(int spikeBits, int steps, int levels, long currents, long largestDeviation) { }

    private void quantiser(StepContext ctx, Setup s) {
        SplittableRandom rng = ctx.random("currents");
        int n = 2_000;
        List<QuantiserRow> rows = new ArrayList<>();
        long worst = 0;
        for (int[] bt : new int[][] {{1, 4}, {1, 8}, {2, 2}, {4, 1}, {4, 4}}) {
            MultiLevelIf neuron = MultiLevelIf.of(bt[0], THRESHOLD);
            float[] current = new float[n];
            for (int i = 0; i < n; i++) {
                current[i] = (float) (rng.nextDouble() * 1.2 * neuron.levels() - 0.1 * neuron.levels());
            }
            long deviation = 0;
            try (NDManager m = ctx.manager().newSubManager()) {
                NDArray in = m.create(current, new Shape(n, 1, 1)).repeat(1, bt[1]);           // (n, T, 1)
                float[] counts = neuron.fire(in).sum(new int[] {1, 2}).toFloatArray();
                for (int i = 0; i < n; i++) {
                    long exact = MultiLevelIf.spikeCount(current[i], bt[1], THRESHOLD, neuron.levels());
                    deviation = Math.max(deviation, Math.abs(exact - Math.round(counts[i])));
                }
            }
            worst = Math.max(worst, deviation);
            rows.add(new QuantiserRow(bt[0], bt[1], bt[1] * neuron.levels() + 1, n, deviation));
        }
        ctx.table("quantiser", Tables.of("IF spike counts against clip(⌊T I/θ⌋, 0, T L)", rows));
        ctx.chart("staircase", BitBudgetFigures.staircase("Spike units of an IF neuron against a constant current",
                new int[][] {{1, 4}, {2, 2}, {4, 1}}));
        ctx.decide(QUANTISER, worst, "largest |simulated − closed-form| spike count, " + rows.size() + " × " + n
                + " currents");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: the grid, every configuration once per seed.

    record ConfigRow(String config, int budget, int levels, double meanAccuracy, double sdOverSeeds,
            double synOpsPerExample, double bitOpsPerExample, double bitBudgetPerExample) { }

    private void grid(StepContext ctx, Setup s) {
        List<Config> configs = s.configs();
        double[][] acc = new double[configs.size()][s.seeds()];
        double[][] syn = new double[configs.size()][s.seeds()];
        double[][] bits = new double[configs.size()][s.seeds()];
        double[][] dense = new double[configs.size()][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = FashionMnist.train().sample(s.train(), ctx.random("train-subset/" + seed));
            LabeledData test = FashionMnist.test().sample(s.test(), ctx.random("test-subset/" + seed));
            for (int k = 0; k < configs.size(); k++) {
                Config c = configs.get(k);
                try (NDManager m = ctx.manager().newSubManager()) {
                    Engines.seed(ctx.seed("init/" + seed));                 // same initial weights for every config
                    DeepSpikingMlp net = c.network(new int[] {s.hidden()}, 10);
                    net.initialize(m, DataType.FLOAT32, new Shape(BATCH, train.features()));
                    History h = TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH)
                            .optAdam(LEARNING_RATE).optShuffleSeed(ctx.seed("shuffle/" + seed))
                            .optName(c.label() + " (seed " + (seed + 1) + ")").build().fit(net, train, test, m);
                    BitBudget.Cost cost = BitBudget.cost(net, c, test, m);
                    acc[k][seed] = h.finalTestAccuracy();
                    syn[k][seed] = cost.synapticOps();
                    bits[k][seed] = cost.bitOps();
                    dense[k][seed] = cost.denseBitOps();
                }
            }
        }
        List<ConfigRow> rows = new ArrayList<>();
        double[] meanAcc = new double[configs.size()];
        double[] meanSyn = new double[configs.size()];
        double[] meanBits = new double[configs.size()];
        double worst = 0;
        for (int k = 0; k < configs.size(); k++) {
            Config c = configs.get(k);
            meanAcc[k] = Stats.mean(acc[k]);
            meanSyn[k] = Stats.mean(syn[k]);
            meanBits[k] = Stats.mean(bits[k]);
            for (int seed = 0; seed < s.seeds(); seed++) {
                worst = Math.max(worst, bits[k][seed] / dense[k][seed]);
            }
            rows.add(new ConfigRow(c.label(), c.budget(), c.steps() * ((1 << c.spikeBits()) - 1) + 1, meanAcc[k],
                    Stats.sd(acc[k]), meanSyn[k], meanBits[k], Stats.mean(dense[k])));
        }
        ctx.table("configurations", Tables.of("Fashion-MNIST test accuracy and cost per configuration, " + s.seeds()
                + " seeds", rows));
        ctx.chart("accuracy-by-budget", BitBudgetFigures.accuracyByBudget("Test accuracy against bit budget (mean "
                + "over seeds)", configs, meanAcc));
        ctx.chart("energy-vs-synops", BitBudgetFigures.energyVsSynOps("Bit-budget energy against SynOps (mean "
                + "over seeds)", configs, meanSyn, meanBits));
        decidePair(ctx, B8, configs, acc, MULTI8, BINARY8);
        decidePair(ctx, B16, configs, acc, MULTI16, BINARY16);
        int multi = configs.indexOf(MULTI8);
        int binary = configs.indexOf(BINARY8);
        ctx.decide(ENERGY, Estimate.pairedRatio(bits[binary], bits[multi]), String.format("bit-operations per "
                + "example: %s %.0f, %s %.0f (SynOps %.0f and %.0f)", BINARY8.label(), meanBits[binary],
                MULTI8.label(), meanBits[multi], meanSyn[binary], meanSyn[multi]));
        ctx.decide(WITHIN, worst, "largest measured bit-operations / bit budget");
    }

    private static void decidePair(StepContext ctx, Claim claim, List<Config> configs, double[][] acc, Config a,
            Config b) {
        int i = configs.indexOf(a);
        int j = configs.indexOf(b);
        ctx.decide(claim, Estimate.pairedDifference(acc[i], acc[j]), String.format("%s %.4f − %s %.4f", a.label(),
                Stats.mean(acc[i]), b.label(), Stats.mean(acc[j])));
    }
}
