package org.reprolab.reproductions.stdphomeostasis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;
import org.reprolab.data.SklearnDatasets;
import org.reprolab.math.Correlation;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.stdphomeostasis.SpatialPatternLayer;
import org.reprolab.papers.stdphomeostasis.SpatialPatterns;
import org.reprolab.papers.stdphomeostasis.StdpHomeostasisFigures;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.sparsity.NeuronSets;
import org.reprolab.spiking.Stdp;

/**
 * Davies et al. (2025): an STDP layer with a teacher and homeostatic thresholds learns binarised digits; one trained
 * pattern against other digits, ten trained prototypes against noisy copies (confusion against overlap), and the
 * same ten without homeostasis, over seeds.
 */
public final class StdpHomeostasisReproduction extends PaperReproduction<StdpHomeostasisReproduction.Setup> {

    static final String ABSTRACT = "Davies et al. (2025), abstract (arXiv 2312.02659)";

    static final Claim ONE_SHOT = Claim.check("one-shot-weights",
            "One presentation with the teacher sets exactly the synapses from the pattern's active inputs to "
                    + "A₊ e^{−delay/τ₊} and leaves the others at 0 (largest deviation over seeds).")
            .criterion(Criterion.atMost(1e-12), "ours: pre-before-post STDP with one pairing at the teacher's delay");
    static final Claim SINGLE = Claim.claim("single-pattern",
            "A neuron trained on a single pattern is an ideal detector: it fires for its pattern and for no other "
                    + "binarised digit (accuracy over the trained pattern and the other digits, pooled over seeds).")
            .criterion(Criterion.atLeast(0.99), "paper: 100 % accuracy with one trained pattern; 0.99 so that a "
                    + "finite number of trials can show it")
            .reference(Reference.of(1.0, "100 % accuracy (ideal detector)", ABSTRACT))
            .overSeeds();
    static final Claim OVERLAP = Claim.claim("confusion-vs-overlap",
            "With ten trained prototypes, confusion between two patterns grows with their overlap: Spearman's ρ "
                    + "between the Jaccard overlap of two prototypes and their confusion rate (45 pairs) is at least "
                    + "0.5, mean over seeds.")
            .criterion(Criterion.atLeast(0.5), "notes: Spearman(overlap, confusion) ≥ 0.5; the paper: accuracy "
                    + "with several patterns is linked to their similarity")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim MONOPOLY = Claim.claim("no-homeostasis-monopoly",
            "Without homeostasis a few neurons take the patterns: the neuron that fires on the most prototypes takes "
                    + "more of them than with homeostasis (without − with > 0, paired by seed).")
            .criterion(Criterion.above(0), "ours: issue 13's reading of the paper's homeostasis (the abstract "
                    + "gives no number)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();

    static final double PIXEL_LEVEL = 8;
    static final int CLASSES = 10;
    static final double H_SINGLE = 1.0;
    static final double H_MULTI = 0.8;
    static final double FLIP = 0.1;
    static final Stdp RULE = new Stdp(1, 1, 20, 20, 0, 1);
    static final int DELAY = 2;

    /**
     * What differs between the profiles.
     *
     * @param seeds seeds (patterns, prototypes and noise drawn afresh per seed)
     * @param others other digits each single-pattern detector is tested on
     * @param copies noisy copies of each prototype at test
     * @param passes training passes over the prototypes (in a fresh random order each)
     */
    public record Setup(int seeds, int others, int copies, int passes) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(5, 500, 30, 3) : new Setup(20, 1796, 100, 3);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%d seeds; each single-pattern detector is tested on %d other digits; %d "
                    + "noisy copies (%.0f %% of bits flipped) of each prototype; %d training passes.", seeds, others,
                    copies, 100 * FLIP, passes));
        }
    }

    /** Declares the steps and the claims each decides. */
    public StdpHomeostasisReproduction() {
        super(Setup::of);
        step("single-pattern", "One trained pattern: the ideal detector", this::singlePattern, ONE_SHOT, SINGLE);
        step("prototypes", "Ten prototypes: confusion against overlap, with and without homeostasis",
                this::prototypes, OVERLAP, MONOPOLY);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("stdp-homeostasis", 31, "Supervised learning of spatial features with STDP and "
                + "homeostasis using spiking neural networks on SpiNNaker",
                List.of("Sergio Davies", "Andrew Gait", "Andrew Rowley", "Alessandro Di Nuovo"), 2025,
                "Neurocomputing", "2312.02659",
                "A spatial pattern is a set of input neurons that spike at the same moment. The paper trains output "
                        + "neurons to recognise such patterns with one presentation: a teacher makes the target "
                        + "neuron spike just after the pattern, so STDP potentiates exactly the synapses from the "
                        + "active inputs, and homeostasis keeps each neuron's response in range. It reports that with "
                        + "one trained pattern the network is an ideal detector (100 % accuracy) and that with "
                        + "several patterns accuracy depends on how similar they are. We simulate the layer on "
                        + "binarised scikit-learn digits, test one-pattern detectors against other digits, train ten "
                        + "class prototypes, relate their confusion to their overlap, and switch homeostasis off.");
    }

    @Override
    public List<String> standIns() {
        return List.of("A software simulation (dt = 1 ms, LIF τ_m = 20 ms, STDP A₊ = A₋ = 1, τ₊ = τ₋ = 20 ms, "
                        + "weights in [0, 1], teacher spike 2 ms after the pattern) stands in for SpiNNaker.",
                "Patterns are scikit-learn's 8×8 digits binarised at pixel > 8 (of 16), and class prototypes are "
                        + "class-mean images of a random half of the digits, binarised likewise; the paper's own "
                        + "patterns are synthetic.",
                "The homeostatic threshold is our reconstruction: θ = h · (the neuron's total weight), h = 1 for the "
                        + "single-pattern detector and 0.8 for the ten prototypes; without homeostasis θ is fixed at "
                        + "0.8 × the mean learned weight mass of a prototype.");
    }

    // ---------------------------------------------------------------------------------------------------
    // Step 1: one pattern, one neuron.

    private void singlePattern(StepContext ctx, Setup s) {
        LabeledData digits = SklearnDatasets.load("digits");
        double learned = SpatialPatternLayer.learnedWeight(RULE, DELAY);
        long correct = 0;
        long trials = 0;
        long falsePositives = 0;
        double deviation = 0;
        for (int seed = 0; seed < s.seeds(); seed++) {
            SplittableRandom rng = ctx.random("pattern/" + seed);
            int target = rng.nextInt(digits.size());
            boolean[] p = SpatialPatterns.binarise(digits.row(target), PIXEL_LEVEL);
            SpatialPatternLayer layer = SpatialPatternLayer.builder().setInputs(p.length).optStdp(RULE)
                    .optTeacherDelay(DELAY).optHomeostasis(H_SINGLE).build();
            layer.present(p, 0, true);
            double[] w = layer.weights(0);
            for (int i = 0; i < w.length; i++) {
                deviation = Math.max(deviation, Math.abs(w[i] - (p[i] ? learned : 0)));
            }
            correct += layer.present(p, -1, false)[0] ? 1 : 0;
            trials++;
            for (int k = 0; k < s.others(); k++) {
                int other = rng.nextInt(digits.size() - 1);
                boolean[] x = SpatialPatterns.binarise(digits.row(other >= target ? other + 1 : other), PIXEL_LEVEL);
                boolean same = Arrays.equals(x, p);
                boolean fired = layer.present(x, -1, false)[0];
                correct += fired == same ? 1 : 0;
                falsePositives += fired && !same ? 1 : 0;
                trials++;
            }
        }
        ctx.metric("false positives", falsePositives);
        ctx.decide(ONE_SHOT, deviation, String.format("max |w − expected| = %.2e (A₊ e^{−%d/20} = %.4f on active "
                + "inputs)", deviation, DELAY, learned));
        ctx.decide(SINGLE, Estimate.proportion(correct, trials), String.format("%d of %d correct (%d false "
                + "positives: digits whose active pixels cover the whole pattern) over %d seeds", correct, trials,
                falsePositives, s.seeds()));
    }

    // ---------------------------------------------------------------------------------------------------
    // Step 2: ten prototypes, with and without homeostasis.

    /** Rates C[a][b]: the fraction of noisy copies of prototype a on which neuron b fires. */
    private static double[][] confusion(SpatialPatternLayer layer, boolean[][] protos, Setup s, SplittableRandom rng) {
        double[][] c = new double[CLASSES][CLASSES];
        for (int a = 0; a < CLASSES; a++) {
            for (int k = 0; k < s.copies(); k++) {
                boolean[] fired = layer.present(SpatialPatterns.noisy(protos[a], FLIP, rng), -1, false);
                for (int b = 0; b < CLASSES; b++) {
                    c[a][b] += fired[b] ? 1.0 / s.copies() : 0;
                }
            }
        }
        return c;
    }

    /** For each neuron b, the prototypes a it fires on for at least half of their copies. */
    private static double[] taken(double[][] c) {
        double[] t = new double[CLASSES];
        for (double[] row : c) {
            for (int b = 0; b < CLASSES; b++) {
                t[b] += row[b] >= 0.5 ? 1 : 0;
            }
        }
        return t;
    }

    private void prototypes(StepContext ctx, Setup s) {
        LabeledData digits = SklearnDatasets.load("digits");
        double learned = SpatialPatternLayer.learnedWeight(RULE, DELAY);
        double[] rho = new double[s.seeds()];
        double[] maxWith = new double[s.seeds()];
        double[] maxWithout = new double[s.seeds()];
        double[] overlap0 = new double[CLASSES * (CLASSES - 1) / 2];
        double[] confusion0 = new double[overlap0.length];
        Map<String, double[]> taken0 = new LinkedHashMap<>();
        record Seed(int seed, double spearman, double maxTakenWith, double maxTakenWithout,
                double correctWith, double correctWithout) { }
        List<Seed> rows = new ArrayList<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            SplittableRandom rng = ctx.random("prototypes/" + seed);
            boolean[][] protos = SpatialPatterns.prototypes(digits.sample(digits.size() / 2, rng), CLASSES,
                    PIXEL_LEVEL);
            double mass = 0;
            for (boolean[] p : protos) {
                mass += learned * NeuronSets.size(p) / CLASSES;
            }
            SpatialPatternLayer with = SpatialPatternLayer.builder().setInputs(protos[0].length).setNeurons(CLASSES)
                    .optStdp(RULE).optTeacherDelay(DELAY).optHomeostasis(H_MULTI).build();
            SpatialPatternLayer without = SpatialPatternLayer.builder().setInputs(protos[0].length)
                    .setNeurons(CLASSES).optStdp(RULE).optTeacherDelay(DELAY).optFixedThreshold(H_MULTI * mass)
                    .build();
            for (int pass = 0; pass < s.passes(); pass++) {
                for (int a : LabeledData.permutation(CLASSES, rng)) {
                    with.present(protos[a], a, true);
                    without.present(protos[a], a, true);
                }
            }
            SplittableRandom noise = ctx.random("noise/" + seed);
            double[][] cWith = confusion(with, protos, s, noise);
            double[][] cWithout = confusion(without, protos, s, ctx.random("noise/" + seed));
            double[] overlap = new double[overlap0.length];
            double[] conf = new double[overlap0.length];
            int k = 0;
            for (int a = 0; a < CLASSES; a++) {
                for (int b = a + 1; b < CLASSES; b++) {
                    overlap[k] = NeuronSets.jaccard(protos[a], protos[b]);
                    conf[k++] = (cWith[a][b] + cWith[b][a]) / 2;
                }
            }
            rho[seed] = Correlation.spearman(overlap, conf);
            double[] tWith = taken(cWith);
            double[] tWithout = taken(cWithout);
            maxWith[seed] = Stats.max(tWith);
            maxWithout[seed] = Stats.max(tWithout);
            if (seed == 0) {
                System.arraycopy(overlap, 0, overlap0, 0, overlap.length);
                System.arraycopy(conf, 0, confusion0, 0, conf.length);
                taken0.put("homeostasis (h = " + H_MULTI + ")", tWith);
                taken0.put("no homeostasis", tWithout);
            }
            rows.add(new Seed(seed + 1, rho[seed], maxWith[seed], maxWithout[seed], diagonal(cWith),
                    diagonal(cWithout)));
        }
        ctx.table("per-seed", Tables.of("Per seed: Spearman ρ (with homeostasis), the most prototypes one neuron "
                + "takes, and the mean rate at which each neuron fires on its own prototype's copies", rows));
        ctx.chart("confusion-vs-overlap", StdpHomeostasisFigures.confusionVsOverlap("Confusion against overlap, "
                + "ten prototypes with homeostasis (seed 1)", overlap0, confusion0));
        ctx.chart("patterns-taken", StdpHomeostasisFigures.patternsTaken("Prototypes each neuron fires on (seed 1)",
                taken0));
        ctx.decide(OVERLAP, Estimate.mean(rho), String.format("Spearman ρ over %d seeds (45 pairs each)", s.seeds()));
        ctx.decide(MONOPOLY, Estimate.pairedDifference(maxWithout, maxWith), String.format("most prototypes taken "
                + "by one neuron: %.2f without homeostasis, %.2f with (means over seeds)", Stats.mean(maxWithout),
                Stats.mean(maxWith)));
    }

    private static double diagonal(double[][] c) {
        double d = 0;
        for (int a = 0; a < CLASSES; a++) {
            d += c[a][a] / CLASSES;
        }
        return d;
    }
}
