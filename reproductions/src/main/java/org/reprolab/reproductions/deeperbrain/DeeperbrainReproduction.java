package org.reprolab.reproductions.deeperbrain;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.deeperbrain.DeeperBrainFigures;
import org.reprolab.papers.deeperbrain.EegPretraining;
import org.reprolab.papers.deeperbrain.EegPretraining.Objective;
import org.reprolab.papers.deeperbrain.LinearProbe;
import org.reprolab.papers.deeperbrain.NeuroStatistics;
import org.reprolab.papers.deeperbrain.SyntheticEeg;
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
 * Wang et al. (2026), as a labelled stand-in: synthetic EEG with planted spectra, sources and events; an encoder
 * pretrained by masked reconstruction alone or with neurodynamics statistics prediction; frozen linear probes on
 * three tasks, compared paired by seed.
 */
public final class DeeperbrainReproduction extends PaperReproduction<DeeperbrainReproduction.Setup> {

    static final String ABSTRACT = "Wang et al. (2026), abstract (arXiv 2601.06134; the body was not reachable "
            + "to us)";

    static final Claim ALPHA = Claim.check("alpha-power",
            "The band-power statistic puts a 10 Hz sine with small noise in the α band: relative α power > 0.95.")
            .criterion(Criterion.above(0.95), "notes: relative α-band power of a pure 10 Hz sine plus small noise "
                    + "is > 0.95")
            .reference(Reference.noNumber(ABSTRACT + " (band power among the NSP targets)"));
    static final Claim NSP_VS_MER = Claim.claim("nsp-beats-mer",
            "Frozen linear probes read the planted band, source and event better from an encoder pretrained with "
                    + "neurodynamics statistics prediction beside masked reconstruction than from masked "
                    + "reconstruction alone: MER+NSP − MER ≥ 0 in mean probe accuracy, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: the abstract reports better frozen-probing performance from "
                    + "its neuro-grounded pretraining (no number)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds()
            .revised("≥ +0.03 on the mean of 3 seeds (notes)", "the paper states the direction without a number, "
                    + "so the claim is MER+NSP − MER ≥ 0 with its interval over seeds");
    static final Claim VS_RANDOM = Claim.claim("nsp-beats-random-encoder",
            "The MER+NSP encoder's frozen features are at least 10 points more accurate (mean over the tasks) than "
                    + "a randomly initialised frozen encoder of the same architecture, paired by seed.")
            .criterion(Criterion.atLeast(0.10), "notes: pretrained encoders beat a random frozen encoder by ≥ 10 "
                    + "points")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();

    /** The encoders compared, in table order. */
    static final List<String> ENCODERS = List.of("random (untrained)", "MER", "MER + NSP");

    /**
     * What differs between the profiles.
     *
     * @param pretrain unlabelled pretraining windows per seed
     * @param epochs pretraining epochs
     * @param probeTrain labelled windows the probes are fitted on, per seed
     * @param probeTest labelled test windows, per seed
     * @param seeds seeds; data, initial weights and masks are drawn afresh per seed
     */
    public record Setup(int pretrain, int epochs, int probeTrain, int probeTest, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(1_200, 8, 400, 400, 3) : new Setup(6_000, 20, 2_000, 2_000, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%,d pretraining windows, %d epochs; probes fitted on %,d and tested on "
                    + "%,d labelled windows; all drawn afresh for each of %d seeds.", pretrain, epochs, probeTrain,
                    probeTest, seeds));
        }
    }

    /** Declares the steps and the claims each decides. */
    public DeeperbrainReproduction() {
        super(Setup::of);
        step("signals", "Synthetic EEG with planted bands, sources and events; its neurodynamics statistics",
                this::signals, ALPHA);
        step("pretraining", "MER vs MER + NSP pretraining, frozen linear probes, paired by seed", this::pretraining,
                NSP_VS_MER, VS_RANDOM);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("deeperbrain", 17,
                "DeeperBrain: a neuro-grounded EEG foundation model towards universal BCI",
                List.of("Jiquan Wang", "Sha Zhao", "Yangxuan Zhou", "Yiming Kang", "Shijian Li", "Gang Pan"), 2026,
                "arXiv", "2601.06134",
                "DeeperBrain builds neuroscience into an EEG foundation model: electrode geometry for volume "
                        + "conduction, oscillatory and decaying temporal bases, and, beside masked EEG "
                        + "reconstruction (MER), a second pretraining target: neurodynamics statistics "
                        + "prediction (NSP: band powers, functional connectivity, cross-frequency coupling, "
                        + "complexity). The abstract reports state-of-the-art fine-tuning and better frozen "
                        + "probing. No EEG data exist here, so this is a labelled stand-in: synthetic EEG with "
                        + "planted spectra, sources and events, an encoder pretrained with MER alone or MER + NSP, "
                        + "and frozen linear probes compared paired by seed.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Synthetic EEG (8 electrodes on a ring, 4 sources with a volume-conduction lead field, red "
                        + "background noise, a dominant oscillation at one source, evoked events; 64 Hz, 2 s "
                        + "windows) stands in for real recordings; the probe tasks are its planted dominant band, "
                        + "active source and event.",
                "The encoder is a patch embedding per channel (16 samples, 8 values, ReLU) with a linear mixing to "
                        + "32 features, not the paper's Transformer with electrode and oscillatory encodings; MER "
                        + "masks half of the half-second patches.",
                "NSP targets: log band power (δ θ α β) per channel, channel-pair correlations and spectral entropy, "
                        + "standardised; cross-frequency coupling is left out. λ = 1; Adam at 1e-3, batch 64.",
                "The probe is a ridge least-squares classifier on standardised frozen features (closed form).");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the generator and the statistics.

    record StatRow(String band, double relativePowerNearest, double relativePowerFarthest) { }

    private void signals(StepContext ctx, Setup s) {
        SplittableRandom rng = ctx.random("example");
        float[] example = SyntheticEeg.window(2, 0, true, rng);
        ctx.chart("window", DeeperBrainFigures.traces(example, 1.5, "One window: α dominant at source 1, with an "
                + "event"));
        ctx.chart("band-powers", DeeperBrainFigures.bandPowers(example, "Relative band power per channel of that "
                + "window"));
        ctx.metric("neurodynamics statistics per window", NeuroStatistics.count());
        double[] sine = new double[SyntheticEeg.SAMPLES];
        for (int t = 0; t < sine.length; t++) {
            sine[t] = Math.sin(2 * Math.PI * 10 * t / SyntheticEeg.RATE) + 0.05 * rng.nextGaussian();
        }
        double alpha = NeuroStatistics.relativeBandPower(sine)[2];
        ctx.decide(ALPHA, alpha, "relative α power of a 10 Hz sine plus Gaussian noise of sd 0.05, 2 s at 64 Hz");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: pretraining and frozen probes, once per seed.

    record ProbeRow(String encoder, double band, double source, double event, double meanOverTasks,
            double sdOverSeeds) { }

    private void pretraining(StepContext ctx, Setup s) {
        int tasks = SyntheticEeg.TASKS.size();
        // accuracy[encoder][task][seed]; encoder 3 is the probe on the statistics themselves (the targets' ceiling)
        double[][][] acc = new double[ENCODERS.size() + 1][tasks][s.seeds()];
        double[][] mean = new double[ENCODERS.size() + 1][s.seeds()];
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (int seed = 0; seed < s.seeds(); seed++) {
            SyntheticEeg.Data pre = SyntheticEeg.generate(s.pretrain(), ctx.random("pretrain-data/" + seed));
            SyntheticEeg.Data train = SyntheticEeg.generate(s.probeTrain(), ctx.random("probe-train/" + seed));
            SyntheticEeg.Data test = SyntheticEeg.generate(s.probeTest(), ctx.random("probe-test/" + seed));
            double[][] targets = LinearProbe.standardise(statistics(pre.x()));
            try (NDManager m = ctx.manager().newSubManager()) {
                for (int k = 0; k < ENCODERS.size(); k++) {
                    Engines.seed(ctx.seed("init/" + seed));
                    EegPretraining p = EegPretraining.builder().setObjective(k == 1 ? Objective.MER
                            : Objective.MER_NSP).setEpochs(s.epochs()).optSeed(ctx.seed("masks/" + seed)).build();
                    Block encoder;
                    if (k == 0) {
                        encoder = p.newEncoder(m);
                    } else {
                        EegPretraining.Result r = p.pretrain(pre.x(), targets, m);
                        encoder = r.encoder();
                        if (seed == 0) {
                            curves.put(ENCODERS.get(k), r.loss());
                        }
                    }
                    probe(acc[k], mean[k], seed, EegPretraining.features(encoder, train.x(), m),
                            EegPretraining.features(encoder, test.x(), m), train, test);
                }
            }
            probe(acc[ENCODERS.size()], mean[ENCODERS.size()], seed, statistics(train.x()), statistics(test.x()),
                    train, test);
            ctx.log(String.format("seed %d, mean probe accuracy: random %.3f, MER %.3f, MER + NSP %.3f", seed + 1,
                    mean[0][seed], mean[1][seed], mean[2][seed]));
        }
        record(ctx, s, acc, mean, curves);
        ctx.decide(NSP_VS_MER, Estimate.pairedDifference(mean[2], mean[1]), String.format("MER + NSP %.3f − MER "
                + "%.3f, mean probe accuracy over band, source and event", Stats.mean(mean[2]), Stats.mean(mean[1])));
        ctx.decide(VS_RANDOM, Estimate.pairedDifference(mean[2], mean[0]), String.format("MER + NSP %.3f − random "
                + "encoder %.3f", Stats.mean(mean[2]), Stats.mean(mean[0])));
        ctx.note(String.format("MER alone − random encoder: %+.3f (mean over seeds). The notes expected both "
                + "pretrained encoders to beat a random one by 10 points.", Stats.mean(mean[1]) - Stats.mean(mean[0])));
    }

    private static double[][] statistics(float[][] windows) {
        double[][] out = new double[windows.length][];
        for (int i = 0; i < windows.length; i++) {
            out[i] = NeuroStatistics.of(windows[i]);
        }
        return out;
    }

    private static void probe(double[][] acc, double[] mean, int seed, double[][] train, double[][] test,
            SyntheticEeg.Data trainData, SyntheticEeg.Data testData) {
        for (int t = 0; t < SyntheticEeg.TASKS.size(); t++) {
            String task = SyntheticEeg.TASKS.get(t);
            acc[t][seed] = LinearProbe.accuracy(train, trainData.labels(task), test, testData.labels(task),
                    SyntheticEeg.classes(task));
            mean[seed] += acc[t][seed] / SyntheticEeg.TASKS.size();
        }
    }

    private void record(StepContext ctx, Setup s, double[][][] acc, double[][] mean, Map<String, double[]> curves) {
        List<String> names = new ArrayList<>(ENCODERS);
        names.add("probe on the NSP statistics themselves");
        List<ProbeRow> rows = new ArrayList<>();
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            rows.add(new ProbeRow(names.get(k), Stats.mean(acc[k][0]), Stats.mean(acc[k][1]), Stats.mean(acc[k][2]),
                    Stats.mean(mean[k]), Stats.sd(mean[k])));
            if (k < ENCODERS.size()) {
                bars.put(names.get(k), List.of(Stats.mean(acc[k][0]), Stats.mean(acc[k][1]), Stats.mean(acc[k][2])));
                ctx.metric(names.get(k) + ": mean probe accuracy", Stats.mean(mean[k]));
            }
        }
        bars.put("chance", List.of(1.0 / SyntheticEeg.classes("band"), 1.0 / SyntheticEeg.classes("source"),
                1.0 / SyntheticEeg.classes("event")));
        ctx.table("probe-accuracy", Tables.of("frozen linear probe, test accuracy (mean over " + s.seeds()
                + " seeds)", rows));
        ctx.chart("probe-accuracy", DeeperBrainFigures.probeAccuracy(SyntheticEeg.TASKS, bars));
        ctx.chart("pretraining-loss", DeeperBrainFigures.pretrainingLoss(curves));
    }
}
