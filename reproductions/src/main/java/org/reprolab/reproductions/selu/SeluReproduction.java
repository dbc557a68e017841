package org.reprolab.reproductions.selu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.data.SklearnDatasets;
import org.reprolab.data.UciTables;
import org.reprolab.papers.selu.AlphaDropout;
import org.reprolab.papers.selu.SeluConstants;
import org.reprolab.papers.selu.SeluMomentMap;
import org.reprolab.papers.selu.SignalPropagation;
import org.reprolab.report.Charts;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Step;
import org.reprolab.repro.StepContext;
import org.reprolab.train.Act;
import org.reprolab.train.History;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Klambauer et al. (2017): SELU's constants from its fixed-point equations, the contraction of the moment
 * map, signal propagation through 64 random layers, alpha-dropout, and deep SNNs against ReLU networks
 * with and without batch normalisation.
 */
public final class SeluReproduction implements Reproduction {

    static final String PAPER = "Klambauer et al. (2017)";
    static final String REPO = "bioinf-jku/SNNs selu.py";

    static final Claim CONSTANTS = Claim.of("constants",
            "Solving g(0,1) = (0,1) for ω=0, τ=1 gives the paper's λ₀₁ and α₀₁ (12 significant digits).");
    static final Claim JACOBIAN = Claim.of("jacobian",
            "The Jacobian of the moment map at the fixed point (0,1) has spectral norm 0.7877 (a contraction).");
    static final Claim CONTRACTION = Claim.of("contraction",
            "The Jacobian's spectral norm stays below 1 over Theorem 1's domain (μ,ω ∈ [-0.1,0.1], ν ∈ [0.8,1.5], τ ∈ [0.95,1.1]).");
    static final Claim SELU_MEAN = Claim.of("selu-mean",
            "After 64 random LeCun-normal SELU layers the activations keep mean 0 (within 0.05).");
    static final Claim SELU_VARIANCE = Claim.of("selu-variance",
            "After 64 random LeCun-normal SELU layers the activations keep variance 1 (within 0.15).");
    static final Claim RELU_VANISHES = Claim.of("relu-vanishes",
            "With the same LeCun-normal weights, ReLU activations' variance vanishes (below 1e-3 after 64 layers).");
    static final Claim DROPOUT_MEAN = Claim.of("alpha-dropout-mean",
            "Alpha-dropout at rate 0.1 keeps the mean of standard-normal inputs at 0 (within 0.01).");
    static final Claim DROPOUT_VARIANCE = Claim.of("alpha-dropout-variance",
            "Alpha-dropout at rate 0.1 keeps the variance of standard-normal inputs at 1 (within 0.02).");
    static final Claim VS_RELU = Claim.of("deep-snn-vs-relu",
            "An 8-layer SNN reaches at least the test accuracy of the same ReLU network without normalisation (within 1 point) on Fashion-MNIST.");
    static final Claim VS_BATCHNORM = Claim.of("deep-snn-vs-batchnorm",
            "An 8-layer SNN reaches at least the test accuracy of the ReLU network with batch normalisation (within 1 point) on Fashion-MNIST.");
    static final Claim DEPTH = Claim.of("depth-32",
            "A 32-layer SNN trains to within 2 points of the 8-layer SNN's test accuracy.");
    static final Claim UCI = Claim.of("uci-rank",
            "On UCI tables the SNN has the best mean accuracy rank among SNN, ReLU and ReLU+BatchNorm MLPs.");

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
                        + "deep SNNs against ReLU networks with and without batch normalisation.");
    }

    @Override
    public List<Claim> claims() {
        return List.of(CONSTANTS, JACOBIAN, CONTRACTION, SELU_MEAN, SELU_VARIANCE, RELU_VANISHES, DROPOUT_MEAN,
                DROPOUT_VARIANCE, VS_RELU, VS_BATCHNORM, DEPTH, UCI);
    }

    @Override
    public List<String> standIns() {
        return List.of(
                "Fashion-MNIST stands in for the paper's MNIST/CIFAR-10 depth experiments (quick: a balanced 8,000-image "
                        + "training subset, 2,000 test images, width 128, 5 epochs; full: all 70,000 images, width 256, "
                        + "10 epochs).",
                "UCI: the mlbench and scikit-learn tables available offline stand in for the 121 UCI tasks "
                        + "(quick: 4 tables, one 75/25 split; full: 12 tables, 4-fold cross-validation); one "
                        + "fixed architecture and learning rate instead of the paper's hyper-parameter search.",
                "All networks use plain SGD with one learning rate, on CPU.");
    }

    @Override
    public List<Step> steps() {
        return List.of(
                Step.of("constants", "Solve for λ₀₁ and α₀₁", this::constants),
                Step.of("fixed-point", "The moment map: Jacobian at (0,1) and contraction over Theorem 1's domain",
                        this::fixedPoint),
                Step.of("propagation", "Mean and variance through 64 random layers: SELU vs ReLU vs tanh",
                        this::propagation),
                Step.of("alpha-dropout", "Alpha-dropout keeps mean and variance", this::alphaDropout),
                Step.of("fashion-mnist", "Deep SNN vs ReLU with and without batch normalisation on Fashion-MNIST",
                        this::fashionMnist),
                Step.of("uci", "SNN vs ReLU MLPs on UCI tables", this::uci));
    }

    private void constants(StepContext ctx) {
        SeluConstants solved = SeluConstants.solve();
        double[] closed = SeluConstants.closedForm();
        double errLambda = Math.abs(solved.lambda() / SeluMomentMap.PAPER_LAMBDA - 1);
        double errAlpha = Math.abs(solved.alpha() / SeluMomentMap.PAPER_ALPHA - 1);
        ctx.metric("lambda (solved)", solved.lambda());
        ctx.metric("alpha (solved)", solved.alpha());
        ctx.metric("lambda (closed form)", closed[0]);
        ctx.metric("alpha (closed form)", closed[1]);
        ctx.metric("newton iterations", solved.iterations());
        ctx.metric("fixed-point residual", solved.residual());
        Table t = Table.create("SELU constants", StringColumn.create("constant", "λ₀₁", "α₀₁"),
                StringColumn.create("solved here", String.format("%.16f", solved.lambda()), String.format("%.16f", solved.alpha())),
                StringColumn.create("closed form", String.format("%.16f", closed[0]), String.format("%.16f", closed[1])),
                StringColumn.create("paper (selu.py)", String.format("%.16f", SeluMomentMap.PAPER_LAMBDA),
                        String.format("%.16f", SeluMomentMap.PAPER_ALPHA)),
                DoubleColumn.create("relative error", errLambda, errAlpha));
        ctx.table("constants", t);
        double worst = Math.max(errLambda, errAlpha);
        ctx.check(CONSTANTS, worst, String.format("λ=%.13f, α=%.13f (max relative error %.1e)", solved.lambda(),
                solved.alpha(), worst), Criterion.atMost(1e-12),
                Reference.of(SeluMomentMap.PAPER_LAMBDA, "λ₀₁=1.0507009873554805, α₀₁=1.6732632423543772", REPO));
    }

    private void fixedPoint(StepContext ctx) {
        SeluMomentMap g = SeluMomentMap.paper();
        double[][] j = g.jacobian(0, 1, 0, 1);
        double norm = SeluMomentMap.spectralNorm(j);
        ctx.metric("J00", j[0][0]);
        ctx.metric("J01", j[0][1]);
        ctx.metric("J10", j[1][0]);
        ctx.metric("J11", j[1][1]);
        ctx.metric("spectral norm at (0,1)", norm);
        ctx.check(JACOBIAN, norm, String.format("%.6f", norm), Criterion.within(0.7877, 1e-4),
                Reference.of(0.7877, PAPER + ", section on the fixed point (also quoted by the statwiki stat946w18 summary)"));

        // Theorem 1's domain on a grid of 11 points per axis.
        double worst = 0;
        double[] at = null;
        int n = ctx.quick() ? 11 : 21;
        for (int a = 0; a < n; a++) {
            double mu = -0.1 + 0.2 * a / (n - 1);
            for (int b = 0; b < n; b++) {
                double omega = -0.1 + 0.2 * b / (n - 1);
                for (int c = 0; c < n; c++) {
                    double nu = 0.8 + 0.7 * c / (n - 1);
                    for (int d = 0; d < n; d++) {
                        double tau = 0.95 + 0.15 * d / (n - 1);
                        double s = SeluMomentMap.spectralNorm(g.jacobian(mu, nu, omega, tau));
                        if (s > worst) {
                            worst = s;
                            at = new double[] {mu, omega, nu, tau};
                        }
                    }
                }
            }
        }
        ctx.metric("max spectral norm over domain", worst);
        ctx.check(CONTRACTION, worst, String.format("max %.4f at μ=%.2f, ω=%.2f, ν=%.2f, τ=%.3f (%d⁴ grid)", worst,
                at[0], at[1], at[2], at[3], n), Criterion.below(1),
                Reference.noNumber(PAPER + " Theorem 1 (proves a contraction on this domain)"));

        // Iterates of g from a far start, and the map's arrows.
        XYChart c = Charts.line("Iterating the moment map g (ω=0, τ=1)", "mean μ", "variance ν");
        double[][] starts = {{0.5, 2.0}, {-0.4, 0.4}, {0.8, 0.6}, {-0.6, 2.5}};
        for (double[] s0 : starts) {
            int steps = 12;
            double[] mu = new double[steps + 1];
            double[] nu = new double[steps + 1];
            mu[0] = s0[0];
            nu[0] = s0[1];
            for (int k = 1; k <= steps; k++) {
                double[] next = g.apply(mu[k - 1], nu[k - 1], 0, 1);
                mu[k] = next[0];
                nu[k] = next[1];
            }
            c.addSeries(String.format("from (%.1f, %.1f)", s0[0], s0[1]), mu, nu);
        }
        ctx.chart("moment-map-iterates", c);
        double[] p = {0.5, 2.0};
        for (int k = 0; k < 30; k++) {
            p = g.apply(p[0], p[1], 0, 1);
        }
        ctx.metric("g^30(0.5, 2.0) mean", p[0]);
        ctx.metric("g^30(0.5, 2.0) variance", p[1]);
    }

    private void propagation(StepContext ctx) {
        int layers = 64;
        int width = ctx.quick() ? 512 : 1024;
        int samples = ctx.quick() ? 1024 : 4096;
        Map<String, SignalPropagation.Trace> traces = new LinkedHashMap<>();
        traces.put("SELU", SignalPropagation.run(ctx.manager(), Act.SELU, 1, layers, width, samples));
        traces.put("ReLU", SignalPropagation.run(ctx.manager(), Act.RELU, 1, layers, width, samples));
        traces.put("tanh", SignalPropagation.run(ctx.manager(), Act.TANH, 1, layers, width, samples));
        traces.put("ReLU, He init", SignalPropagation.run(ctx.manager(), Act.RELU, 2, layers, width, samples));
        XYChart var = Charts.logY("Variance through 64 random layers (LeCun-normal weights unless noted, width "
                + width + ")", "layer", "variance");
        var.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        XYChart mean = Charts.line("Mean of activations", "layer", "mean");
        Table t = Table.create("after 64 layers", StringColumn.create("network"), DoubleColumn.create("mean"),
                DoubleColumn.create("variance"));
        traces.forEach((name, tr) -> {
            Charts.addPositive(var, name, tr.layers(), tr.variance());
            mean.addSeries(name, tr.layers(), tr.mean());
            t.stringColumn("network").append(name);
            t.doubleColumn("mean").append(tr.mean()[layers]);
            t.doubleColumn("variance").append(tr.variance()[layers]);
            ctx.metric(name + " mean at layer 64", tr.mean()[layers]);
            ctx.metric(name + " variance at layer 64", tr.variance()[layers]);
        });
        ctx.chart("variance-by-layer", var);
        ctx.chart("mean-by-layer", mean);
        ctx.table("after-64-layers", t);
        SignalPropagation.Trace selu = traces.get("SELU");
        SignalPropagation.Trace relu = traces.get("ReLU");
        ctx.check(SELU_MEAN, selu.mean()[layers], Criterion.within(0, 0.05),
                Reference.of(0, "0 (the fixed point)", PAPER + " Theorem 1"));
        ctx.check(SELU_VARIANCE, selu.variance()[layers], Criterion.within(1, 0.15),
                Reference.of(1, "1 (the fixed point)", PAPER + " Theorem 1"));
        ctx.check(RELU_VANISHES, relu.variance()[layers], Criterion.below(1e-3),
                Reference.noNumber(PAPER + " (ReLU has no fixed point at unit variance; variance halves per layer)"));
    }

    private void alphaDropout(StepContext ctx) {
        int n = ctx.quick() ? 1_000_000 : 10_000_000;
        float rate = 0.1f;
        double[] ab = AlphaDropout.affine(rate);
        double mean;
        double var;
        double plainVar;
        try (NDScope scope = new NDScope()) {
            NDManager m = ctx.manager();
            NDArray x = m.randomNormal(0f, 1f, new Shape(n), DataType.FLOAT32);
            NDArray y = AlphaDropout.alphaDropout(x, rate, true);
            mean = y.mean().getFloat();
            var = y.sub(mean).square().mean().getFloat();
            NDArray plain = m.randomUniform(0f, 1f, new Shape(n)).gte(rate).toType(DataType.FLOAT32, false)
                    .mul(x).div(1 - rate);
            float pm = plain.mean().getFloat();
            plainVar = plain.sub(pm).square().mean().getFloat();
        }
        ctx.metric("a", ab[0]);
        ctx.metric("b", ab[1]);
        ctx.metric("alpha-dropout mean", mean);
        ctx.metric("alpha-dropout variance", var);
        ctx.metric("standard dropout variance", plainVar);
        ctx.note(String.format("Standard (inverted) dropout at the same rate leaves variance %.4f: it does not "
                + "keep unit variance, which is why SNNs need alpha-dropout.", plainVar));
        ctx.check(DROPOUT_MEAN, mean, Criterion.within(0, 0.01),
                Reference.of(0, "0 by construction (a=0.9213, b=0.1620 at q=0.9)", PAPER + ", alpha-dropout; " + REPO + " dropout_selu"));
        ctx.check(DROPOUT_VARIANCE, var, Criterion.within(1, 0.02),
                Reference.of(1, "1 by construction", PAPER + ", alpha-dropout"));
    }

    private void fashionMnist(StepContext ctx) {
        boolean quick = ctx.quick();
        LabeledData train = FashionMnist.train();
        LabeledData test = FashionMnist.test();
        if (quick) {
            train = train.sample(8_000, ctx.random("train-subset"));
            test = test.sample(2_000, ctx.random("test-subset"));
        }
        LabeledData.Split data = new LabeledData.Split(train, test).standardized();
        int epochs = quick ? 5 : 10;
        int width = quick ? 128 : 256;
        Map<String, Block> nets = new LinkedHashMap<>();
        nets.put("SNN (SELU)", Mlp.builder().setWidth(width).setDepth(8).setOutputs(10).optActivation(Act.SELU).build());
        nets.put("ReLU", Mlp.builder().setWidth(width).setDepth(8).setOutputs(10).optActivation(Act.RELU).build());
        nets.put("ReLU + BatchNorm", Mlp.builder().setWidth(width).setDepth(8).setOutputs(10).optActivation(Act.RELU)
                .optBatchNorm(true).build());
        nets.put("SNN, 32 layers", Mlp.builder().setWidth(width).setDepth(32).setOutputs(10).optActivation(Act.SELU)
                .build());
        Map<String, History> results = new LinkedHashMap<>();
        XYChart loss = Charts.logY("Training loss per batch (Fashion-MNIST)", "batch", "loss");
        XYChart accuracy = Charts.line("Test accuracy after each epoch (Fashion-MNIST)", "epoch", "test accuracy");
        Table t = Table.create("Fashion-MNIST test accuracy", StringColumn.create("network"),
                IntColumn.create("layers"), IntColumn.create("width"), DoubleColumn.create("test accuracy"),
                DoubleColumn.create("final train loss"), DoubleColumn.create("seconds"));
        for (Map.Entry<String, Block> e : nets.entrySet()) {
            TrainingLoop loop = TrainingLoop.builder().setEpochs(epochs).setBatchSize(BATCH).optSgd(LEARNING_RATE)
                    .optShuffleSeed(ctx.seed("shuffle")).optRecordBatchLoss(true).optName(e.getKey()).build();
            History h = loop.fit(e.getValue(), data.train(), data.test(), ctx.manager());
            results.put(e.getKey(), h);
            boolean deep = e.getKey().contains("32");
            t.stringColumn("network").append(e.getKey());
            t.intColumn("layers").append(deep ? 32 : 8);
            t.intColumn("width").append(width);
            t.doubleColumn("test accuracy").append(h.finalTestAccuracy());
            t.doubleColumn("final train loss").append(h.finalTrainLoss());
            t.doubleColumn("seconds").append(h.seconds());
            ctx.metric(e.getKey() + " test accuracy", h.finalTestAccuracy());
            double[] x = new double[h.batchLoss().length];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
                y[i] = h.batchLoss()[i];
            }
            Charts.addLine(loss, e.getKey(), x, y);
            accuracy.addSeries(e.getKey(), h.epochs(), h.testAccuracy());
            ctx.log(e.getKey() + " test accuracy by epoch: " + java.util.Arrays.toString(h.testAccuracy()));
        }
        ctx.table("accuracy", t);
        ctx.chart("training-loss", loss);
        ctx.chart("test-accuracy", accuracy);
        double snn = results.get("SNN (SELU)").finalTestAccuracy();
        double relu = results.get("ReLU").finalTestAccuracy();
        double bn = results.get("ReLU + BatchNorm").finalTestAccuracy();
        double deep = results.get("SNN, 32 layers").finalTestAccuracy();
        String noNumbers = PAPER + " (no Fashion-MNIST numbers; Fig. 1 shows 8-, 16- and 32-layer SNNs training on MNIST and CIFAR-10)";
        ctx.check(VS_RELU, snn - relu, String.format("SNN %.4f − ReLU %.4f = %+.4f", snn, relu, snn - relu),
                Criterion.atLeast(-0.01), Reference.noNumber(noNumbers));
        ctx.check(VS_BATCHNORM, snn - bn, String.format("SNN %.4f − ReLU+BN %.4f = %+.4f", snn, bn, snn - bn),
                Criterion.atLeast(-0.01), Reference.noNumber(noNumbers));
        ctx.check(DEPTH, deep - snn, String.format("32 layers %.4f − 8 layers %.4f = %+.4f", deep, snn, deep - snn),
                Criterion.atLeast(-0.02), Reference.noNumber(noNumbers));
    }

    /** One learning rate and batch size for every network: no per-model tuning. */
    static final float LEARNING_RATE = 0.02f;
    static final int BATCH = 64;

    private void uci(StepContext ctx) {
        boolean quick = ctx.quick();
        List<String> tables = quick ? List.of("Sonar", "Ionosphere", "Glass", "PimaIndiansDiabetes")
                : List.of("Sonar", "Ionosphere", "Glass", "PimaIndiansDiabetes", "BreastCancer", "Vehicle", "Vowel",
                        "Zoo", "HouseVotes84", "Satellite", "sklearn:wine", "sklearn:breast_cancer");
        String[] models = {"SNN (SELU)", "ReLU", "ReLU + BatchNorm"};
        int folds = quick ? 1 : 4;
        int epochs = quick ? 30 : 100;
        Table t = Table.create("UCI test accuracy", StringColumn.create("table"), IntColumn.create("rows"),
                IntColumn.create("features"), DoubleColumn.create(models[0]), DoubleColumn.create(models[1]),
                DoubleColumn.create(models[2]));
        double[] rankSum = new double[models.length];
        for (String name : tables) {
            LabeledData d = name.startsWith("sklearn:") ? SklearnDatasets.load(name.substring(8)) : UciTables.load(name);
            List<LabeledData.Split> splits = quick ? List.of(d.split(0.25, ctx.random("split/" + name)))
                    : d.folds(folds, ctx.random("folds/" + name));
            double[] acc = new double[models.length];
            for (LabeledData.Split raw : splits) {
                LabeledData.Split s = raw.standardized();
                for (int k = 0; k < models.length; k++) {
                    Block net = Mlp.builder().setWidth(64).setDepth(8).setOutputs(d.classes())
                            .optActivation(k == 0 ? Act.SELU : Act.RELU).optBatchNorm(k == 2).build();
                    try (NDManager m = ctx.manager().newSubManager()) {
                        History h = TrainingLoop.builder().setEpochs(epochs).setBatchSize(32).optSgd(LEARNING_RATE)
                                .optShuffleSeed(ctx.seed("shuffle/" + name)).optName(name + " " + models[k]).build()
                                .fit(net, s.train(), null, m);
                        acc[k] += TrainingLoop.accuracy(net, s.test(), m) / splits.size();
                        if (Double.isNaN(h.finalTrainLoss())) {
                            ctx.note(models[k] + " diverged on " + name);
                        }
                    }
                }
            }
            double[] ranks = ranks(acc);
            for (int k = 0; k < models.length; k++) {
                rankSum[k] += ranks[k];
            }
            t.stringColumn("table").append(name);
            t.intColumn("rows").append(d.size());
            t.intColumn("features").append(d.features());
            for (int k = 0; k < models.length; k++) {
                t.doubleColumn(models[k]).append(acc[k]);
            }
        }
        ctx.table("uci-accuracy", t);
        List<String> rankText = new ArrayList<>();
        for (int k = 0; k < models.length; k++) {
            rankSum[k] /= tables.size();
            ctx.metric(models[k] + " mean rank", rankSum[k]);
            rankText.add(String.format("%s %.2f", models[k], rankSum[k]));
        }
        double bestOther = Math.min(rankSum[1], rankSum[2]);
        ctx.check(UCI, rankSum[0], "mean ranks: " + String.join(", ", rankText) + " over " + tables.size() + " tables",
                Criterion.atMost(bestOther), Reference.noNumber(PAPER + " Table 1 (121 UCI tasks; SNN best average rank)"));
    }

    /** Ranks 1 (best) to n of accuracies, ties sharing the mean rank. */
    static double[] ranks(double[] acc) {
        double[] r = new double[acc.length];
        for (int i = 0; i < acc.length; i++) {
            int better = 0;
            int equal = 0;
            for (double v : acc) {
                if (v > acc[i]) {
                    better++;
                } else if (v == acc[i]) {
                    equal++;
                }
            }
            r[i] = better + (equal + 1) / 2.0;
        }
        return r;
    }
}
