package org.reprolab.reproductions.deltaactivation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.deltaactivation.DeltaActivation;
import org.reprolab.papers.deltaactivation.DeltaActivationFigures;
import org.reprolab.papers.deltaactivation.DeltaMlp;
import org.reprolab.papers.deltaactivation.TranslatedClips;
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
 * Yousefzadeh and Sifalakis (2021): per-frame MLPs with delta activation layers on clips of translated
 * Fashion-MNIST images, trained with and without the temporal sparsity penalty from the same initial weights and
 * data, compared paired by seed; and delta inference against dense inference.
 */
public final class DeltaActivationReproduction extends PaperReproduction<DeltaActivationReproduction.Setup> {

    static final String ABSTRACT = "Yousefzadeh and Sifalakis (2021), abstract (arXiv 2107.07305)";

    static final Claim EXACT = Claim.check("delta-exact",
            "Delta inference is exact: accumulating W d_t over a clip gives the dense layer's output W Q(a_t) + b on "
                    + "every frame (largest absolute difference, readout layer of a trained network).")
            .criterion(Criterion.atMost(1e-4), "notes: within 1e-4 in float32; the layer is linear")
            .reference(Reference.noNumber(ABSTRACT + " (temporal sparsity becomes spatial sparsity of the deltas)"));
    static final Claim SPARSER = Claim.claim("penalty-sparser",
            "The temporal sparsity penalty makes the deltas much sparser: the fraction of non-zero deltas without "
                    + "the penalty divided by that with it is at least 2, paired by seed.")
            .criterion(Criterion.atLeast(2), "notes: at least 2× (the paper: about 3× on UCF101)")
            .reference(Reference.of(3, "about 3× higher activation sparsity on UCF101", ABSTRACT))
            .overSeeds();
    static final Claim COST = Claim.claim("small-accuracy-cost",
            "At a small accuracy cost: per-frame accuracy with the penalty minus without is at least −0.02, paired by "
                    + "seed (a non-inferiority margin: the paper reports a loss that longer training recovers).")
            .criterion(Criterion.atLeast(-0.02), "notes: a drop of at most 2 points; the paper: the accuracy loss "
                    + "can be recovered by longer training")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();

    static final int SIDE = FashionMnist.SIDE;
    static final int FRAMES = 8;
    static final double NOISE = 0.05;
    static final float STEP = 0.05f;
    static final float LAMBDA = 2f;
    static final int[] HIDDEN = {256, 128};
    static final float LEARNING_RATE = 1e-3f;
    static final int BATCH = 64;
    static final List<String> MODELS = List.of("no penalty (λ = 0)", "penalty (λ = " + LAMBDA + ")");

    /**
     * What differs between the profiles.
     *
     * @param train training clips per seed (from a fresh random subset of images per seed)
     * @param test test clips per seed (likewise)
     * @param epochs epochs per model
     * @param seeds seeds; both models train once per seed from the same initial weights and data
     */
    public record Setup(int train, int test, int epochs, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(2_000, 500, 3, 3) : new Setup(12_000, 2_000, 6, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%,d training and %,d test clips of %d frames, drawn afresh for each of %d "
                    + "seeds; %d epochs per model.", train, test, FRAMES, seeds, epochs));
        }
    }

    /** Declares the steps and the claims each decides. */
    public DeltaActivationReproduction() {
        super(Setup::of);
        step("training", "With and without the temporal sparsity penalty, over seeds; delta against dense inference",
                this::training, EXACT, SPARSER, COST);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("delta-activation", 20,
                "Training for temporal sparsity in deep neural networks, application in video processing",
                List.of("Amirreza Yousefzadeh", "Manolis Sifalakis"), 2021, "arXiv", "2107.07305",
                "Consecutive video frames are alike, so a layer's activations change little from frame to frame. The "
                        + "delta activation layer sends only the change of each (quantised) activation, and the next "
                        + "layer accumulates, which is exact for linear layers and costs work only for non-zero "
                        + "changes; an L1 penalty on the changes during training makes them sparser. The paper "
                        + "reports about 3× higher activation sparsity on UCF101 at an accuracy loss that longer "
                        + "training recovers. We train per-frame MLPs with delta layers on clips of translated "
                        + "Fashion-MNIST images with and without the penalty, paired by seed, and check delta "
                        + "inference against dense inference.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Clips of " + FRAMES + " frames from Fashion-MNIST images moved by a random walk of ±1 pixel "
                        + "per frame (within ±3 pixels) with Gaussian pixel noise σ = " + NOISE + " stand in for "
                        + "UCF101 video; no rotation.",
                "A per-frame MLP 784-" + HIDDEN[0] + "-" + HIDDEN[1] + "-10 with delta layers after both hidden ReLUs "
                        + "stands in for the paper's convolutional networks; Adam at " + LEARNING_RATE + ", batch "
                        + BATCH + ", loss = per-frame cross-entropy + λ · Σ_layers mean |d_t|.",
                "The quantiser step s = " + STEP + " (the notes' suggestion) and λ = " + LAMBDA + " are ours (the "
                        + "paper's values were not found); the baseline keeps the same quantiser with λ = 0.");
    }

    record ModelRow(String model, double frameAccuracy, double sdAccuracy, double nonzeroDeltas,
            double nonzeroLayer1, double nonzeroLayer2, double macFraction) { }

    private void training(StepContext ctx, Setup s) {
        double[][] acc = new double[2][s.seeds()];
        double[][] density = new double[2][s.seeds()];
        double[][][] layers = new double[2][s.seeds()][];
        double[][] macs = new double[2][s.seeds()];
        double exact = Double.NaN;
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = TranslatedClips.of(FashionMnist.train().sample(s.train(),
                    ctx.random("train-subset/" + seed)), SIDE, FRAMES, NOISE, ctx.random("train-clips/" + seed));
            LabeledData test = TranslatedClips.of(FashionMnist.test().sample(s.test(), ctx.random("test-subset/"
                    + seed)), SIDE, FRAMES, NOISE, ctx.random("test-clips/" + seed));
            for (int k = 0; k < 2; k++) {
                float lambda = k == 0 ? 0 : LAMBDA;
                try (NDManager m = ctx.manager().newSubManager()) {
                    Engines.seed(ctx.seed("init/" + seed));                       // same initial weights
                    DeltaMlp net = DeltaMlp.of(FRAMES, STEP, 10, HIDDEN);
                    net.initialize(m, DataType.FLOAT32, new Shape(BATCH, train.features()));
                    TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH)
                            .optAdam(LEARNING_RATE).optShuffleSeed(ctx.seed("shuffle/" + seed))
                            .optObjective((out, y) -> DeltaMlp.loss(out, y, FRAMES, lambda))
                            .optName(MODELS.get(k) + " (seed " + (seed + 1) + ")").build().fit(net, train, null, m);
                    DeltaMlp.Evaluation e = net.evaluate(test, m);
                    acc[k][seed] = e.frameAccuracy();
                    density[k][seed] = e.meanDensity();
                    layers[k][seed] = e.density();
                    macs[k][seed] = e.macFraction();
                    if (seed == 0 && k == 1) {
                        exact = readoutDeviation(net, test.head(50), m);
                    }
                }
            }
        }
        List<ModelRow> rows = new ArrayList<>();
        Map<String, double[]> byLayer = new LinkedHashMap<>();
        Map<String, double[][]> points = new LinkedHashMap<>();
        for (int k = 0; k < 2; k++) {
            double[] mean = new double[HIDDEN.length];
            for (double[] d : layers[k]) {
                for (int l = 0; l < mean.length; l++) {
                    mean[l] += d[l] / s.seeds();
                }
            }
            byLayer.put(MODELS.get(k), mean);
            points.put(MODELS.get(k), new double[][] {density[k], acc[k]});
            rows.add(new ModelRow(MODELS.get(k), Stats.mean(acc[k]), Stats.sd(acc[k]), Stats.mean(density[k]),
                    mean[0], mean[1], Stats.mean(macs[k])));
        }
        ctx.table("models", Tables.of("Per-frame test accuracy, non-zero deltas and MAC fraction of delta inference, "
                + "means over " + s.seeds() + " seeds", rows));
        ctx.table("per-seed", Tables.matrix("non-zero deltas per seed", "model", MODELS, seedNames(s.seeds()),
                density));
        ctx.chart("density-by-layer", DeltaActivationFigures.densityBars("Non-zero deltas per hidden layer (mean over "
                + "seeds)", byLayer));
        ctx.chart("accuracy-vs-density", DeltaActivationFigures.accuracyVsDensity("Accuracy against delta density, "
                + "one point per seed", points));
        ctx.decide(EXACT, exact, "largest |delta-accumulated − dense| readout output, 50 test clips of seed 1");
        ctx.decide(SPARSER, Estimate.pairedRatio(density[0], density[1]), String.format("non-zero deltas %.4f "
                + "without the penalty, %.4f with it", Stats.mean(density[0]), Stats.mean(density[1])));
        ctx.decide(COST, Estimate.pairedDifference(acc[1], acc[0]), String.format("per-frame accuracy %.4f with the "
                + "penalty − %.4f without", Stats.mean(acc[1]), Stats.mean(acc[0])));
    }

    /** The largest |z_delta − z_dense| of the readout over {@code clips}: delta accumulation against the network. */
    private static double readoutDeviation(DeltaMlp net, LabeledData clips, NDManager m) {
        List<NDArray> streams = net.streams(new ParameterStore(m, false), clips.featuresNd(m), false);
        Linear readout = net.layers().get(net.layers().size() - 1);
        double[][] w = matrix(readout.getParameters().get("weight").getArray());
        double[] b = readout.getParameters().get("bias").getArray().toType(DataType.FLOAT64, false).toDoubleArray();
        NDArray in = streams.get(streams.size() - 2);                                      // (B, T, H)
        NDArray logits = streams.get(streams.size() - 1);                                  // (B, T, K)
        double worst = 0;
        for (int n = 0; n < clips.size(); n++) {
            double[][] z = DeltaActivation.accumulate(w, matrix(in.get(new NDIndex("{}", n))));
            double[][] dense = matrix(logits.get(new NDIndex("{}", n)));
            for (int t = 0; t < z.length; t++) {
                for (int o = 0; o < b.length; o++) {
                    worst = Math.max(worst, Math.abs(z[t][o] + b[o] - dense[t][o]));
                }
            }
        }
        return worst;
    }

    private static double[][] matrix(NDArray a) {
        int rows = (int) a.getShape().get(0);
        double[] v = a.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] out = new double[rows][];
        int cols = v.length / rows;
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(v, r * cols, (r + 1) * cols);
        }
        return out;
    }

    private static List<String> seedNames(int seeds) {
        List<String> names = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            names.add("seed " + seed);
        }
        return names;
    }
}
