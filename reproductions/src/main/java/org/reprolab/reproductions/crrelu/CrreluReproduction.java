package org.reprolab.reproductions.crrelu;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.crrelu.CrRelu;
import org.reprolab.papers.crrelu.CrReluFigures;
import org.reprolab.papers.crrelu.EafoEntropy;
import org.reprolab.papers.crrelu.EafoEntropy.Curve;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * Sun et al. (2024): the entropy functional that EAFO corrects, computed for ReLU, GELU, SiLU and CRReLU, and
 * CRReLU against ReLU, GELU and SiLU in the same MLP on Fashion-MNIST, paired by seed.
 */
public final class CrreluReproduction extends PaperReproduction<CrreluReproduction.Setup> {

    static final String PAPER = "Sun et al. (2024), arXiv 2405.12954";

    /** The EAFO step whose effect the check computes: CRReLU's correction in the entropy-lowering direction. */
    static final double EAFO_STEP = -0.05;

    static final Claim EAFO = Claim.check("eafo-lowers-entropy",
            "One EAFO correction step from ReLU, ReLU + ε·x·e^(−x²/2) with ε = " + EAFO_STEP + " (the sign of the "
                    + "functional derivative), lowers the output entropy H₊ it targets: H₊ after − H₊ before < 0.")
            .criterion(Criterion.below(0), "ours: a first-order step against the functional derivative lowers the "
                    + "functional (by ε/(4√2) to first order)")
            .reference(Reference.noNumber(PAPER + ", Sections 3-4 (EAFO)"));
    static final Claim VS_GELU = Claim.claim("vs-gelu",
            "CRReLU is at least as accurate as GELU in the same network: CRReLU − GELU ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: CRReLU beats GELU and the other ReLU corrections on ViT, DeiT "
                    + "and TNT (CIFAR-10/100, ImageNet-1K)")
            .reference(Reference.noNumber(PAPER + ", Tables 1-2 (the numbers were not reachable to us)"))
            .overSeeds()
            .revised("≥ −0.005 (notes: GELU − 0.5 points)", "the paper claims CRReLU is better, so the claim is "
                    + "CRReLU ≥ GELU, decided over seeds");
    static final Claim VS_RELU = Claim.claim("vs-relu",
            "CRReLU is at least as accurate as ReLU in the same network: CRReLU − ReLU ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: CRReLU, a correction of ReLU, beats ReLU on vision transformers")
            .reference(Reference.noNumber(PAPER + ", Tables 1-2 (the numbers were not reachable to us)"))
            .overSeeds()
            .revised("≥ −0.003 (notes: ReLU − 0.3 points)", "the paper claims CRReLU is better, so the claim is "
                    + "CRReLU ≥ ReLU, decided over seeds");

    /** The activations compared, in the order of the tables; CRReLU last. */
    static final List<String> NAMES = List.of("ReLU", "GELU", "SiLU", "CRReLU");
    static final float LEARNING_RATE = 1e-3f;
    static final int BATCH = 128;

    /**
     * What differs between the profiles.
     *
     * @param train training images per seed (a fresh subset per seed)
     * @param test test images per seed (a fresh subset per seed)
     * @param width hidden units per layer
     * @param depth hidden layers
     * @param epochs epochs per model
     * @param seeds seeds; every activation trains once per seed
     */
    public record Setup(int train, int test, int width, int depth, int epochs, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(4_000, 2_000, 128, 2, 3, 4)
                    : new Setup(12_000, 5_000, 256, 2, 5, 6);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("MLP 784-%s-10 with Adam at %s, batch %d; %,d training and %,d test images "
                    + "drawn afresh for each of %d seeds; %d epochs.", String.join("-",
                            java.util.Collections.nCopies(depth, Integer.toString(width))), LEARNING_RATE, BATCH,
                    train, test, seeds, epochs));
        }
    }

    /** Declares the steps and the claims each decides. */
    public CrreluReproduction() {
        super(Setup::of);
        step("entropy", "The entropy functional of each activation, and one EAFO step from ReLU", this::entropy, EAFO);
        step("fashion-mnist", "CRReLU against ReLU, GELU and SiLU in the same MLP, over seeds", this::fashionMnist,
                VS_GELU, VS_RELU);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("crrelu", 8, "A method on searching better activation functions",
                List.of("Haoyuan Sun", "Zihao Wu", "Bo Xia", "Pu Chang", "Zibin Dong", "Yifu Yuan", "Yongzhe Chang",
                        "Xueqian Wang"), 2024, "arXiv", "2405.12954",
                "The paper ties an activation to the information entropy of what it outputs, proves that a worst "
                        + "activation exists under boundary conditions, and corrects an activation by a Taylor step of "
                        + "the entropy functional (EAFO). From ReLU this gives CRReLU, ReLU(x) + ε·x·exp(−x²/2) with a "
                        + "learnable ε, which it reports beating ReLU, GELU and other ReLU corrections on vision "
                        + "transformers (CIFAR-10/100, ImageNet-1K) and GELU in LLM fine-tuning. We compute the "
                        + "functional for each activation and compare the activations in one MLP on Fashion-MNIST.");
    }

    @Override
    public List<String> standIns() {
        return List.of("A small MLP on Fashion-MNIST instead of ViT, DeiT and TNT on CIFAR-10/100 and ImageNet-1K; "
                        + "no LLM fine-tuning.",
                "The entropy functional is our reading: the part from x > 0 of the output entropy of a standard "
                        + "normal pre-activation (ReLU's negative half is a point mass); ε starts at "
                        + CrRelu.EPSILON_INIT + " in every layer, as in the public code snippet the research notes "
                        + "found.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the functional.

    record EntropyRow(String activation, double entropy, double vsRelu) { }

    private void entropy(StepContext ctx, Setup s) {
        List<Curve> curves = List.of(Curve.relu(), Curve.gelu(), Curve.silu(), Curve.crRelu(CrRelu.EPSILON_INIT),
                Curve.crRelu(EAFO_STEP));
        double relu = Curve.relu().entropy();
        List<EntropyRow> rows = new ArrayList<>();
        for (Curve c : curves) {
            rows.add(new EntropyRow(c.name(), c.entropy(), c.entropy() - relu));
        }
        ctx.table("entropy", Tables.of("output entropy H₊ (nats) of a standard normal pre-activation, x > 0", rows));
        ctx.chart("activations", CrReluFigures.activations(curves.subList(0, 4)));
        ctx.chart("entropy-vs-epsilon", CrReluFigures.entropyVsEpsilon(0.5));
        double change = Curve.crRelu(EAFO_STEP).entropy() - relu;
        ctx.metric("H₊[ReLU]", relu);
        ctx.metric("first-order change ε/(4√2)", EafoEntropy.firstOrderChange(EAFO_STEP));
        ctx.decide(EAFO, change, String.format("H₊[ReLU + (%s)·x·e^(−x²/2)] − H₊[ReLU] by quadrature (first order: "
                + "%.3e)", EAFO_STEP, EafoEntropy.firstOrderChange(EAFO_STEP)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: training.

    record AccuracyRow(String activation, double meanAccuracy, double sdOverSeeds, double vsCrRelu) { }

    private void fashionMnist(StepContext ctx, Setup s) {
        double[][] acc = new double[NAMES.size()][s.seeds()];
        double[][] eps = new double[s.depth()][s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = FashionMnist.train().sample(s.train(), ctx.random("train-subset/" + seed));
            LabeledData test = FashionMnist.test().sample(s.test(), ctx.random("test-subset/" + seed));
            for (int k = 0; k < NAMES.size(); k++) {
                try (NDManager m = ctx.manager().newSubManager()) {
                    Engines.seed(ctx.seed("init/" + seed));               // the same initial weights for every k
                    SequentialBlock net = network(s, k);
                    acc[k][seed] = TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH)
                            .optAdam(LEARNING_RATE).optShuffleSeed(ctx.seed("shuffle/" + seed))
                            .optName(NAMES.get(k) + " (seed " + (seed + 1) + ")").build().fit(net, train, test, m)
                            .finalTestAccuracy();
                    if (k == NAMES.size() - 1) {
                        int l = 0;
                        for (var child : net.getChildren().values()) {
                            if (child instanceof CrRelu c) {
                                eps[l++][seed] = c.epsilon();
                            }
                        }
                    }
                }
            }
            final int sd = seed;
            ctx.log(String.format("seed %d: %s", seed + 1, Arrays.stream(acc).map(a -> String.format("%.4f", a[sd]))
                    .toList()));
        }
        int cr = NAMES.size() - 1;
        List<AccuracyRow> rows = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (int k = 0; k < NAMES.size(); k++) {
            rows.add(new AccuracyRow(NAMES.get(k), Stats.mean(acc[k]), Stats.sd(acc[k]),
                    Stats.mean(acc[cr]) - Stats.mean(acc[k])));
            means.add(Stats.mean(acc[k]));
        }
        ctx.table("accuracy", Tables.of("test accuracy after " + s.epochs() + " epochs, " + s.seeds() + " seeds",
                rows));
        List<String> seeds = new ArrayList<>();
        for (int seed = 1; seed <= s.seeds(); seed++) {
            seeds.add("seed " + seed);
        }
        ctx.table("accuracy-per-seed", Tables.matrix("test accuracy per seed", "activation", NAMES, seeds, acc));
        List<String> layers = new ArrayList<>();
        for (int l = 1; l <= s.depth(); l++) {
            layers.add("hidden " + l);
            ctx.metric("learned ε, hidden layer " + l + " (mean over seeds)", Stats.mean(eps[l - 1]));
        }
        ctx.table("learned-epsilon", Tables.matrix("CRReLU's learned ε (starts at " + CrRelu.EPSILON_INIT + ")",
                "layer", layers, seeds, eps));
        ctx.chart("accuracy", CrReluFigures.accuracyBars(NAMES, means));
        ctx.decide(VS_GELU, Estimate.pairedDifference(acc[cr], acc[1]), String.format("CRReLU %.4f − GELU %.4f",
                Stats.mean(acc[cr]), Stats.mean(acc[1])));
        ctx.decide(VS_RELU, Estimate.pairedDifference(acc[cr], acc[0]), String.format("CRReLU %.4f − ReLU %.4f",
                Stats.mean(acc[cr]), Stats.mean(acc[0])));
    }

    static SequentialBlock network(Setup s, int k) {
        Mlp.Builder b = Mlp.builder().setWidth(s.width()).setDepth(s.depth()).setOutputs(10);
        return switch (k) {
            case 0 -> b.optActivation(Act.RELU).build();
            case 1 -> b.optActivation(Act.GELU).build();
            case 2 -> b.optActivation(Act.SILU).build();
            default -> b.optActivation(Act.RELU).optActivationBlock(CrRelu::new).build();
        };
    }
}
