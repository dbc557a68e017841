package org.reprolab.reproductions.eisnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.eisnn.EiSnn;
import org.reprolab.papers.eisnn.EiSnn.Kind;
import org.reprolab.papers.eisnn.EiSnn.LayerCurrents;
import org.reprolab.papers.eisnn.EiSnnFigures;
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
import org.reprolab.train.History;
import org.reprolab.train.TrainingLoop;

/**
 * Liu, Ding and Yu (2026): the currents of a deep E-I spiking MLP after E-I Init (checks), and the depth-8 E-I
 * network without normalisation against the same network with batch normalisation and with none, trained on
 * Fashion-MNIST and compared paired by seed (claims).
 */
public final class EiSnnReproduction extends PaperReproduction<EiSnnReproduction.Setup> {

    static final String PAPER = "Liu, Ding & Yu (2026)";
    static final String ABSTRACT = PAPER + ", abstract (arXiv 2509.23253)";
    static final String CARDS = PAPER + ", repository model cards (vwOvOwv/DeepEISNN), CIFAR-10, T = 4";

    static final Claim INIT_BALANCE = Claim.claim("init-balance",
            "After E-I Init the inhibitory drive cancels the excitatory one on average: in every hidden layer, "
                    + "|mean I_bal| ≤ 0.1 · sd I_bal on a fresh batch (the worst layer of each seed's network, "
                    + "over seeds).")
            .criterion(Criterion.atMost(0.1), "notes: |mean| < 0.1·std; the paper's init sets E[W_EE x] = "
                    + "E[W_EI W_IE x] (W_EI = 1/n_I, W_EE and W_IE from one distribution)")
            .reference(Reference.noNumber(PAPER + ", E-I Init (balanced initialisation)"))
            .overSeeds();
    static final Claim INIT_SCALE = Claim.check("init-scale",
            "After E-I Init the integrated current has unit scale at every depth: its sd lies in [0.3, 3] in every "
                    + "hidden layer (the layer furthest from 1, over seeds).")
            .criterion(Criterion.between(0.3, 3), "notes: the std of the integrated current is O(1) (0.3–3) at every "
                    + "layer; the shunting gain g_I divides I_bal by about √Var x by construction (Eq. 54)")
            .reference(Reference.noNumber(PAPER + ", Eq. 54 (g_I)"));
    static final Claim VS_BN = Claim.claim("ei-vs-bn",
            "The depth-8 E-I network without normalisation reaches the accuracy of the same network with batch "
                    + "normalisation on Fashion-MNIST: E-I − BN ≥ −2 points, paired by seed. A non-inferiority "
                    + "margin, because the paper's point is parity: normalisation is unnecessary.")
            .criterion(Criterion.atLeast(-2), "notes: EI-SNN ≥ BN-SNN − 2 pp; the paper reports performance "
                    + "competitive with normalised SNNs without any normalisation")
            .reference(Reference.of(92.06, "CIFAR-10, ResNet-18: 92.06 % without normalisation (not reproducible "
                    + "here)", CARDS))
            .overSeeds();
    static final Claim VS_PLAIN = Claim.claim("ei-vs-plain",
            "The depth-8 E-I network clearly beats the same-depth network with neither normalisation nor E-I "
                    + "circuits (Kaiming initialisation): E-I − plain ≥ 5 points, paired by seed.")
            .criterion(Criterion.atLeast(5), "notes: EI-SNN ≥ plain no-norm SNN + 5 pp at depth 8; the paper: deep "
                    + "SNNs without normalisation train unstably")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();

    /** The paper's MLP of depth 8 (7 hidden layers and the output layer). */
    static final int[] PAPER_WIDTHS = {500, 500, 300, 300, 300, 100, 100};
    static final int BATCH = 128;
    static final float LEARNING_RATE = 0.05f;
    static final float MOMENTUM = 0.9f;
    static final int PROBE = 256;

    /**
     * What differs between the profiles.
     *
     * @param train Fashion-MNIST training images per seed (a fresh subset per seed)
     * @param test test images per seed (a fresh subset per seed)
     * @param epochs training epochs
     * @param seeds seeds; the three networks train once per seed on the same data
     * @param steps time steps T
     * @param widthFactor hidden widths as a fraction of the paper's 500-500-300-300-300-100-100
     */
    public record Setup(int train, int test, int epochs, int seeds, int steps, double widthFactor)
            implements Settings {

        static Setup of(Profile p) {
            // full: 6 seeds, as 3 left two claims undecided
            return p == Profile.QUICK ? new Setup(2_000, 1_000, 2, 3, 2, 0.4) : new Setup(6_000, 2_000, 3, 6, 4, 1);
        }

        /** The hidden widths. */
        public int[] widths() {
            return Arrays.stream(PAPER_WIDTHS).map(w -> (int) Math.round(w * widthFactor)).toArray();
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Fashion-MNIST: %,d training and %,d test images per seed (fresh subsets), "
                    + "%d epochs (the paper trains 300 on CIFAR), %d seeds, T = %d, hidden widths %s.", train, test,
                    epochs, seeds, steps, Arrays.toString(widths())));
        }
    }

    /** Declares the steps and the claims each decides. */
    public EiSnnReproduction() {
        super(Setup::of);
        step("ei-init", "E-I Init: balanced, unit-scale currents at every depth", this::eiInit, INIT_BALANCE,
                INIT_SCALE);
        step("fashion-mnist", "Depth-8 spiking MLPs on Fashion-MNIST: E-I vs BN vs plain, over seeds",
                this::fashionMnist, VS_BN, VS_PLAIN);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("ei-snn", 12, "Deep normalization-free spiking neural networks with lateral inhibition",
                List.of("Peiyu Liu", "Jianhao Ding", "Zhaofei Yu"), 2026, "ICLR", "2509.23253",
                "Deep spiking networks usually need batch normalisation, which has no counterpart in the brain. The "
                        + "paper replaces it by excitatory and inhibitory populations with Dale's law: inhibitory "
                        + "units subtract the mean of the excitatory drive and divide by its scale (lateral "
                        + "inhibition), an initialisation (E-I Init) sets the weights from the input's moments so "
                        + "that the currents start balanced and of unit scale, and E-I Prop keeps training stable. "
                        + "It reports normalisation-free deep SNNs competitive with normalised ones (CIFAR-10 "
                        + "ResNet-18 92.06 %). We measure the currents after E-I Init at every depth and train a "
                        + "depth-8 spiking MLP on Fashion-MNIST with E-I layers, with batch normalisation and with "
                        + "neither, paired by seed.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Fashion-MNIST and the repository's depth-8 MLP stand in for CIFAR-10, CIFAR-100, DVS and "
                        + "the VGG/ResNet networks; the paper's CIFAR numbers are not reproducible here.",
                "Training: SGD with momentum 0.9, lr 0.05, batch 128, no weight decay or schedule, for all three "
                        + "networks (the paper: SGD with momentum, lr 0.002, weight decay 5e-4, cosine schedule, 300 "
                        + "epochs); a few epochs instead of hundreds.",
                "LIF neurons of our shared package: leak 0.5 (τ = 2), threshold 1, sigmoid surrogate α = 4, reset to 0 "
                        + "(the paper's code resets by subtraction); images enter as currents at every step.");
    }

    private static LabeledData subset(LabeledData all, int n, SplittableRandom rng) {
        return n >= all.size() ? all : all.sample(n, rng);
    }

    /** A network of {@code kind} for seed {@code seed}, initialised (E-I Init from {@code first} for E-I). */
    private static DeepSpikingMlp network(StepContext ctx, Setup s, Kind kind, int seed, NDArray first) {
        Engines.seed(ctx.seed("init/" + seed));
        DeepSpikingMlp net = EiSnn.network(kind, s.widths(), 10, s.steps());
        net.initialize(ctx.manager(), DataType.FLOAT32, new Shape(BATCH, first.getShape().get(1)));
        if (kind == Kind.EI) {
            EiSnn.eiInit(net, first);
        }
        return net;
    }

    // ---------------------------------------------------------------------------------------------------
    // Step 1: the currents after initialisation.

    private void eiInit(StepContext ctx, Setup s) {
        LabeledData train = FashionMnist.train();
        double[] imbalance = new double[s.seeds()];
        double worstScale = 1;
        Map<String, List<LayerCurrents>> firstSeed = new LinkedHashMap<>();
        List<LayerCurrents> rows = new ArrayList<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData batches = train.sample(2 * PROBE, ctx.random("probe/" + seed));
            NDArray first = batches.head(PROBE).featuresNd(ctx.manager());
            NDArray fresh = batches.select(IntStream.range(PROBE, 2 * PROBE).toArray()).featuresNd(ctx.manager());
            for (Kind kind : new Kind[] {Kind.EI, Kind.PLAIN}) {     // BN in inference mode at init is the plain net
                List<LayerCurrents> c = EiSnn.currents(network(ctx, s, kind, seed, first), fresh);
                if (seed == 0) {
                    firstSeed.put(kind.label(), c);
                }
                if (kind == Kind.EI) {
                    rows.addAll(c);
                    for (LayerCurrents l : c) {
                        imbalance[seed] = Math.max(imbalance[seed], l.imbalance());
                        worstScale = Math.abs(Math.log(l.currentSd())) > Math.abs(Math.log(worstScale))
                                ? l.currentSd() : worstScale;
                    }
                }
            }
        }
        ctx.table("ei-currents", Tables.of("E-I network: currents per hidden layer after E-I Init (all seeds)", rows));
        ctx.chart("current-spread", EiSnnFigures.byLayer("Spread of the integrated current at initialisation (seed 1)",
                "sd of the layer's current", firstSeed, LayerCurrents::currentSd, true));
        ctx.chart("spike-rate", EiSnnFigures.byLayer("Spike rate at initialisation (seed 1)", "spikes per neuron "
                + "per step", firstSeed, LayerCurrents::spikeRate, false));
        ctx.decide(INIT_BALANCE, Estimate.mean(imbalance), String.format("worst-layer |mean I_bal| / sd I_bal per "
                + "seed: %s (hidden widths %s)", Arrays.toString(Arrays.stream(imbalance).map(v -> Math.round(v * 1e4)
                / 1e4).toArray()), Arrays.toString(s.widths())));
        ctx.decide(INIT_SCALE, worstScale, String.format("sd of the integrated current furthest from 1: %.3f (%d "
                + "layers × %d seeds)", worstScale, s.widths().length, s.seeds()));
    }

    // ---------------------------------------------------------------------------------------------------
    // Step 2: the three networks trained once per seed on the same data.

    private void fashionMnist(StepContext ctx, Setup s) {
        LabeledData train = FashionMnist.train();
        LabeledData test = FashionMnist.test();
        Map<Kind, double[]> accuracy = new LinkedHashMap<>();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            accuracy.put(kind, new double[s.seeds()]);
            curves.put(kind.label(), new double[s.epochs()]);
        }
        record Run(int seed, String network, double testAccuracy, double seconds) { }
        List<Run> runs = new ArrayList<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData tr = subset(train, s.train(), ctx.random("train-subset/" + seed));
            LabeledData te = subset(test, s.test(), ctx.random("test-subset/" + seed));
            NDArray first = tr.head(BATCH).featuresNd(ctx.manager());
            for (Kind kind : Kind.values()) {
                DeepSpikingMlp net = network(ctx, s, kind, seed, first);
                History h = TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optSgd(LEARNING_RATE,
                        MOMENTUM)
                        .optShuffleSeed(ctx.seed("shuffle/" + seed)).optName(kind.label() + ", seed " + (seed + 1))
                        .optOnBatch((e, step, x, y) -> EiSnn.clampWeights(net))
                        .build().fit(net, tr, te, ctx.manager());
                double[] acc = h.testAccuracy();
                accuracy.get(kind)[seed] = 100 * acc[acc.length - 1];
                for (int e = 0; e < acc.length; e++) {
                    curves.get(kind.label())[e] += acc[e] / s.seeds();
                }
                runs.add(new Run(seed + 1, kind.label(), 100 * acc[acc.length - 1], h.seconds()));
                ctx.log(String.format("seed %d %s: %.2f %% in %.1f s", seed + 1, kind.label(),
                        100 * acc[acc.length - 1], h.seconds()));
            }
        }
        for (Kind kind : Kind.values()) {
            ctx.metric(kind.label() + " accuracy (%)", Stats.mean(accuracy.get(kind)));
        }
        ctx.table("accuracy-per-seed", Tables.of("Last-epoch test accuracy (%) per seed", runs));
        ctx.chart("test-accuracy", EiSnnFigures.accuracyPerEpoch("Depth-8 spiking MLPs on Fashion-MNIST (mean over "
                + "seeds)", curves));
        Map<String, Estimate> diffs = new LinkedHashMap<>();
        diffs.put("E-I − BN", Estimate.pairedDifference(accuracy.get(Kind.EI), accuracy.get(Kind.BN)));
        diffs.put("E-I − plain", Estimate.pairedDifference(accuracy.get(Kind.EI), accuracy.get(Kind.PLAIN)));
        ctx.chart("paired-differences", EiSnnFigures.differences("Fashion-MNIST, depth 8: paired differences", diffs));
        ctx.decide(VS_BN, diffs.get("E-I − BN"), versus(accuracy, Kind.EI, Kind.BN));
        ctx.decide(VS_PLAIN, diffs.get("E-I − plain"), versus(accuracy, Kind.EI, Kind.PLAIN));
    }

    private static String versus(Map<Kind, double[]> accuracy, Kind a, Kind b) {
        return String.format("%s %.2f %% − %s %.2f %% (means over seeds)", a.label(), Stats.mean(accuracy.get(a)),
                b.label(), Stats.mean(accuracy.get(b)));
    }
}
