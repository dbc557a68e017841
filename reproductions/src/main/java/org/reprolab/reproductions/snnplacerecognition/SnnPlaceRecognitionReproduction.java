package org.reprolab.reproductions.snnplacerecognition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.snnplacerecognition.AppearanceChange;
import org.reprolab.papers.snnplacerecognition.PlaceEnsemble;
import org.reprolab.papers.snnplacerecognition.PlaceRecognitionFigures;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;

/**
 * Hussaini et al. (2023): an ensemble of region-specific spiking modules recognises image "places" seen again under
 * changed appearance; the same ensemble with and without hyperactive-neuron removal, paired by seed.
 */
public final class SnnPlaceRecognitionReproduction extends PaperReproduction<SnnPlaceRecognitionReproduction.Setup> {

    static final String ABSTRACT = "Hussaini, Milford and Fischer (2023), abstract (arXiv 2209.08723)";

    static final Claim RECALL = Claim.claim("removal-raises-recall",
            "Removing hyperactive neurons raises the ensemble's Recall@1: with − without removal > 0, paired by seed.")
            .criterion(Criterion.above(0), "paper: the regularisation is what lets region-specific modules be "
                    + "combined at scale (no number reachable; the notes' +10 points is a guess, not the paper's)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim OUT_OF_REGION = Claim.claim("removal-cuts-out-of-region",
            "Removing hyperactive neurons cuts the false matches to places outside the query's region: the share of "
                    + "test queries matched out of region, with − without removal < 0, paired by seed.")
            .criterion(Criterion.below(0), "paper: hyperactive neurons of one module fire for other regions' "
                    + "places and cause false positives there; removal targets exactly them")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim CALIBRATION = Claim.check("calibration-no-worse",
            "On the calibration queries the calibrated threshold is at least as good as no removal (no removal is "
                    + "one of the candidates): smallest calibration Recall@1 gain over seeds ≥ 0.")
            .criterion(Criterion.atLeast(0), "ours: the threshold maximises calibration Recall@1 over candidates "
                    + "that include ∞");

    static final double BRIGHT_LO = 0.6;
    static final double BRIGHT_HI = 1.4;
    static final double NOISE = 0.1;
    static final int SHIFT = 2;

    /**
     * What differs between the profiles.
     *
     * @param regions regions, one module each
     * @param placesPerRegion places per region
     * @param neurons excitatory neurons per module
     * @param steps time steps per presentation
     * @param epochs training passes over a module's references
     * @param testQueries changed-appearance test queries per place (one more per place is for calibration)
     * @param seeds seeds (places, queries and modules drawn afresh per seed)
     */
    public record Setup(int regions, int placesPerRegion, int neurons, int steps, int epochs, int testQueries,
            int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(3, 10, 20, 40, 15, 2, 6) : new Setup(8, 20, 40, 60, 20, 4, 8);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%d regions × %d places (%d places), modules of %d excitatory neurons, %d "
                    + "time steps per presentation, %d training passes; per place %d test queries and 1 calibration "
                    + "query; %d seeds.", regions, placesPerRegion, regions * placesPerRegion, neurons, steps, epochs,
                    testQueries, seeds));
        }
    }

    /** Declares the step and the claims it decides. */
    public SnnPlaceRecognitionReproduction() {
        super(Setup::of);
        step("ensemble", "Region-specific ensemble with and without hyperactive-neuron removal, over seeds",
                this::ensemble, RECALL, OUT_OF_REGION, CALIBRATION);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("snn-place-recognition", 35, "Ensembles of Compact, Region-specific & Regularized "
                + "Spiking Neural Networks for Scalable Place Recognition",
                List.of("Somayeh Hussaini", "Michael Milford", "Tobias Fischer"), 2023, "ICRA", "2209.08723",
                "Visual place recognition asks which known place a new image shows, under changed light, season or "
                        + "viewpoint. The paper splits a large set of places into regions and trains one compact "
                        + "spiking module (Diehl and Cook style: Poisson inputs, STDP, adaptive thresholds, lateral "
                        + "inhibition) per region, then combines the modules. Because each module never saw other "
                        + "regions, some of its neurons fire strongly for them; removing these hyperactive neurons, "
                        + "with a threshold calibrated on held-out queries, is the paper's regularisation. We train "
                        + "such an ensemble on image places with simulated appearance change and compare it with and "
                        + "without the removal, paired by seed.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Places are Fashion-MNIST test images (a fresh draw per seed), pooled to 14×14, standing in "
                        + "for the Nordland and Oxford RobotCar traverses (not available here). A query is the same "
                        + "image with changed appearance: shift up to ±" + SHIFT + " px, brightness ×[" + BRIGHT_LO
                        + ", " + BRIGHT_HI + "], Gaussian noise σ = " + NOISE + ".",
                "The module is a simplified Diehl and Cook network in plain Java (ours): lateral inhibition as a "
                        + "per-step winner-take-all, pair-based STDP with weights renormalised after each "
                        + "presentation, adaptive thresholds; whole-image normalisation stands in for patch "
                        + "normalisation; one presentation per query.");
    }

    record SeedRow(String seed, double recallWithout, double recallWith, double outOfRegionWithout,
            double outOfRegionWith, int removedNeurons, double threshold) { }

    private void ensemble(StepContext ctx, Setup s) {
        LabeledData pool = FashionMnist.test();
        int side = FashionMnist.SIDE;
        int places = s.regions() * s.placesPerRegion();
        double[][] r1 = new double[2][s.seeds()];
        double[][] out = new double[2][s.seeds()];
        double[] calibrationGain = new double[s.seeds()];
        List<SeedRow> rows = new ArrayList<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData drawn = pool.sample(places, ctx.random("places/" + seed));
            SplittableRandom change = ctx.random("appearance/" + seed);
            double[][] refs = new double[places][];
            for (int p = 0; p < places; p++) {
                refs[p] = AppearanceChange.poolAndNormalise(AppearanceChange.reference(drawn.row(p)), side);
            }
            SplittableRandom sim = ctx.random("network/" + seed);
            PlaceEnsemble ens = new PlaceEnsemble(refs, s.placesPerRegion(), s.neurons(), s.steps(), s.epochs(), sim);
            int queries = s.testQueries() + 1;
            List<List<int[]>> calib = new ArrayList<>();
            List<List<int[]>> test = new ArrayList<>();
            int[] calibTruth = new int[places];
            int[] testTruth = new int[places * s.testQueries()];
            for (int p = 0; p < places; p++) {
                for (int q = 0; q < queries; q++) {
                    double[] query = AppearanceChange.poolAndNormalise(AppearanceChange.change(drawn.row(p), side,
                            SHIFT, BRIGHT_LO, BRIGHT_HI, NOISE, change), side);
                    if (q == 0) {
                        calibTruth[p] = p;
                        calib.add(ens.responses(query, sim));
                    } else {
                        testTruth[test.size()] = p;
                        test.add(ens.responses(query, sim));
                    }
                }
            }
            double calibWithout = recall(ens, calib, calibTruth);
            double threshold = ens.calibrate(calib, calibTruth);
            calibrationGain[seed] = recall(ens, calib, calibTruth) - calibWithout;
            int removed = ens.removed();
            r1[1][seed] = recall(ens, test, testTruth);
            out[1][seed] = outOfRegion(ens, test, testTruth);
            ens.setRemovalThreshold(Double.POSITIVE_INFINITY);
            r1[0][seed] = recall(ens, test, testTruth);
            out[0][seed] = outOfRegion(ens, test, testTruth);
            rows.add(new SeedRow("seed " + (seed + 1), r1[0][seed], r1[1][seed], out[0][seed], out[1][seed], removed,
                    threshold));
            if (seed == 0) {
                ctx.chart("hyperactive-neurons", PlaceRecognitionFigures.hyperactive(ens.outOfRegionResponses(),
                        threshold));
            }
        }
        ctx.table("per-seed", Tables.of("Recall@1 and out-of-region matches on " + places * s.testQueries()
                + " test queries per seed (chance Recall@1 " + String.format("%.3f", 1.0 / places) + ")", rows));
        ctx.chart("with-and-without", PlaceRecognitionFigures.withAndWithout(r1[0], r1[1], out[0], out[1]));
        ctx.decide(RECALL, Estimate.pairedDifference(r1[1], r1[0]), String.format("Recall@1 with %.3f − without %.3f",
                Stats.mean(r1[1]), Stats.mean(r1[0])));
        ctx.decide(OUT_OF_REGION, Estimate.pairedDifference(out[1], out[0]), String.format(
                "out-of-region share with %.3f − without %.3f", Stats.mean(out[1]), Stats.mean(out[0])));
        ctx.decide(CALIBRATION, Stats.min(calibrationGain), "smallest calibration Recall@1 gain over seeds");
    }

    private static double recall(PlaceEnsemble ens, List<List<int[]>> responses, int[] truth) {
        int hits = 0;
        for (int q = 0; q < responses.size(); q++) {
            hits += ens.predict(responses.get(q)) == truth[q] ? 1 : 0;
        }
        return (double) hits / responses.size();
    }

    private static double outOfRegion(PlaceEnsemble ens, List<List<int[]>> responses, int[] truth) {
        int n = 0;
        for (int q = 0; q < responses.size(); q++) {
            int p = ens.predict(responses.get(q));
            n += p >= 0 && ens.region(p) != ens.region(truth[q]) ? 1 : 0;
        }
        return (double) n / responses.size();
    }
}
