package org.reprolab.reproductions.proact;

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
import org.reprolab.engine.Interrupts;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.proact.BitFlips;
import org.reprolab.papers.proact.ClippedMlp;
import org.reprolab.papers.proact.ClippedMlp.Clipping;
import org.reprolab.papers.proact.ClippedRelu;
import org.reprolab.papers.proact.ProAct;
import org.reprolab.papers.proact.ProActFigures;
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
 * Mousavi et al. (2024): one trained MLP on Fashion-MNIST, its ReLUs replaced by layer-wise clips trained jointly,
 * neuron-wise clips, or HyReLU trained progressively (ProAct), then random bit flips in the stored weights at
 * increasing bit error rates; accuracies compared paired by seed and fault pattern.
 */
public final class ProactReproduction extends PaperReproduction<ProactReproduction.Setup> {

    static final String ABSTRACT = "Mousavi et al. (2024), abstract (arXiv 2406.06313)";

    static final Claim MEMORY = Claim.check("threshold-memory",
            "HyReLU stores at least 10 times fewer thresholds than neuron-wise clipping of every hidden layer.")
            .criterion(Criterion.atLeast(10), "paper: 10.5× to 134× less memory overhead than neuron-wise clipping")
            .reference(Reference.of(10.5, "10.5× to 134× (AlexNet, VGG-16, ResNet-50)", ABSTRACT));
    static final Claim VS_RELU = Claim.claim("vs-relu",
            "At a high bit error rate, HyReLU + ProAct keeps accuracy far above the unclipped ReLU network: its "
                    + "accuracy is at least twice ReLU's (geometric mean of the ratio, paired by seed and faults).")
            .criterion(Criterion.atLeast(2), "ours: 'far above' read as at least twice; the paper's 6.4× is its best "
                    + "case on CIFAR CNNs")
            .reference(Reference.of(6.4, "up to 6.4× resilience", ABSTRACT))
            .overSeeds();
    static final Claim VS_LAYER = Claim.claim("vs-layerwise-joint",
            "At a high bit error rate, HyReLU + ProAct is at least as accurate as layer-wise clipping with all "
                    + "thresholds trained jointly: HyReLU − layer-wise ≥ 0, paired by seed and faults.")
            .criterion(Criterion.atLeast(0), "paper: layer-wise clipping cannot preserve resilience at high BER, and "
                    + "training all thresholds at once is sub-optimal")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim VS_NEURON = Claim.claim("vs-neuronwise",
            "At a high bit error rate, HyReLU + ProAct comes within 2 points of neuron-wise clipping in every hidden "
                    + "layer (a parity claim): HyReLU − neuron-wise ≥ −0.02, paired by seed and faults.")
            .criterion(Criterion.atLeast(-0.02), "notes: within 2 points; the paper: neuron-wise clipping is not "
                    + "needed in every layer")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim CLEAN = Claim.claim("clean-accuracy",
            "Without faults, HyReLU + ProAct costs at most 1 point of accuracy against the unclipped network: "
                    + "HyReLU − ReLU ≥ −0.01, paired by seed.")
            .criterion(Criterion.atLeast(-0.01), "notes: clean accuracy drop ≤ 1 point")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();

    /** The four schemes, in the order of tables and charts. */
    static final List<Clipping> SCHEMES = List.of(Clipping.NONE, Clipping.LAYER, Clipping.NEURON, Clipping.HYBRID);
    static final List<String> NAMES = List.of("ReLU (unclipped)", "layer-wise, joint", "neuron-wise, joint",
            "HyReLU + ProAct");
    static final int OUTPUTS = 10;
    static final float LEARNING_RATE = 1e-3f;
    static final int BATCH = 128;

    /**
     * What differs between the profiles.
     *
     * @param train training images per seed (a fresh subset per seed)
     * @param test test images per seed (a fresh subset per seed)
     * @param hidden hidden widths
     * @param epochs epochs of the ReLU network's training
     * @param epochsPerLayer threshold-training epochs per hidden layer (ProAct), and times the layers for joint
     * @param bers the bit error rates swept
     * @param trials fault-injection trials per bit error rate and seed
     * @param seeds seeds
     */
    public record Setup(int train, int test, int[] hidden, int epochs, int epochsPerLayer, double[] bers, int trials,
            int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK
                    ? new Setup(4_000, 1_000, new int[] {128, 128, 16}, 3, 1, new double[] {1e-6, 1e-5, 1e-4}, 6, 3)
                    : new Setup(10_000, 2_000, new int[] {256, 256, 32}, 4, 1,
                            new double[] {1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4}, 10, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("MLP 784-%s-10; %,d training and %,d test images drawn afresh for each of "
                    + "%d seeds; %d epochs of Adam for the weights, %d epoch(s) per layer for the thresholds; bit "
                            + "error "
                    + "rates %s, %d fault-injection trials each.",
                    String.join("-", Arrays.stream(hidden).mapToObj(Integer::toString).toList()), train, test, seeds,
                    epochs, epochsPerLayer, Arrays.toString(bers), trials));
        }
    }

    /** Declares the steps and the claims each decides. */
    public ProactReproduction() {
        super(Setup::of);
        step("thresholds", "Clipped ReLUs and what their thresholds cost in memory", this::thresholds, MEMORY);
        step("faults", "Bit flips in the weights: accuracy against the bit error rate, over seeds", this::faults,
                VS_RELU, VS_LAYER, VS_NEURON, CLEAN);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("proact", 1,
                "ProAct: Progressive training for hybrid clipped activation function to enhance resilience of DNNs",
                List.of("Seyedhamidreza Mousavi", "Mohammad Hasan Ahmadilivani", "Jaan Raik", "Maksim Jenihhin",
                        "Masoud Daneshtalab"), 2024, "arXiv", "2406.06313",
                "A bit flip in a stored weight (an exponent bit turns 0.05 into about 10³⁷) can wreck a network's "
                        + "output; "
                        + "clipping the activations at a threshold bounds how far it propagates. The paper clips "
                        + "layer-wise in every hidden layer but the last, neuron-wise there (HyReLU), and trains the "
                        + "thresholds one layer at a time by distillation from the unclipped network (ProAct). It "
                        + "reports up to 6.4× resilience at high bit error rates and 10.5-134× less memory than "
                        + "neuron-wise clipping on CIFAR CNNs. We train an MLP on Fashion-MNIST, derive the four "
                        + "activation schemes from the same weights, and flip bits in the weights at increasing "
                        + "rates.");
    }

    @Override
    public List<String> standIns() {
        return List.of("An MLP on Fashion-MNIST instead of AlexNet, VGG-16 and ResNet-50 on CIFAR-10/100; its last "
                        + "hidden layer is narrow (an eighth of the others), which sets the threshold-memory ratio "
                                + "of an MLP.",
                String.format("The distillation loss (τ = %s), the threshold penalty λ·mean(T²) (λ = %s), Adam at %s "
                        + "for the thresholds, and the calibration at the activation maxima are our reconstructions; "
                        + "the neuron-wise baseline is trained jointly (FitAct-style) with the same loss.",
                        ProAct.TEMPERATURE, ProAct.PENALTY, ProAct.LEARNING_RATE),
                "Faults flip each bit of the stored float32 weights and biases independently (the thresholds are not "
                        + "faulted); the same fault pattern hits every scheme in a trial. The claims are decided at "
                        + "the lowest bit error rate of the sweep where the ReLU network's mean accuracy falls below "
                        + "half its clean accuracy (ReLU alone decides it; the highest rate if it never does).");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the activation and the threshold counts.

    record CountRow(String scheme, long thresholds, double neuronWiseOver) { }

    private void thresholds(StepContext ctx, Setup s) {
        long neuron = Clipping.NEURON.thresholds(s.hidden());
        List<CountRow> rows = new ArrayList<>();
        for (int k = 0; k < SCHEMES.size(); k++) {
            SequentialBlock net = network(s, SCHEMES.get(k));
            net.initialize(ctx.manager(), DataType.FLOAT32, new Shape(1, FashionMnist.SIDE * FashionMnist.SIDE));
            long n = ClippedMlp.thresholdCount(net);
            rows.add(new CountRow(NAMES.get(k), n, n == 0 ? Double.NaN : (double) neuron / n));
        }
        ctx.table("threshold-counts", Tables.of("thresholds stored per scheme", rows));
        double ratio = (double) neuron / Clipping.HYBRID.thresholds(s.hidden());
        ctx.metric("neuron-wise / HyReLU thresholds", ratio);
        ctx.decide(MEMORY, ratio, String.format("%d neuron-wise thresholds / %d for HyReLU", neuron,
                Clipping.HYBRID.thresholds(s.hidden())));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: faults.

    /** One seed: clean accuracy and mean accuracy under faults per BER, per scheme; thresholds' tightness. */
    private record SeedRun(double[] clean, double[][] faulted, double[][] tightness) { }

    record BerRow(double ber, double meanFlips, double relu, double layerWise, double neuronWise, double hyRelu) { }

    private void faults(StepContext ctx, Setup s) {
        List<SeedRun> runs = new ArrayList<>();
        double[] flips = new double[s.bers().length];
        for (int seed = 0; seed < s.seeds(); seed++) {
            runs.add(seed(ctx, s, seed, flips));
        }
        int schemes = SCHEMES.size();
        double[][] clean = new double[schemes][s.seeds()];
        double[][][] faulted = new double[schemes][s.bers().length][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            for (int k = 0; k < schemes; k++) {
                clean[k][seed] = runs.get(seed).clean()[k];
                for (int b = 0; b < s.bers().length; b++) {
                    faulted[k][b][seed] = runs.get(seed).faulted()[k][b];
                }
            }
        }
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (int k = 0; k < schemes; k++) {
            double[] mean = new double[s.bers().length];
            for (int b = 0; b < mean.length; b++) {
                mean[b] = Stats.mean(faulted[k][b]);
            }
            curves.put(NAMES.get(k), mean);
        }
        List<BerRow> rows = new ArrayList<>();
        for (int b = 0; b < s.bers().length; b++) {
            rows.add(new BerRow(s.bers()[b], flips[b] / (s.seeds() * s.trials()), curves.get(NAMES.get(0))[b],
                    curves.get(NAMES.get(1))[b], curves.get(NAMES.get(2))[b], curves.get(NAMES.get(3))[b]));
        }
        ctx.table("accuracy-vs-ber", Tables.of("mean test accuracy under faults (seeds × trials)", rows));
        ctx.chart("accuracy-vs-ber", ProActFigures.accuracyVsBer(s.bers(), curves));
        Map<String, double[]> tight = new LinkedHashMap<>();
        for (int k = 1; k < schemes; k++) {
            double[] t = new double[s.hidden().length];
            for (SeedRun r : runs) {
                for (int l = 0; l < t.length; l++) {
                    t[l] += r.tightness()[k][l] / s.seeds();
                }
            }
            tight.put(NAMES.get(k), t);
        }
        List<String> layers = new ArrayList<>();
        for (int l = 1; l <= s.hidden().length; l++) {
            layers.add("hidden " + l);
        }
        ctx.chart("thresholds", ProActFigures.thresholds(layers, tight));
        ctx.table("clean-accuracy", Tables.matrix("clean test accuracy per seed", "scheme", NAMES, seedLabels(s),
                clean));

        double cleanRelu = Stats.mean(clean[0]);
        int at = s.bers().length - 1;
        for (int b = 0; b < s.bers().length; b++) {
            if (curves.get(NAMES.get(0))[b] < cleanRelu / 2) {
                at = b;
                break;
            }
        }
        double ber = s.bers()[at];
        ctx.metric("decision bit error rate", ber);
        for (int k = 0; k < schemes; k++) {
            ctx.metric(NAMES.get(k) + ": clean accuracy", Stats.mean(clean[k]));
            ctx.metric(NAMES.get(k) + ": accuracy at the decision BER", curves.get(NAMES.get(k))[at]);
        }
        String where = String.format(" at BER %.0e", ber);
        ctx.decide(VS_RELU, Estimate.pairedRatio(faulted[3][at], faulted[0][at]), String.format(
                "HyReLU %.4f / ReLU %.4f%s", Stats.mean(faulted[3][at]), Stats.mean(faulted[0][at]), where));
        ctx.decide(VS_LAYER, Estimate.pairedDifference(faulted[3][at], faulted[1][at]), String.format(
                "HyReLU %.4f − layer-wise %.4f%s", Stats.mean(faulted[3][at]), Stats.mean(faulted[1][at]), where));
        ctx.decide(VS_NEURON, Estimate.pairedDifference(faulted[3][at], faulted[2][at]), String.format(
                "HyReLU %.4f − neuron-wise %.4f%s", Stats.mean(faulted[3][at]), Stats.mean(faulted[2][at]), where));
        ctx.decide(CLEAN, Estimate.pairedDifference(clean[3], clean[0]), String.format(
                "HyReLU %.4f − ReLU %.4f without faults", Stats.mean(clean[3]), Stats.mean(clean[0])));
    }

    private SeedRun seed(StepContext ctx, Setup s, int seed, double[] flips) {
        LabeledData train = FashionMnist.train().sample(s.train(), ctx.random("train-subset/" + seed));
        LabeledData test = FashionMnist.test().sample(s.test(), ctx.random("test-subset/" + seed));
        int schemes = SCHEMES.size();
        try (NDManager m = ctx.manager().newSubManager()) {
            Engines.seed(ctx.seed("init/" + seed));
            SequentialBlock relu = network(s, Clipping.NONE);
            TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optAdam(LEARNING_RATE)
                    .optShuffleSeed(ctx.seed("shuffle/" + seed)).optName("ReLU MLP (seed " + (seed + 1) + ")")
                    .build().fit(relu, train, null, m);
            float[] maxima = ProAct.layerMaxima(relu, train, m);
            List<SequentialBlock> nets = new ArrayList<>(List.of(relu));
            double[][] tightness = new double[schemes][];
            for (int k = 1; k < schemes; k++) {
                SequentialBlock net = network(s, SCHEMES.get(k));
                net.initialize(m, DataType.FLOAT32, new Shape(1, train.features()));
                ClippedMlp.copyWeights(relu, net);
                ProAct.calibrate(net, train, m);
                ProAct trainer = ProAct.builder().setTeacher(relu).setEpochsPerLayer(s.epochsPerLayer())
                        .optShuffleSeed(ctx.seed("thresholds/" + seed)).build();
                if (SCHEMES.get(k) == Clipping.HYBRID) {
                    trainer.trainProgressive(net, train, m);
                } else {
                    trainer.trainJoint(net, train, m);
                }
                List<ClippedRelu> clips = ClippedMlp.clips(net);
                tightness[k] = new double[clips.size()];
                for (int l = 0; l < clips.size(); l++) {
                    float[] t = clips.get(l).thresholds();
                    tightness[k][l] = Stats.mean(toDouble(t)) / maxima[l];
                }
                nets.add(net);
            }
            double[] clean = new double[schemes];
            double[][] faulted = new double[schemes][s.bers().length];
            for (int k = 0; k < schemes; k++) {
                clean[k] = TrainingLoop.accuracy(nets.get(k), test, m);
            }
            for (int b = 0; b < s.bers().length; b++) {
                for (int trial = 0; trial < s.trials(); trial++) {
                    Interrupts.check();
                    String label = "faults/" + seed + "/" + b + "/" + trial;
                    for (int k = 0; k < schemes; k++) {
                        // The same fault pattern for every scheme: the weights are the same.
                        BitFlips.Injection inj = BitFlips.inject(ClippedMlp.weights(nets.get(k)), s.bers()[b],
                                ctx.random(label));
                        faulted[k][b] += TrainingLoop.accuracy(nets.get(k), test, m) / s.trials();
                        inj.restore();
                        if (k == 0) {
                            flips[b] += inj.flips();
                        }
                    }
                }
            }
            ctx.log(String.format("seed %d: clean %s; at BER %.0e %s; thresholds / max %s %s %s", seed + 1,
                    fmt(clean), s.bers()[s.bers().length - 1], fmt(Arrays.stream(faulted)
                            .mapToDouble(f -> f[f.length - 1]).toArray()), fmt(tightness[1]), fmt(tightness[2]),
                    fmt(tightness[3])));
            return new SeedRun(clean, faulted, tightness);
        }
    }

    static SequentialBlock network(Setup s, Clipping c) {
        return ClippedMlp.builder().setHidden(s.hidden()).setOutputs(OUTPUTS).optClipping(c).build();
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static String fmt(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format("%.3f", x)).toList().toString();
    }

    private static List<String> seedLabels(Setup s) {
        List<String> out = new ArrayList<>();
        for (int seed = 1; seed <= s.seeds(); seed++) {
            out.add("seed " + seed);
        }
        return out;
    }
}
