package org.reprolab.reproductions.selu;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.data.SklearnDatasets;
import org.reprolab.data.UciTables;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.selu.AlphaDropout;
import org.reprolab.papers.selu.SeluConstants;
import org.reprolab.papers.selu.SeluFigures;
import org.reprolab.papers.selu.SeluMomentMap;
import org.reprolab.papers.selu.SignalPropagation;
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
import org.reprolab.train.Act;
import org.reprolab.train.History;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * Klambauer et al. (2017): SELU's constants from its fixed-point equations, the contraction of the moment map,
 * signal propagation through 64 random layers, alpha-dropout, and deep SNNs against ReLU networks with and
 * without batch normalisation on Fashion-MNIST and UCI tables, decided over seeds and paired by seed.
 */
public final class SeluReproduction extends PaperReproduction<SeluReproduction.Setup> {

    static final String PAPER = "Klambauer et al. (2017)";
    static final String REPO = "bioinf-jku/SNNs selu.py";

    static final Claim CONSTANTS = Claim.claim("constants",
            "Solving g(0,1) = (0,1) for ω=0, τ=1 gives the paper's λ₀₁ and α₀₁ (12 significant digits).")
            .criterion(Criterion.atMost(1e-12), "notes: the constants match the repository's to 12 significant digits")
            .reference(Reference.of(SeluMomentMap.PAPER_LAMBDA, "λ₀₁=1.0507009873554805, α₀₁=1.6732632423543772",
                    REPO));
    static final Claim JACOBIAN = Claim.claim("jacobian",
            "The Jacobian of the moment map at the fixed point (0,1) has spectral norm 0.7877 (a contraction).")
            .criterion(Criterion.within(0.7877, 1e-4), "notes: 0.787673 recomputed; the printed value has 4 digits")
            .reference(Reference.of(0.7877, PAPER + ", the fixed-point section (quoted by the statwiki stat946w18 "
                    + "summary)"));
    static final Claim CONTRACTION = Claim.claim("contraction",
            "The Jacobian's spectral norm stays below 1 over Theorem 1's domain (μ,ω ∈ [-0.1,0.1], ν ∈ [0.8,1.5], "
                    + "τ ∈ [0.95,1.1]).")
            .criterion(Criterion.below(1), "paper: Theorem 1 proves a contraction on this domain")
            .reference(Reference.noNumber(PAPER + " Theorem 1"));
    static final Claim SELU_MEAN = fixedPoint("selu-mean", "mean", 0, 0.05);
    static final Claim SELU_VARIANCE = fixedPoint("selu-variance", "variance", 1, 0.15);

    static final Claim RELU_VANISHES = Claim.check("relu-vanishes",
            "With the same LeCun-normal weights, ReLU activations' variance vanishes (below 1e-3 after 64 layers).")
            .criterion(Criterion.below(1e-3), "notes: below 1e-3 at layer 64; by construction E[relu(z)²] = Var(z)/2 "
                    + "halves the second moment at every layer (2⁻⁶⁴ ≈ 5e-20)")
            .reference(Reference.noNumber(PAPER + " (ReLU has no fixed point at unit variance)"));
    static final Claim DROPOUT_MEAN = Claim.check("alpha-dropout-mean",
            "Alpha-dropout at rate 0.1 keeps the mean of standard-normal inputs at 0 (within 0.01).")
            .criterion(Criterion.within(0, 0.01), "notes: within 0.01; a and b are chosen so that the mean stays 0, "
                    + "and 0.01 is 10 standard errors of 10⁶ samples")
            .reference(Reference.of(0, "0 by construction (a=0.9213, b=0.1620 at q=0.9)", PAPER + ", alpha-dropout; "
                    + REPO + " dropout_selu"));
    static final Claim DROPOUT_VARIANCE = Claim.check("alpha-dropout-variance",
            "Alpha-dropout at rate 0.1 keeps the variance of standard-normal inputs at 1 (within 0.02).")
            .criterion(Criterion.within(1, 0.02), "notes: within 0.02; a and b are chosen so that the variance stays 1")
            .reference(Reference.of(1, "1 by construction", PAPER + ", alpha-dropout"));
    static final String BEATS = "paper: the abstract reports that SNNs significantly outperformed all competing "
            + "feed-forward networks (121 UCI tasks, Tox21, HTRU2)";
    static final Reference NO_FASHION = Reference.noNumber(PAPER + ", abstract and Fig. 1 (no Fashion-MNIST numbers)");
    static final Claim VS_RELU = beats("deep-snn-vs-relu", "the same network with ReLU and no normalisation", "ReLU");
    static final Claim VS_BATCHNORM = beats("deep-snn-vs-batchnorm", "the ReLU network with batch normalisation",
            "ReLU+BN");

    static final Claim DEPTH = Claim.claim("depth-32",
            "A 32-layer SNN trains as well as the 8-layer SNN on Fashion-MNIST, a non-inferiority claim: 32 layers − "
                    + "8 layers ≥ −0.02, paired by seed (the paper's Fig. 1 trains 8-, 16- and 32-layer SNNs alike; it "
                    + "does not claim that depth raises accuracy).")
            .criterion(Criterion.atLeast(-0.02), "notes: no more than 2 points below the 8-layer SNN; the paper claims "
                    + "deep SNNs train well, parity across depth, hence a margin")
            .reference(Reference.noNumber(PAPER + ", Fig. 1 (training loss of 8-, 16- and 32-layer SNNs on MNIST and "
                    + "CIFAR-10)")).overSeeds();
    static final Claim DEPTH_ACCURACY = Claim.claim("depth-32-accuracy",
            "The 32-layer SNN reaches at least 85% test accuracy on Fashion-MNIST (standing in for the paper's MNIST "
                    + "and CIFAR-10): the mean over seeds is ≥ 0.85 with its whole 95% interval.")
            .criterion(Criterion.atLeast(0.85), "notes: a 32-layer SELU net reaches ≥ 85% on Fashion-MNIST (the paper "
                    + "prints training curves for its depth experiment, no accuracy)")
            .reference(Reference.noNumber(PAPER + ", Fig. 1 (training curves only)")).overSeeds();
    static final Claim UCI = Claim.claim("uci-rank",
            "SNNs have the best mean accuracy rank on UCI tasks: SNN's mean rank over the tables minus the better "
                    + "mean rank of the ReLU and ReLU+BatchNorm MLPs is ≤ 0, over seeds (the paper: 121 UCI tasks with "
                    + "tuned hyper-parameters; here the profile's mlbench and scikit-learn tables, one architecture).")
            .criterion(Criterion.atMost(0), "paper: SNNs have the best average rank of the feed-forward methods on the "
                    + "121 UCI tasks")
            .reference(Reference.noNumber(PAPER + ", Table 1 (121 UCI tasks; SNN best average rank)")).overSeeds()
            .revised("SNN mean rank ≤ the better other mean rank, on one split",
                    "decided over seeds, each with its own "
                    + "splits; the comparison itself is unchanged");
    static final Claim SONAR = Claim.claim("sonar-accuracy",
            "An 8-layer SNN of width 64 reaches at least 80% test accuracy on UCI Sonar (mlbench): the mean over seeds "
                    + "is ≥ 0.80 with its whole 95% interval.")
            .criterion(Criterion.atLeast(0.80), "notes: Sonar ≥ 0.80 for an 8-layer SNN of width 64")
            .reference(Reference.noNumber(PAPER + ", UCI results (per-task accuracies not available to us)"))
                    .overSeeds();
    static final Claim IONOSPHERE = Claim.claim("ionosphere-accuracy",
            "An 8-layer SNN of width 64 reaches at least 88% test accuracy on UCI Ionosphere (mlbench): the mean over "
                    + "seeds is ≥ 0.88 with its whole 95% interval.")
            .criterion(Criterion.atLeast(0.88), "notes: Ionosphere ≥ 0.88 for an 8-layer SNN of width 64")
            .reference(Reference.noNumber(PAPER + ", UCI results (per-task accuracies not available to us)"))
                    .overSeeds();

    /** One learning rate and batch size per task for every network: no per-model tuning. */
    static final float LEARNING_RATE = 0.02f;
    static final int BATCH = 64;
    static final int UCI_BATCH = 32;
    static final float DROP_RATE = 0.1f;
    static final int LAYERS = 64;
    static final List<String> NETS = List.of("SNN, 8 layers", "ReLU, 8 layers", "ReLU + BatchNorm, 8 layers",
            "SNN, 32 layers");
    static final List<String> UCI_MODELS = List.of("SNN (SELU)", "ReLU", "ReLU + BatchNorm");

    /**
     * What differs between the profiles.
     *
     * @param width units per random layer in the propagation experiment
     * @param samples standard-normal inputs pushed through the random layers
     * @param grid points per axis of Theorem 1's domain
     * @param dropoutSamples standard-normal samples for alpha-dropout
     * @param train Fashion-MNIST training images per seed (a fresh subset per seed)
     * @param test Fashion-MNIST test images per seed (a fresh subset per seed)
     * @param hidden hidden width of the Fashion-MNIST networks
     * @param epochs Fashion-MNIST epochs
     * @param tables UCI tables (mlbench names, {@code sklearn:} for scikit-learn's)
     * @param uciEpochs epochs on each UCI table
     * @param seeds seeds of every sampled claim: random layers, training runs, UCI splits
     */
    public record Setup(int width, int samples, int grid, int dropoutSamples, int train, int test, int hidden,
            int epochs, List<String> tables, int uciEpochs, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK
                    ? new Setup(512, 512, 11, 1_000_000, 4_000, 2_000, 128, 3, List.of("Sonar", "Ionosphere", "Glass"),
                            30, 3)
                    : new Setup(1024, 1024, 21, 10_000_000, 60_000, 10_000, 128, 3, List.of("Sonar", "Ionosphere",
                            "Glass", "PimaIndiansDiabetes", "BreastCancer", "Vehicle", "Vowel", "Zoo", "HouseVotes84",
                            "sklearn:wine", "sklearn:breast_cancer"), 100, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Signal propagation: %d random layers of width %d, %d standard-normal inputs, "
                    + "%d seeds; Theorem 1's domain on a %d⁴ grid; alpha-dropout on %,d samples.", LAYERS, width,
                    samples, seeds, grid, dropoutSamples),
                    String.format("Fashion-MNIST stands in for the paper's MNIST and CIFAR-10 depth experiments: %,d "
                            + "training and %,d test images drawn afresh for each of %d seeds, width %d, %d epochs.",
                            train, test, seeds, hidden, epochs),
                    String.format("UCI: %d tables (%s) stand in for the 121 UCI tasks, one stratified 75/25 split per "
                            + "seed, %d epochs; one architecture (8 layers of 64) instead of the paper's "
                            + "hyper-parameter search.", tables.size(), String.join(", ", tables), uciEpochs));
        }
    }

    /** Builds the reproduction. */
    public SeluReproduction() {
        super(Setup::of);
        step("constants", "Solve for λ₀₁ and α₀₁", this::constants, CONSTANTS);
        step("fixed-point", "The moment map: Jacobian at (0,1) and contraction over Theorem 1's domain",
                this::fixedPoint, JACOBIAN, CONTRACTION);
        step("propagation", "Mean and variance through 64 random layers: SELU vs ReLU vs tanh", this::propagation,
                SELU_MEAN, SELU_VARIANCE, RELU_VANISHES);
        step("alpha-dropout", "Alpha-dropout keeps mean and variance", this::alphaDropout, DROPOUT_MEAN,
                DROPOUT_VARIANCE);
        step("fashion-mnist", "Deep SNN vs ReLU with and without batch normalisation on Fashion-MNIST, over seeds",
                this::fashionMnist, VS_RELU, VS_BATCHNORM, DEPTH, DEPTH_ACCURACY);
        step("uci", "SNN vs ReLU MLPs on UCI tables, over seeds", this::uci, UCI, SONAR, IONOSPHERE);
    }

    /** The fixed point (0, 1) kept after 64 random layers: the moment's mean over seeds within the notes' margin. */
    private static Claim fixedPoint(String id, String moment, double value, double margin) {
        return Claim.claim(id, "After 64 random LeCun-normal SELU layers the activations keep " + moment + " "
                + (int) value + ": the mean over seeds lies within " + (int) value + " ± " + margin + " with its whole "
                + "95% interval.").criterion(Criterion.within(value, margin), "notes: within " + margin + " of the "
                + "fixed point (0, 1) that Theorem 1 makes attracting")
                .reference(Reference.of(value, (int) value + " (the fixed point)", PAPER + " Theorem 1")).overSeeds();
    }

    /** The paper's claim that SNNs beat another network, in its direction, paired by seed. */
    private static Claim beats(String id, String other, String name) {
        return Claim.claim(id, "An 8-layer SNN is at least as accurate on Fashion-MNIST as " + other + ": SNN − " + name
                + " ≥ 0, paired by seed.").criterion(Criterion.atLeast(0), BEATS).reference(NO_FASHION).overSeeds()
                .revised("≥ −0.01 on one seed (within 1 point)", "the paper claims SNNs beat such networks, so the "
                        + "claim is SNN − " + name + " ≥ 0, decided over seeds");
    }

    @Override
    public PaperCard card() {
        return new PaperCard("selu", 13, "Self-normalizing neural networks",
                List.of("Günter Klambauer", "Thomas Unterthiner", "Andreas Mayr", "Sepp Hochreiter"), 2017,
                "NeurIPS", "1706.02515",
                "Scaled exponential linear units (SELUs) with λ₀₁ ≈ 1.0507 and α₀₁ ≈ 1.6733 make a feed-forward "
                        + "network self-normalising: with LeCun-normal weights, the map from one layer's mean and "
                        + "variance to the next has an attracting fixed point at (0, 1), so activations stay "
                        + "normalised through many layers without batch normalisation, and deep SNNs beat other "
                        + "feed-forward networks on 121 UCI tasks. We solve for the constants, check the "
                        + "contraction, propagate signals through 64 random layers, test alpha-dropout, and train "
                        + "deep SNNs against ReLU networks with and without batch normalisation, over seeds.");
    }

    @Override
    public List<String> standIns() {
        return List.of("All networks use plain SGD with one learning rate (0.02) and one batch size (64 on "
                + "Fashion-MNIST, 32 on UCI), on CPU; SNNs start from LeCun-normal, ReLU networks from He-normal "
                + "weights.");
    }

    // ---------------------------------------------------------------------------------------------------------

    record ConstantRow(String constant, String solvedHere, String closedForm, @Column("paper (selu.py)") String paper,
            double relativeError) { }

    private void constants(StepContext ctx, Setup s) {
        SeluConstants solved = SeluConstants.solve();
        double[] closed = SeluConstants.closedForm();
        double errLambda = Math.abs(solved.lambda() / SeluMomentMap.PAPER_LAMBDA - 1);
        double errAlpha = Math.abs(solved.alpha() / SeluMomentMap.PAPER_ALPHA - 1);
        ctx.metric("lambda (solved)", solved.lambda());
        ctx.metric("alpha (solved)", solved.alpha());
        ctx.metric("newton iterations", solved.iterations());
        ctx.metric("fixed-point residual", solved.residual());
        ctx.table("constants", Tables.of("SELU constants", List.of(
                new ConstantRow("λ₀₁", digits(solved.lambda()), digits(closed[0]), digits(SeluMomentMap.PAPER_LAMBDA),
                        errLambda),
                new ConstantRow("α₀₁", digits(solved.alpha()), digits(closed[1]), digits(SeluMomentMap.PAPER_ALPHA),
                        errAlpha))));
        double worst = Math.max(errLambda, errAlpha);
        ctx.decide(CONSTANTS, worst, String.format("λ=%.13f, α=%.13f (max relative error %.1e)", solved.lambda(),
                solved.alpha(), worst));
    }

    private static String digits(double v) {
        return String.format("%.16f", v);
    }

    private void fixedPoint(StepContext ctx, Setup s) {
        SeluMomentMap g = SeluMomentMap.paper();
        double[][] j = g.jacobian(0, 1, 0, 1);
        double norm = SeluMomentMap.spectralNorm(j);
        ctx.metric("J00", j[0][0]);
        ctx.metric("J01", j[0][1]);
        ctx.metric("J10", j[1][0]);
        ctx.metric("J11", j[1][1]);
        ctx.metric("spectral norm at (0,1)", norm);
        ctx.decide(JACOBIAN, norm, String.format("%.6f", norm));
        SeluMomentMap.DomainMaximum worst = g.maxSpectralNormOnTheorem1Domain(s.grid());
        ctx.metric("max spectral norm over domain", worst.norm());
        ctx.decide(CONTRACTION, worst.norm(), String.format("max %.4f at μ=%.2f, ω=%.2f, ν=%.2f, τ=%.3f (%d⁴ grid)",
                worst.norm(), worst.mu(), worst.omega(), worst.nu(), worst.tau(), s.grid()));
        ctx.chart("moment-map-iterates", SeluFigures.momentIterates(g, new double[][] {{0.5, 2.0}, {-0.4, 0.4},
            {0.8, 0.6}, {-0.6, 2.5}}, 12));
        double[] p = g.iterate(0.5, 2.0, 30)[30];
        ctx.metric("g^30(0.5, 2.0) mean", p[0]);
        ctx.metric("g^30(0.5, 2.0) variance", p[1]);
    }

    record LayerRow(String network, @Column("mean at layer 64") double mean, @Column("variance at layer 64")
            double variance) { }

    private void propagation(StepContext ctx, Setup s) {
        double[] mean = new double[s.seeds()];
        double[] variance = new double[s.seeds()];
        List<LayerRow> rows = new ArrayList<>();
        Map<String, SignalPropagation.Trace> traces = new LinkedHashMap<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            Engines.seed(ctx.seed("weights/" + seed));
            SignalPropagation.Trace t = SignalPropagation.run(ctx.manager(), Act.SELU, 1, LAYERS, s.width(),
                    s.samples());
            mean[seed] = t.mean()[LAYERS];
            variance[seed] = t.variance()[LAYERS];
            rows.add(new LayerRow("SELU, seed " + (seed + 1), mean[seed], variance[seed]));
            traces.putIfAbsent("SELU", t);
        }
        Engines.seed(ctx.seed("weights/others"));
        traces.put("ReLU", SignalPropagation.run(ctx.manager(), Act.RELU, 1, LAYERS, s.width(), s.samples()));
        traces.put("tanh", SignalPropagation.run(ctx.manager(), Act.TANH, 1, LAYERS, s.width(), s.samples()));
        traces.put("ReLU, He init", SignalPropagation.run(ctx.manager(), Act.RELU, 2, LAYERS, s.width(), s.samples()));
        traces.forEach((name, t) -> {
            if (!name.equals("SELU")) {
                rows.add(new LayerRow(name, t.mean()[LAYERS], t.variance()[LAYERS]));
            }
        });
        ctx.chart("variance-by-layer", SeluFigures.propagationVariance(traces, s.width()));
        ctx.chart("mean-by-layer", SeluFigures.propagationMean(traces));
        ctx.table("after-64-layers", Tables.of("after 64 layers (SELU: one row per seed)", rows));
        ctx.decide(SELU_MEAN, Estimate.mean(mean), "mean over units and inputs at layer 64");
        ctx.decide(SELU_VARIANCE, Estimate.mean(variance), "variance over units and inputs at layer 64");
        double relu = traces.get("ReLU").variance()[LAYERS];
        ctx.decide(RELU_VANISHES, relu, String.format("%.3g at layer 64 (2⁻⁶⁴ = %.3g)", relu, Math.pow(2, -LAYERS)));
    }

    private void alphaDropout(StepContext ctx, Setup s) {
        Engines.seed(ctx.seed("dropout"));
        double[] alpha = AlphaDropout.sampleMoments(ctx.manager(), DROP_RATE, s.dropoutSamples(), true);
        double[] plain = AlphaDropout.sampleMoments(ctx.manager(), DROP_RATE, s.dropoutSamples(), false);
        double[] ab = AlphaDropout.affine(DROP_RATE);
        ctx.metric("a", ab[0]);
        ctx.metric("b", ab[1]);
        ctx.metric("alpha-dropout mean", alpha[0]);
        ctx.metric("alpha-dropout variance", alpha[1]);
        ctx.metric("standard dropout variance", plain[1]);
        ctx.note(String.format("Standard (inverted) dropout at the same rate leaves variance %.4f: it does not keep "
                + "unit variance, which is why SNNs need alpha-dropout.", plain[1]));
        String n = String.format("%,d standard-normal samples", s.dropoutSamples());
        ctx.decide(DROPOUT_MEAN, alpha[0], "mean of " + n);
        ctx.decide(DROPOUT_VARIANCE, alpha[1], "variance of " + n);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fashion-MNIST: four networks per seed, on the seed's own subsets, compared paired by seed.

    record NetRow(String network, int layers, double meanAccuracy, double sdOverSeeds, double secondsPerRun) { }

    private void fashionMnist(StepContext ctx, Setup s) {
        LabeledData allTrain = FashionMnist.train();
        LabeledData allTest = FashionMnist.test();
        double[][] acc = new double[NETS.size()][s.seeds()];
        double[][] seconds = new double[NETS.size()][s.seeds()];
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, float[]> firstSeedLoss = new LinkedHashMap<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData.Split data = new LabeledData.Split(allTrain.sample(s.train(), ctx.random("train-subset/"
                    + seed)),
                    allTest.sample(s.test(), ctx.random("test-subset/" + seed))).standardized();
            for (int k = 0; k < NETS.size(); k++) {
                Block net = Mlp.builder().setWidth(s.hidden()).setDepth(k == 3 ? 32 : 8).setOutputs(10)
                        .optActivation(k == 1 || k == 2 ? Act.RELU : Act.SELU).optBatchNorm(k == 2).build();
                try (NDManager m = ctx.manager().newSubManager()) {
                    Engines.seed(ctx.seed("init/" + seed));
                    History h = TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optSgd(LEARNING_RATE)
                            .optShuffleSeed(ctx.seed("shuffle/" + seed)).optRecordBatchLoss(seed == 0)
                            .optName(NETS.get(k) + " (seed " + (seed + 1) + ")").build()
                            .fit(net, data.train(), data.test(), m);
                    acc[k][seed] = h.finalTestAccuracy();
                    seconds[k][seed] = h.seconds();
                    double[] curve = curves.computeIfAbsent(NETS.get(k), x -> new double[s.epochs()]);
                    for (int e = 0; e < s.epochs(); e++) {
                        curve[e] += h.testAccuracy()[e] / s.seeds();
                    }
                    if (seed == 0) {
                        firstSeedLoss.put(NETS.get(k), h.batchLoss());
                    }
                }
            }
            ctx.log(String.format("seed %d, test accuracy: SNN %.4f, ReLU %.4f, ReLU+BN %.4f, SNN-32 %.4f", seed + 1,
                    acc[0][seed], acc[1][seed], acc[2][seed], acc[3][seed]));
        }
        List<NetRow> rows = new ArrayList<>();
        List<String> seedLabels = new ArrayList<>();
        for (int k = 0; k < NETS.size(); k++) {
            rows.add(new NetRow(NETS.get(k), k == 3 ? 32 : 8, Stats.mean(acc[k]), Stats.sd(acc[k]),
                    Stats.mean(seconds[k])));
            ctx.metric(NETS.get(k) + " test accuracy", Stats.mean(acc[k]));
        }
        for (int seed = 1; seed <= s.seeds(); seed++) {
            seedLabels.add("seed " + seed);
        }
        ctx.table("accuracy", Tables.of(String.format("Fashion-MNIST test accuracy after %d epochs, %d seeds",
                s.epochs(), s.seeds()), rows));
        ctx.table("accuracy-per-seed", Tables.matrix("test accuracy per seed", "network", NETS, seedLabels, acc));
        ctx.chart("training-loss", SeluFigures.trainingLoss("Training loss per batch (Fashion-MNIST, seed 1)",
                firstSeedLoss, s.epochs()));
        ctx.chart("test-accuracy", SeluFigures.testAccuracy("Test accuracy after each epoch (Fashion-MNIST)", curves));
        ctx.decide(VS_RELU, Estimate.pairedDifference(acc[0], acc[1]), String.format("SNN %.4f − ReLU %.4f",
                Stats.mean(acc[0]), Stats.mean(acc[1])));
        ctx.decide(VS_BATCHNORM, Estimate.pairedDifference(acc[0], acc[2]), String.format("SNN %.4f − ReLU+BN %.4f",
                Stats.mean(acc[0]), Stats.mean(acc[2])));
        ctx.decide(DEPTH, Estimate.pairedDifference(acc[3], acc[0]), String.format("32 layers %.4f − 8 layers %.4f",
                Stats.mean(acc[3]), Stats.mean(acc[0])));
        ctx.decide(DEPTH_ACCURACY, Estimate.mean(acc[3]), "test accuracy of the 32-layer SNN");
    }

    // ---------------------------------------------------------------------------------------------------------
    // UCI: three MLPs per table and seed, ranked per table; SNN's absolute accuracy on Sonar and Ionosphere.

    record UciRow(String table, int rows, int features, @Column("SNN (SELU)") double snn, @Column("ReLU") double relu,
            @Column("ReLU + BatchNorm") double reluBatchNorm) { }

    private void uci(StepContext ctx, Setup s) {
        int models = UCI_MODELS.size();
        double[][] meanRank = new double[models][s.seeds()];
        Map<String, double[]> snn = new LinkedHashMap<>();
        List<UciRow> rows = new ArrayList<>();
        for (String name : s.tables()) {
            LabeledData d = name.startsWith("sklearn:") ? SklearnDatasets.load(name.substring(8))
                    : UciTables.load(name);
            double[][] acc = new double[models][s.seeds()];
            for (int seed = 0; seed < s.seeds(); seed++) {
                LabeledData.Split split = d.split(0.25, ctx.random("split/" + name + "/" + seed)).standardized();
                double[] negated = new double[models];
                for (int k = 0; k < models; k++) {
                    acc[k][seed] = trainUci(ctx, s, d, split, k, name, seed);
                    negated[k] = -acc[k][seed];
                }
                double[] ranks = Stats.ranks(negated); // 1 = most accurate, ties share their mean rank
                for (int k = 0; k < models; k++) {
                    meanRank[k][seed] += ranks[k] / s.tables().size();
                }
            }
            snn.put(name, acc[0]);
            rows.add(new UciRow(name, d.size(), d.features(), Stats.mean(acc[0]), Stats.mean(acc[1]),
                    Stats.mean(acc[2])));
        }
        double[] gap = new double[s.seeds()];
        double[] overall = new double[models];
        for (int seed = 0; seed < s.seeds(); seed++) {
            gap[seed] = meanRank[0][seed] - Math.min(meanRank[1][seed], meanRank[2][seed]);
        }
        List<String> rankText = new ArrayList<>();
        for (int k = 0; k < models; k++) {
            overall[k] = Stats.mean(meanRank[k]);
            ctx.metric(UCI_MODELS.get(k) + " mean rank", overall[k]);
            rankText.add(String.format("%s %.2f", UCI_MODELS.get(k), overall[k]));
        }
        ctx.table("uci-accuracy", Tables.of(String.format("UCI test accuracy, mean over %d seeds", s.seeds()), rows));
        ctx.chart("mean-ranks", SeluFigures.meanRanks(String.format("Mean accuracy rank over %d tables and %d seeds",
                s.tables().size(), s.seeds()), UCI_MODELS, overall));
        ctx.decide(UCI, Estimate.mean(gap), "SNN's mean rank minus the better other's, per seed; mean ranks "
                + String.join(", ", rankText) + " over " + s.tables().size() + " tables");
        ctx.decide(SONAR, Estimate.mean(snn.get("Sonar")), "SNN test accuracy on Sonar");
        ctx.decide(IONOSPHERE, Estimate.mean(snn.get("Ionosphere")), "SNN test accuracy on Ionosphere");
    }

    private double trainUci(StepContext ctx, Setup s, LabeledData d, LabeledData.Split split, int k, String name,
            int seed) {
        Block net = Mlp.builder().setWidth(64).setDepth(8).setOutputs(d.classes())
                .optActivation(k == 0 ? Act.SELU : Act.RELU).optBatchNorm(k == 2).build();
        try (NDManager m = ctx.manager().newSubManager()) {
            Engines.seed(ctx.seed("init/" + name + "/" + seed));
            History h = TrainingLoop.builder().setEpochs(s.uciEpochs()).setBatchSize(UCI_BATCH).optSgd(LEARNING_RATE)
                    .optShuffleSeed(ctx.seed("shuffle/" + name + "/" + seed))
                    .optName(name + " " + UCI_MODELS.get(k) + " (seed " + (seed + 1) + ")").build()
                    .fit(net, split.train(), null, m);
            if (Double.isNaN(h.finalTrainLoss())) {
                ctx.note(UCI_MODELS.get(k) + " diverged on " + name + " (seed " + (seed + 1) + ")");
            }
            return TrainingLoop.accuracy(net, split.test(), m);
        }
    }
}
