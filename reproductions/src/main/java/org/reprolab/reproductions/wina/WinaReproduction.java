package org.reprolab.reproductions.wina;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.wina.Wina;
import org.reprolab.papers.wina.WinaFigures;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.sparsity.InputSparsifier;
import org.reprolab.sparsity.SparseInference;
import org.reprolab.sparsity.TinyTransformer;
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * Chen et al. (2025): WINA's weight-informed top-k selection of a linear map's inputs against TEAL's
 * magnitude-only selection, on random maps with orthogonal columns (against brute force), on a trained MLP and on
 * a trained one-block transformer on Fashion-MNIST, paired by seed at the paper's four sparsities.
 */
public final class WinaReproduction extends PaperReproduction<WinaReproduction.Setup> {

    static final String PAPER = "Chen et al. (2025), arXiv 2505.19427";

    static final Claim OPTIMAL = Claim.check("orthogonal-optimal",
            "With orthogonal columns, WINA's top-k mask attains the smallest output error of all masks of size k "
                    + "(largest relative excess over the brute-force minimum, over all trials, ≤ 1e-9).")
            .criterion(Criterion.atMost(1e-9), "paper: its theorem (the error is Σ over dropped j of x_j² ‖W_:,j‖², "
                    + "so the k largest |x_j|·‖W_:,j‖ are optimal); holds by construction, hence a check")
            .reference(Reference.noNumber(PAPER + ", theorem on orthogonal columns"));
    static final Claim MLP_ERROR = Claim.claim("mlp-error-vs-teal",
            "On the trained MLP, WINA's relative layer-output error is at most TEAL's at every sparsity from 25 to "
                    + "65%: per seed the smallest TEAL − WINA gap over the four sparsities is ≥ 0, over seeds.")
            .criterion(Criterion.atLeast(0), "notes: WINA's mean relative layer-output error below TEAL's at every "
                    + "sparsity; the paper proves it for orthogonal columns and reports lower error on LLMs")
            .reference(Reference.noNumber(PAPER + ", approximation-error analysis"))
            .overSeeds();
    static final Claim TRANSFORMER_ERROR = Claim.claim("transformer-error-vs-teal",
            "On the trained transformer block's feed-forward network, WINA's relative output error (mean of W_up "
                    + "and W_down) is at most TEAL's at every sparsity from 25 to 65%, over seeds.")
            .criterion(Criterion.atLeast(0), "notes: as mlp-error-vs-teal, on the paper's setting (FFN inputs of a "
                    + "transformer block)")
            .reference(Reference.noNumber(PAPER + ", approximation-error analysis"))
            .overSeeds();
    static final Claim MLP_ACCURACY = Claim.claim("mlp-accuracy-vs-teal",
            "At equal sparsity WINA's test accuracy on the MLP is at least TEAL's: WINA − TEAL accuracy, averaged "
                    + "over the four sparsities, ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: WINA beats TEAL at every sparsity, by up to 2.94 points of "
                    + "average accuracy (LLMs)")
            .reference(Reference.of(0.0294, "up to +2.94 points over TEAL at the same sparsity", PAPER + ", abstract"))
            .overSeeds();
    static final Claim TRANSFORMER_ACCURACY = Claim.claim("transformer-accuracy-vs-teal",
            "At equal sparsity WINA's test accuracy on the transformer block is at least TEAL's: WINA − TEAL "
                    + "accuracy, averaged over the four sparsities, ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: WINA beats TEAL at every sparsity, by up to 2.94 points of "
                    + "average accuracy (LLMs)")
            .reference(Reference.of(0.0294, "up to +2.94 points over TEAL at the same sparsity", PAPER + ", abstract"))
            .overSeeds();

    /** The paper's sparsities. */
    static final double[] SPARSITIES = {0.25, 0.40, 0.50, 0.65};
    /** The two selection rules, in the order of every table. */
    static final List<String> METHODS = List.of("TEAL", "WINA");
    static final int BATCH = 128;
    static final float LEARNING_RATE = 3e-3f;
    /** Image rows per transformer token: 14 tokens of 56 pixels. */
    static final int ROWS_PER_TOKEN = 2;

    /**
     * What differs between the profiles.
     *
     * @param trials random inputs of the orthogonal-columns test
     * @param rows rows m of the random map with orthogonal columns
     * @param inputs inputs n of that map (brute force over all C(n, n/2) masks)
     * @param train training images per seed (a fresh subset per seed)
     * @param test test images per seed (a fresh subset per seed)
     * @param width hidden width of the two-hidden-layer MLP
     * @param ffn the transformer block's FFN width d_ff (model width 32, 2 heads, 14 tokens of two rows)
     * @param epochs training epochs of each model
     * @param seeds seeds; each trains one MLP and one transformer
     */
    public record Setup(int trials, int rows, int inputs, int train, int test, int width, int ffn, int epochs,
            int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(200, 16, 12, 3_000, 1_000, 256, 128, 2, 3)
                    : new Setup(1_000, 20, 16, 20_000, 5_000, 512, 256, 5, 6);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Orthogonal test: %d random inputs to a %d × %d map, k = %d, brute force "
                    + "over all masks. Fashion-MNIST: %,d training and %,d test images drawn afresh for each of %d "
                    + "seeds; MLP 784-%d-%d-10; transformer block d = 32, d_ff = %d; %d epochs each, Adam at %.0e.",
                    trials, rows, inputs, inputs / 2, train, test, seeds, width, width, ffn, epochs, LEARNING_RATE));
        }
    }

    /** Declares the steps and the claims each decides. */
    public WinaReproduction() {
        super(Setup::of);
        step("orthogonal", "Orthogonal columns: WINA against brute force and TEAL", this::orthogonal, OPTIMAL);
        step("mlp", "A trained MLP: output error and accuracy of WINA and TEAL at 25-65% sparsity", this::mlp,
                MLP_ERROR, MLP_ACCURACY);
        step("transformer", "A trained transformer block: the same on its feed-forward inputs", this::transformer,
                TRANSFORMER_ERROR, TRANSFORMER_ACCURACY);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("wina", 11,
                "WINA: Weight Informed Neuron Activation for Accelerating Large Language Model Inference",
                List.of("Sihan Chen", "Dan Zhao", "Jongwoo Ko", "Colby Banbury", "Huiping Zhuang", "Luming Liang",
                        "Pashmina Cameron", "Tianyi Chen"), 2025, "arXiv", "2505.19427",
                "Training-free activation sparsity speeds up LLM inference by skipping the columns of a weight "
                        + "matrix whose inputs are zeroed. TEAL keeps the largest |x_j|; WINA keeps the largest "
                        + "|x_j|·‖W_:,j‖, which with orthogonal columns is the optimal mask. The paper reports up to "
                        + "2.94 points higher average accuracy than TEAL at equal sparsity (25-65%) on Qwen-2.5, "
                        + "Llama-2/3 and Phi-4. We check the theorem against brute force and compare both rules on "
                        + "a trained MLP and a one-block transformer, paired by seed.");
    }

    @Override
    public List<String> standIns() {
        return List.of("A SiLU MLP and a one-block SiLU transformer (pairs of image rows as tokens) on Fashion-MNIST "
                        + "stand in for the paper's LLMs and benchmarks; accuracy is classification accuracy.",
                "Sparsity is one level for all sparsified inputs (the hidden inputs of the MLP's 2nd and 3rd layers; "
                        + "both FFN inputs of the transformer), not TEAL's greedy per-matrix allocation; no SVD "
                        + "transform of the weights.",
                "Speed is not measured: DJL on CPU has no sparse kernels.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the theorem against brute force.

    record OrthogonalRow(String selection, double meanSquaredError, double worstExcessOverOptimum,
            double shareOfTrialsOptimal) { }

    private void orthogonal(StepContext ctx, Setup s) {
        SplittableRandom rng = ctx.random("orthogonal");
        double[][] w = Wina.orthogonalColumns(s.rows(), s.inputs(), 0.1, 3, rng);
        int k = s.inputs() / 2;
        double[][] err = new double[3][s.trials()];
        for (int t = 0; t < s.trials(); t++) {
            Interrupts.check();
            double[] x = new double[s.inputs()];
            for (int j = 0; j < x.length; j++) {
                x[j] = rng.nextGaussian();
            }
            err[0][t] = Wina.bruteForceMinimum(w, x, k);
            err[1][t] = Wina.error(w, x, Wina.tealMask(x, k));
            err[2][t] = Wina.error(w, x, Wina.winaMask(w, x, k));
        }
        List<OrthogonalRow> rows = new ArrayList<>();
        double[] worst = new double[3];
        String[] names = {"brute force", "TEAL", "WINA"};
        for (int m = 0; m < 3; m++) {
            int optimal = 0;
            for (int t = 0; t < s.trials(); t++) {
                double excess = (err[m][t] - err[0][t]) / err[0][t];
                worst[m] = Math.max(worst[m], excess);
                optimal += excess <= 1e-9 ? 1 : 0;
            }
            rows.add(new OrthogonalRow(names[m], Stats.mean(err[m]), worst[m], (double) optimal / s.trials()));
        }
        ctx.table("orthogonal", Tables.of(String.format("%d × %d map with orthogonal columns, k = %d, %d trials",
                s.rows(), s.inputs(), k, s.trials()), rows));
        ctx.metric("TEAL error / WINA error (mean over trials)", Stats.mean(err[1]) / Stats.mean(err[2]));
        ctx.decide(OPTIMAL, worst[2], String.format("largest (WINA − optimum) / optimum over %d trials", s.trials()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Steps 2 and 3: trained models, both rules at the paper's sparsities.

    /** One seed of one model: relative errors and accuracies [method][sparsity], and the dense accuracy. */
    private record Run(double[][] error, double[][] accuracy, double dense) { }

    /** How a model is trained and scored, per seed. */
    private interface Model {
        Block build();

        /** The trained block's errors and accuracies on the test set. */
        Run score(Block block, LabeledData test, NDManager m);
    }

    private void mlp(StepContext ctx, Setup s) {
        Model model = new Model() {
            @Override
            public Block build() {
                return Mlp.builder().setWidth(s.width()).setDepth(2).setOutputs(10).optActivation(Act.SILU).build();
            }

            @Override
            public Run score(Block block, LabeledData test, NDManager m) {
                SequentialBlock net = (SequentialBlock) block;
                NDArray x = test.featuresNd(m);
                NDArray y = test.labelsNd(m);
                List<NDList> inputs = SparseInference.hiddenLinearInputs(net, x);
                double dense = accuracy(SparseInference.forward(net, x, null), y);
                return runOver((method, sparsity) -> {
                    InputSparsifier sp = sparsifier(method, sparsity);
                    double e = inputs.stream().mapToDouble(l -> SparseInference.relativeError(l.get(0), l.get(1), sp))
                            .average().orElse(Double.NaN);
                    return new double[] {e, accuracy(SparseInference.forward(net, x, sp), y)};
                }, dense);
            }
        };
        compare(ctx, s, "MLP", model, MLP_ERROR, MLP_ACCURACY);
    }

    private void transformer(StepContext ctx, Setup s) {
        Model model = new Model() {
            @Override
            public Block build() {
                return TinyTransformer.builder().setTokens(FashionMnist.SIDE / ROWS_PER_TOKEN).setOutputs(10)
                        .optHidden(s.ffn())
                        .optActivation(Act.SILU).build();
            }

            @Override
            public Run score(Block block, LabeledData test, NDManager m) {
                TinyTransformer t = (TinyTransformer) block;
                double dense = TrainingLoop.accuracy(t, test, m);
                return runOver((method, sparsity) -> {
                    InputSparsifier sp = sparsifier(method, sparsity);
                    double[] sum = new double[1];
                    // The recorder sees the dense FFN inputs of the sparse pass (attention is not sparsified).
                    t.setRecorder((u, a) -> sum[0] += u.getShape().get(0) / 2.0
                            * (SparseInference.relativeError(u, t.upWeight(), sp)
                            + SparseInference.relativeError(a, t.downWeight(), sp))).setSparsifiers(sp, sp);
                    double acc = TrainingLoop.accuracy(t, test, m);
                    t.setRecorder(null).setSparsifiers(null, null);
                    return new double[] {sum[0] / test.size(), acc};
                }, dense);
            }
        };
        compare(ctx, s, "transformer", model, TRANSFORMER_ERROR, TRANSFORMER_ACCURACY);
    }

    /** Scores one (method, sparsity): {relative error, accuracy}. */
    private interface Scorer {
        double[] score(int method, double sparsity);
    }

    private static Run runOver(Scorer scorer, double dense) {
        double[][] error = new double[METHODS.size()][SPARSITIES.length];
        double[][] accuracy = new double[METHODS.size()][SPARSITIES.length];
        for (int k = 0; k < METHODS.size(); k++) {
            for (int i = 0; i < SPARSITIES.length; i++) {
                double[] r = scorer.score(k, SPARSITIES[i]);
                error[k][i] = r[0];
                accuracy[k][i] = r[1];
            }
        }
        return new Run(error, accuracy, dense);
    }

    static InputSparsifier sparsifier(int method, double sparsity) {
        return method == 0 ? InputSparsifier.magnitude(sparsity) : Wina.sparsifier(sparsity);
    }

    private static double accuracy(NDArray logits, NDArray labels) {
        return logits.argMax(1).eq(labels).sum().getLong() / (double) labels.size();
    }

    record SparsityRow(String model, double sparsity, double errorTeal, double errorWina, double accuracyTeal,
            double accuracyWina, double winaMinusTeal) { }

    private void compare(StepContext ctx, Setup s, String name, Model model, Claim errorClaim, Claim accClaim) {
        Run[] runs = new Run[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = FashionMnist.train().sample(s.train(), ctx.random("train-subset/" + seed));
            LabeledData test = FashionMnist.test().sample(s.test(), ctx.random("test-subset/" + seed));
            try (NDManager m = ctx.manager().newSubManager()) {
                Engines.seed(ctx.seed("init/" + seed));
                Block block = model.build();
                TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optAdam(LEARNING_RATE)
                        .optShuffleSeed(ctx.seed("shuffle/" + seed)).optName(name + " (seed " + (seed + 1) + ")")
                        .build().fit(block, train, null, m);
                runs[seed] = model.score(block, test, m);
            }
            ctx.log(String.format("seed %d: dense %.4f; at 65%%: TEAL %.4f, WINA %.4f", seed + 1, runs[seed].dense(),
                    runs[seed].accuracy()[0][SPARSITIES.length - 1], runs[seed].accuracy()[1][SPARSITIES.length - 1]));
        }
        double[][] meanErr = new double[METHODS.size()][SPARSITIES.length];
        double[][] meanAcc = new double[METHODS.size()][SPARSITIES.length];
        List<SparsityRow> rows = new ArrayList<>();
        for (int i = 0; i < SPARSITIES.length; i++) {
            for (int k = 0; k < METHODS.size(); k++) {
                int kk = k;
                int ii = i;
                meanErr[k][i] = Stats.mean(Arrays.stream(runs).mapToDouble(r -> r.error()[kk][ii]).toArray());
                meanAcc[k][i] = Stats.mean(Arrays.stream(runs).mapToDouble(r -> r.accuracy()[kk][ii])
                        .toArray());
            }
            rows.add(new SparsityRow(name, SPARSITIES[i], meanErr[0][i], meanErr[1][i], meanAcc[0][i], meanAcc[1][i],
                    meanAcc[1][i] - meanAcc[0][i]));
        }
        double dense = Stats.mean(Arrays.stream(runs).mapToDouble(Run::dense).toArray());
        ctx.metric(name + " dense test accuracy", dense);
        ctx.table(name + "-sparsity", Tables.of(name + ": relative output error and test accuracy, means over "
                + s.seeds() + " seeds", rows));
        ctx.chart(name + "-error", WinaFigures.vsSparsity(name + ": relative output error of the sparsified maps",
                "relative error", SPARSITIES, series(meanErr)));
        Map<String, double[]> acc = series(meanAcc);
        acc.put("dense", Collections.nCopies(SPARSITIES.length, dense).stream().mapToDouble(d -> d)
                .toArray());
        ctx.chart(name + "-accuracy", WinaFigures.vsSparsity(name + ": test accuracy at equal sparsity",
                "test accuracy", SPARSITIES, acc));

        double[] gap = new double[s.seeds()];
        double[] teal = new double[s.seeds()];
        double[] wina = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            Run r = runs[seed];
            double g = Double.POSITIVE_INFINITY;
            for (int i = 0; i < SPARSITIES.length; i++) {
                g = Math.min(g, r.error()[0][i] - r.error()[1][i]);
            }
            gap[seed] = g;
            teal[seed] = Stats.mean(r.accuracy()[0]);
            wina[seed] = Stats.mean(r.accuracy()[1]);
        }
        ctx.decide(errorClaim, Estimate.mean(gap), "smallest TEAL − WINA relative error over the four sparsities, "
                + "per seed");
        ctx.decide(accClaim, Estimate.pairedDifference(wina, teal), String.format("WINA %.4f − TEAL %.4f, test "
                + "accuracy averaged over the sparsities", Stats.mean(wina), Stats.mean(teal)));
    }

    private static Map<String, double[]> series(double[][] byMethod) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int k = 0; k < METHODS.size(); k++) {
            m.put(METHODS.get(k), byMethod[k]);
        }
        return m;
    }
}
