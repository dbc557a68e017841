package org.reprolab.reproductions.snmf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;
import org.reprolab.data.SklearnDatasets;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.snmf.FeatureProbes;
import org.reprolab.papers.snmf.SemiNmf;
import org.reprolab.papers.snmf.SnmfFigures;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.sparsity.SparseAutoencoder;
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * Shafran, Geiger and Geva (2025): semi-NMF of an MLP's hidden activations against a top-k sparse autoencoder and
 * difference-of-means directions, on an MLP trained here on scikit-learn's digits: class purity of each feature's
 * top inputs, and steering by adding a feature to the hidden layer against random directions, over seeds.
 */
public final class SnmfReproduction extends PaperReproduction<SnmfReproduction.Setup> {

    static final String PAPER = "Shafran, Geiger and Geva (2025), arXiv 2506.10920";

    static final Claim MONOTONE = Claim.check("best-loss-monotone",
            "The kept (best) iterate's loss ‖A − ZYᵀ‖²_F never increases from one iteration to the next.")
            .criterion(Criterion.atMost(0), "ours: the loop keeps the best iterate, so this holds by construction")
            .reference(Reference.noNumber(PAPER + ", reference code"));
    static final Claim RECONSTRUCTION = Claim.claim("reconstruction",
            "Semi-NMF with k features, each a sparse group of neurons, reconstructs the activations with relative "
                    + "error ‖A − ZYᵀ‖_F / ‖A‖_F ≤ 0.6, over seeds.")
            .criterion(Criterion.atMost(0.6), "notes: final relative error ≤ 0.6 at k = 10")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();
    static final Claim PURITY = Claim.claim("purity-vs-sae",
            "SNMF features are purer than the sparse autoencoder's: the share of the dominant class among each "
                    + "feature's top inputs, averaged over features, SNMF − SAE ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: SNMF features align with human-interpretable concepts better "
                    + "than SAE features; notes: class purity of the top-50 inputs as the measure")
            .reference(Reference.noNumber(PAPER + ", abstract"))
            .overSeeds();
    static final Claim STEER_RANDOM = Claim.claim("steering-vs-random",
            "Adding an SNMF feature to the hidden layer turns more predictions into the feature's class than a "
                    + "random direction with the same number of neurons and the same norm: SNMF − random ≥ 0, paired "
                    + "by seed.")
            .criterion(Criterion.atLeast(0), "notes: a random direction of the same sparsity and norm steers far "
                    + "less (≤ 20% against ≥ 80%); the paper shows features are causal")
            .reference(Reference.noNumber(PAPER + ", causal steering"))
            .overSeeds();
    static final Claim STEER_SAE = Claim.claim("steering-vs-sae",
            "SNMF features steer at least as well as the sparse autoencoder's at equal norm: SNMF − SAE flip rate "
                    + "≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: SNMF outperforms SAEs on causal steering; notes: SNMF ≥ SAE")
            .reference(Reference.noNumber(PAPER + ", abstract"))
            .overSeeds();

    static final Claim STEER_DIFFMEANS = Claim.claim("steering-vs-diffmeans",
            "SNMF features steer at least as well as the supervised difference-of-means direction of the same "
                    + "class at equal norm: SNMF − DiffMeans flip rate ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: SNMF features outperform SAEs and a strong supervised baseline "
                    + "(difference-in-means) on causal steering")
            .reference(Reference.noNumber(PAPER + ", abstract"))
            .overSeeds();

    /** Inputs inspected per feature for purity (the notes' top 50). */
    static final int TOP = 50;
    static final int BATCH = 64;
    static final float LEARNING_RATE = 3e-3f;

    /**
     * What differs between the profiles.
     *
     * @param hidden width of the MLP's two hidden layers
     * @param epochs epochs of the MLP
     * @param rank k, the number of SNMF and SAE features
     * @param keep the share of neurons each SNMF feature keeps
     * @param iterations SNMF iterations
     * @param active SAE features active per input
     * @param saeEpochs SAE training epochs
     * @param steer the steering vector's norm in units of the mean hidden activation norm
     * @param seeds seeds; each draws its own train/test split and trains its own models
     */
    public record Setup(int hidden, int epochs, int rank, double keep, int iterations, int active, int saeEpochs,
            double steer, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(128, 20, 10, 0.1, 300, 2, 30, 1.0, 3)
                    : new Setup(128, 40, 10, 0.1, 1_000, 2, 100, 1.0, 8);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("scikit-learn digits (70/30 split drawn per seed, %d seeds); MLP 64-%d-%d-10, "
                    + "%d epochs; A = first hidden layer's ReLU activations on the training split; SNMF k = %d, "
                    + "keep %.0f%% of neurons, %d iterations; top-%d SAE with %d features, %d epochs; steering "
                    + "vectors of norm %.1f × the mean activation norm.", seeds, hidden, hidden, epochs, rank,
                    100 * keep, iterations, active, rank, saeEpochs, steer));
        }
    }

    /** Declares the steps and the claims each decides. */
    public SnmfReproduction() {
        super(Setup::of);
        step("decompose", "Semi-NMF, SAE and difference-of-means features: reconstruction, purity, steering",
                this::decompose, MONOTONE, RECONSTRUCTION, PURITY, STEER_RANDOM, STEER_SAE, STEER_DIFFMEANS);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("snmf", 19,
                "Decomposing MLP Activations into Interpretable Features via Semi-Nonnegative Matrix Factorization",
                List.of("Or Shafran", "Atticus Geiger", "Mor Geva"), 2025, "arXiv", "2506.10920",
                "Sparse autoencoders find features in activations but need not match the model's computation. The "
                        + "paper factorises MLP activations directly, A ≈ Z Yᵀ with non-negative coefficients Y and "
                        + "features Z that are sparse groups of neurons, and reports that these features beat SAEs and "
                        + "difference-of-means directions at causal steering and align with human concepts (LLMs; no "
                        + "numbers reachable to us). We factorise the hidden layer of a small MLP on digits and "
                        + "compare class purity and steering, paired by seed.");
    }

    @Override
    public List<String> standIns() {
        return List.of("An MLP on 8×8 digits stands in for the LLMs' MLP layers; a class stands in for a concept, "
                        + "class purity of a feature's top inputs for interpretability, and a change of the predicted "
                        + "class for a successful steer.",
                "Steering adds the feature (a vector over the hidden neurons) to the hidden activations, the MLP "
                        + "analogue of adding W_out z to the residual stream; random init of Y instead of "
                        + "SVD/k-means.");
    }

    /** One seed's measurements, per method: SNMF, SAE, DiffMeans, random (random has no purity). */
    record SeedRow(int seed, double relativeError, double puritySnmf, double puritySae, double purityDiffMeans,
            double steerSnmf, double steerSae, double steerDiffMeans, double steerRandom) { }

    private void decompose(StepContext ctx, Setup s) {
        LabeledData digits = SklearnDatasets.load("digits");
        List<SeedRow> rows = new ArrayList<>();
        double worstIncrease = 0;
        double[] lossCurve = null;
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData.Split split = digits.split(0.3, ctx.random("split/" + seed)).standardized();
            try (NDManager m = ctx.manager().newSubManager()) {
                Engines.seed(ctx.seed("init/" + seed));
                SequentialBlock net = Mlp.builder().setWidth(s.hidden()).setDepth(2).setOutputs(10)
                        .optActivation(Act.RELU).build();
                TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optAdam(LEARNING_RATE)
                        .optShuffleSeed(ctx.seed("shuffle/" + seed)).optName("MLP (seed " + (seed + 1) + ")").build()
                        .fit(net, split.train(), null, m);
                NDArray xTest = split.test().featuresNd(m);
                NDArray hTrain = FeatureProbes.outputOf(net, split.train().featuresNd(m), 1);
                double[][] a = FeatureProbes.unitsByInputs(hTrain);
                SemiNmf f = SemiNmf.fit(a, s.rank(), s.keep(), s.iterations(), ctx.random("snmf/" + seed));
                for (int i = 1; i < f.bestLoss().length; i++) {
                    worstIncrease = Math.max(worstIncrease, f.bestLoss()[i] - f.bestLoss()[i - 1]);
                }
                lossCurve = lossCurve == null ? f.bestLoss() : lossCurve;
                Engines.seed(ctx.seed("sae/" + seed));
                SparseAutoencoder sae = new SparseAutoencoder(s.hidden(), s.rank(), s.active());
                LabeledData actData = new LabeledData("activations", hTrain.toFloatArray(),
                        split.train().labelsArray(), s.hidden(), split.train().classNames());
                TrainingLoop.builder().setEpochs(s.saeEpochs()).setBatchSize(BATCH).optAdam(LEARNING_RATE)
                        .optShuffleSeed(ctx.seed("sae-shuffle/" + seed)).optObjective(SparseAutoencoder.objective())
                        .optName("SAE (seed " + (seed + 1) + ")").build().fit(sae, actData, null, m);
                double[][] codes = FeatureProbes.unitsByInputs(sae.encode(actData.featuresNd(m)));
                double scale = s.steer() * FeatureProbes.meanColumnNorm(FeatureProbes.activations(net, xTest, 1));
                rows.add(measure(seed, f, a, codes, sae, net, xTest, split.train().labelsArray(), scale,
                        ctx.random("random-directions/" + seed)));
            }
        }
        ctx.table("per-seed", Tables.of("per seed: reconstruction, mean purity of the top-" + TOP + " inputs, and "
                + "steering flip rate", rows));
        ctx.chart("snmf-loss", SnmfFigures.lossCurve(lossCurve));
        ctx.chart("purity-steering", SnmfFigures.comparison(rows.stream().mapToDouble(SeedRow::puritySnmf).toArray(),
                rows.stream().mapToDouble(SeedRow::puritySae).toArray(),
                rows.stream().mapToDouble(SeedRow::purityDiffMeans).toArray(),
                rows.stream().mapToDouble(SeedRow::steerSnmf).toArray(),
                rows.stream().mapToDouble(SeedRow::steerSae).toArray(),
                rows.stream().mapToDouble(SeedRow::steerDiffMeans).toArray(),
                rows.stream().mapToDouble(SeedRow::steerRandom).toArray()));
        double[] snmfPurity = rows.stream().mapToDouble(SeedRow::puritySnmf).toArray();
        double[] saePurity = rows.stream().mapToDouble(SeedRow::puritySae).toArray();
        double[] snmfSteer = rows.stream().mapToDouble(SeedRow::steerSnmf).toArray();
        double[] saeSteer = rows.stream().mapToDouble(SeedRow::steerSae).toArray();
        double[] randomSteer = rows.stream().mapToDouble(SeedRow::steerRandom).toArray();
        double[] diffMeansSteer = rows.stream().mapToDouble(SeedRow::steerDiffMeans).toArray();
        ctx.decide(MONOTONE, worstIncrease, "largest increase of the best loss between iterations, all seeds");
        ctx.decide(RECONSTRUCTION, Estimate.mean(rows.stream().mapToDouble(SeedRow::relativeError).toArray()),
                "‖A − ZYᵀ‖_F / ‖A‖_F of the kept iterate");
        ctx.decide(PURITY, Estimate.pairedDifference(snmfPurity, saePurity), String.format("SNMF %.3f − SAE %.3f",
                Stats.mean(snmfPurity), Stats.mean(saePurity)));
        ctx.decide(STEER_RANDOM, Estimate.pairedDifference(snmfSteer, randomSteer), String.format(
                "SNMF %.3f − random %.3f flip rate", Stats.mean(snmfSteer), Stats.mean(randomSteer)));
        ctx.decide(STEER_SAE, Estimate.pairedDifference(snmfSteer, saeSteer), String.format(
                "SNMF %.3f − SAE %.3f flip rate", Stats.mean(snmfSteer), Stats.mean(saeSteer)));
        ctx.decide(STEER_DIFFMEANS, Estimate.pairedDifference(snmfSteer, diffMeansSteer), String.format(
                "SNMF %.3f − DiffMeans %.3f flip rate (DiffMeans steers towards its own class)",
                Stats.mean(snmfSteer), Stats.mean(diffMeansSteer)));
    }

    private static SeedRow measure(int seed, SemiNmf f, double[][] a, double[][] codes, SparseAutoencoder sae,
            SequentialBlock net, NDArray xTest, int[] labels, double scale, SplittableRandom rng) {
        int k = f.z()[0].length;
        double[] purity = new double[3];
        double[] steer = new double[4];
        for (int j = 0; j < k; j++) {
            double[] y = f.coefficients(j);
            int target = FeatureProbes.dominantClass(y, labels, 10, TOP);
            purity[0] += FeatureProbes.purity(y, labels, 10, TOP) / k;
            double[] z = f.feature(j);
            steer[0] += FeatureProbes.flipRate(net, xTest, FeatureProbes.scaled(z, scale), 1, target) / k;
            double[] random = FeatureProbes.randomLike(z, rng);
            steer[3] += FeatureProbes.flipRate(net, xTest, FeatureProbes.scaled(random, scale), 1, target) / k;
            int saeTarget = FeatureProbes.dominantClass(codes[j], labels, 10, TOP);
            purity[1] += FeatureProbes.purity(codes[j], labels, 10, TOP) / k;
            float[] dir = sae.direction(j);
            double[] saeDir = new double[dir.length];
            for (int i = 0; i < dir.length; i++) {
                saeDir[i] = dir[i];
            }
            steer[1] += FeatureProbes.flipRate(net, xTest, FeatureProbes.scaled(saeDir, scale), 1, saeTarget) / k;
        }
        for (int cls = 0; cls < 10; cls++) {
            double[] dir = FeatureProbes.diffMeans(a, labels, cls);
            purity[2] += FeatureProbes.purity(FeatureProbes.project(a, dir), labels, 10, TOP) / 10;
            steer[2] += FeatureProbes.flipRate(net, xTest, FeatureProbes.scaled(dir, scale), 1, cls) / 10;
        }
        return new SeedRow(seed + 1, f.relativeError(a), purity[0], purity[1], purity[2], steer[0], steer[1],
                steer[2], steer[3]);
    }
}
