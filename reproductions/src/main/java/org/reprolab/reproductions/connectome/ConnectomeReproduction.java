package org.reprolab.reproductions.connectome;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.reprolab.math.Clustering;
import org.reprolab.math.Correlation;
import org.reprolab.math.Estimate;
import org.reprolab.math.KMeans;
import org.reprolab.math.Stats;
import org.reprolab.papers.connectome.Affinities;
import org.reprolab.papers.connectome.ConnectomeFigures;
import org.reprolab.papers.connectome.NonnegativeCp;
import org.reprolab.papers.connectome.PlantedConnectome;
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
import org.reprolab.sparsity.NeuronSets;

/**
 * Dyballa et al. (2024): windowed affinities of synthetic calcium traces with planted time-varying communities,
 * stacked over animals, factorised by non-negative CP; each motif's weighted community against the planted one,
 * and against static correlation clustering, paired by seed.
 */
public final class ConnectomeReproduction extends PaperReproduction<ConnectomeReproduction.Setup> {

    static final String PAPER = "Dyballa et al. (2024), ICLR; the method (abstract); no synthetic benchmark number";

    static final Claim TIME = Claim.claim("time-factors",
            "Each planted epoch is recovered by one NTF time factor: the Pearson correlation of the epoch's "
                    + "indicator with its matched factor, averaged over epochs, is at least 0.9.")
            .criterion(Criterion.atLeast(0.9), "notes: each epoch indicator matches one v_r with Pearson r ≥ 0.9")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();
    static final Claim COMMUNITIES = Claim.claim("communities",
            "The weighted community of each epoch's motif recovers the planted community: Jaccard, averaged over "
                    + "epochs, at least 0.8.")
            .criterion(Criterion.atLeast(0.8), "notes: the matching u_r recovers C_e with Jaccard ≥ 0.8")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();
    static final Claim VS_STATIC = Claim.claim("vs-static",
            "The dynamic connectome recovers the planted communities better than static correlation clustering: "
                    + "Jaccard(NTF) − Jaccard(static) ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: the abstract argues that static connectomes miss "
                    + "context-dependent functional communities that the tensor factorisation reveals")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();
    static final Claim MONOTONE = Claim.check("ntf-loss-monotone",
            "HALS never increases the factorisation's loss: the largest relative increase from one sweep to the "
                    + "next, over all fits, is at most 1e-9.")
            .criterion(Criterion.atMost(1e-9), "ours: each HALS column update is an exact non-negative minimiser");

    /**
     * What differs between the profiles.
     *
     * @param neurons neurons per animal
     * @param animals animals
     * @param epochs epochs (one planted community each; also the CP rank)
     * @param epochLength samples per epoch
     * @param window affinity window in samples
     * @param step window step in samples
     * @param sweeps HALS sweeps per fit
     * @param restarts fits per seed (the best loss is kept)
     * @param seeds recordings (each with fresh communities and noise)
     */
    public record Setup(int neurons, int animals, int epochs, int epochLength, int window, int step, int sweeps,
            int restarts, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(30, 3, 3, 600, 100, 50, 150, 1, 4)
                    : new Setup(30, 3, 3, 1000, 100, 50, 300, 5, 10);
        }

        /** The generator: communities of 8, loading 0.8, AR(1) 0.9, calcium decay 0.8, noise 1. */
        PlantedConnectome generator() {
            return new PlantedConnectome(neurons, animals, epochs, epochLength, 8, 0.8, 0.9, 0.8, 1.0);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%d neurons, %d animals, %d epochs of %d samples; windows of %d samples "
                    + "every %d; rank-%d HALS, %d sweeps, best of %d; %d seeds.", neurons, animals, epochs,
                    epochLength, window, step, epochs, sweeps, restarts, seeds));
        }
    }

    /** Declares the step and the claims it decides. */
    public ConnectomeReproduction() {
        super(Setup::of);
        step("factorise", "Windowed affinities, non-negative CP, motif communities against static clustering",
                this::factorise, TIME, COMMUNITIES, VS_STATIC, MONOTONE);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("connectome", 21,
                "Learning dynamic representations of the functional connectome in neurobiological networks",
                List.of("Luciano Dyballa", "Samuel Lang", "Alexandra Haslund-Gourley", "Eviatar Yemini",
                        "Steven W. Zucker"), 2024, "ICLR", "2402.14102",
                "From whole-brain calcium imaging of C. elegans, the paper computes non-linear affinities between "
                        + "neurons in sliding windows, stacks them over animals into a tensor, factorises it by "
                        + "non-negative tensor factorisation into motifs (which pairs), time factors (when) and "
                        + "animal factors, and finds weighted communities in each motif: a dynamic functional "
                        + "connectome. We plant time-varying communities in synthetic calcium traces and measure "
                        + "whether the time factors and communities are recovered, and whether this beats static "
                        + "correlation clustering.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Synthetic calcium traces with planted communities (AR(1) drivers, exponential calcium "
                + "kernel, white noise) stand in for the C. elegans recordings; affinity max(0, r)² for the paper's "
                + "non-linear affinity; leading-eigenvector communities for the weighted stochastic block model; "
                + "k-means on static affinity rows for static correlation clustering.");
    }

    private void factorise(StepContext ctx, Setup s) {
        PlantedConnectome gen = s.generator();
        double[][] indicators = new double[s.epochs()][];
        for (int e = 0; e < s.epochs(); e++) {
            indicators[e] = gen.epochIndicator(e, s.window(), s.step());
        }
        double[] time = new double[s.seeds()];
        double[] ntf = new double[s.seeds()];
        double[] fixed = new double[s.seeds()];
        double increase = Double.NEGATIVE_INFINITY;
        record Row(int seed, @Column("time factor r") double time, @Column("Jaccard NTF") double ntf,
                @Column("Jaccard static") double fixed, @Column("loss reduction") double reduction) { }
        List<Row> rows = new ArrayList<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            PlantedConnectome.Recording rec = gen.sample(ctx.random("recording/" + seed));
            NonnegativeCp cp = NonnegativeCp.bestOf(Affinities.tensor(rec.traces(), s.window(), s.step()),
                    s.epochs(), s.sweeps(), s.restarts(), ctx.random("ntf/" + seed));
            increase = Math.max(increase, cp.largestLossIncrease());
            double[][] corr = new double[s.epochs()][s.epochs()];
            for (int e = 0; e < s.epochs(); e++) {
                for (int r = 0; r < s.epochs(); r++) {
                    corr[e][r] = Correlation.pearson(indicators[e], cp.secondFactor(r));
                }
            }
            int[] match = Clustering.bestAssignment(corr);
            int[] labels = KMeans.bestOf(Affinities.staticMatrix(rec.traces()), s.epochs() + 1, 100, 10,
                    ctx.random("kmeans/" + seed)).assignment();
            double[] r = new double[s.epochs()];
            double[] jn = new double[s.epochs()];
            double[] js = new double[s.epochs()];
            double[][] factors = new double[s.epochs()][];
            for (int e = 0; e < s.epochs(); e++) {
                Set<Integer> planted = rec.communities().get(e);
                r[e] = corr[e][match[e]];
                factors[e] = cp.secondFactor(match[e]);
                jn[e] = NeuronSets.jaccard(planted, Affinities.leadingCommunity(
                        Affinities.matrix(cp.firstFactor(match[e]), s.neurons())));
                for (int c = 0; c <= s.epochs(); c++) {
                    js[e] = Math.max(js[e], NeuronSets.jaccard(planted, members(labels, c)));
                }
            }
            time[seed] = Stats.mean(r);
            ntf[seed] = Stats.mean(jn);
            fixed[seed] = Stats.mean(js);
            rows.add(new Row(seed, time[seed], ntf[seed], fixed[seed], cp.finalLoss() / cp.loss()[0]));
            if (seed == 0) {
                ctx.chart("time-factors", ConnectomeFigures.timeFactors("Epochs and their matched NTF time factors "
                        + "(seed 0)", indicators, factors));
            }
        }
        ctx.table("per-seed", Tables.of("Recovery per seed (means over epochs)", rows));
        ctx.chart("jaccard", ConnectomeFigures.jaccardBySeed(ntf, fixed));
        ctx.decide(TIME, Estimate.mean(time), "mean over epochs of Pearson r(indicator, matched factor)");
        ctx.decide(COMMUNITIES, Estimate.mean(ntf), "mean over epochs of Jaccard(planted, motif's community)");
        ctx.decide(VS_STATIC, Estimate.pairedDifference(ntf, fixed), String.format("NTF %.3f − static %.3f",
                Stats.mean(ntf), Stats.mean(fixed)));
        ctx.decide(MONOTONE, Estimate.exact(increase), "largest relative loss increase over sweeps and seeds");
    }

    private static Set<Integer> members(int[] labels, int cluster) {
        Set<Integer> m = new TreeSet<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == cluster) {
                m.add(i);
            }
        }
        return m;
    }
}
