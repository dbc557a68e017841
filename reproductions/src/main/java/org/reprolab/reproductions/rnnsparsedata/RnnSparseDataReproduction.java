package org.reprolab.reproductions.rnnsparsedata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprolab.math.CanonicalCorrelation;
import org.reprolab.math.Estimate;
import org.reprolab.math.LinearAlgebra;
import org.reprolab.math.Stats;
import org.reprolab.papers.rnnsparsedata.RateRnn;
import org.reprolab.papers.rnnsparsedata.ReachTask;
import org.reprolab.papers.rnnsparsedata.RnnSparseDataFigures;
import org.reprolab.papers.rnnsparsedata.SparseActivityTraining;
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
 * Salatiello and Giese (2020), on a synthetic teacher: a student rate RNN trained on a random teacher RNN's outputs
 * alone or with a few of its units' rates, compared paired by seed on how well its whole population matches the
 * teacher's (CCA of the top principal components) and on held-out outputs (R²).
 */
public final class RnnSparseDataReproduction extends PaperReproduction<RnnSparseDataReproduction.Setup> {

    /** The task: 8 directions, 50 steps with a 10-step preparatory pulse, every 4th direction held out. */
    public static final ReachTask TASK = new ReachTask(8, 50, 10, 4);
    /** The teacher's (and the student's initial) gain. */
    public static final double GAIN = 1.2;
    /** dt/τ. */
    public static final double ALPHA = 0.2;
    /** The teacher's outputs (the muscles). */
    public static final int OUTPUTS = 4;

    static final String ABSTRACT = "Salatiello and Giese (2020), abstract (arXiv 2005.02211); the paper prints no "
            + "number we could find";

    static final Claim INVARIANCE = Claim.check("cca-invariance",
            "CCA is blind to an invertible linear map: the teacher's top principal-component scores against a "
                    + "random linear mixture of themselves have mean canonical correlation 1 (1 − it ≤ 1e-9).")
            .criterion(Criterion.atMost(1e-9), "ours: canonical correlations are invariant under invertible "
                    + "linear maps of either set");
    static final Claim FITS = Claim.claim("students-fit",
            "Both students (output-only and with recorded units) fit the training conditions' outputs: the smaller "
                    + "of their training R² is ≥ 0.9, mean over seeds.")
            .criterion(Criterion.atLeast(0.9), "notes: training output R² ≥ 0.9 for both variants")
            .reference(Reference.noNumber(ABSTRACT + " (the students reproduce the teacher's output)"))
            .overSeeds();
    static final Claim DYNAMICS = Claim.claim("dynamics-match",
            "With a few recorded units the student's internal dynamics match the teacher's better than with none: "
                    + "mean canonical correlation of the top principal components (all units, held-out "
                    + "conditions), M recorded − output-only ≥ 0.1, paired by seed.")
            .criterion(Criterion.atLeast(0.1), "notes: the M = 10 variant's mean top-10 canonical correlation is at "
                    + "least 0.1 higher than the M = 0 variant's (the paper: dynamics recovered from a small "
                    + "subset, no number)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();
    static final Claim GENERALISES = Claim.claim("held-out-r2",
            "Training on a few recorded units improves generalisation: held-out output R², M recorded − "
                    + "output-only ≥ 0, paired by seed.")
            .criterion(Criterion.atLeast(0), "paper: generalisation is significantly better than with output-only "
                    + "training (no number)")
            .reference(Reference.noNumber(ABSTRACT))
            .overSeeds();

    /** The two students compared, in table order. */
    static final List<String> VARIANTS = List.of("output only (M = 0)", "outputs + recorded units");

    /**
     * What differs between the profiles.
     *
     * @param units units of teacher and student
     * @param recorded M, the recorded teacher units
     * @param components principal components compared by CCA
     * @param iterations Adam steps per student
     * @param seeds seeds; teacher, recorded subset and student initialisation are drawn afresh per seed
     */
    public record Setup(int units, int recorded, int components, int iterations, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(30, 5, 10, 500, 4) : new Setup(30, 5, 10, 2_000, 12);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("Teacher and student: %d-unit rate RNNs; %d of the teacher's units recorded "
                    + "(matched to the student's first %d); %,d full-batch Adam steps; %d seeds, each with its own "
                    + "teacher, recorded subset and student initialisation; CCA on the top %d principal "
                    + "components.", units, recorded, recorded, iterations, seeds, components));
        }
    }

    /** Declares the steps and the claims each decides. */
    public RnnSparseDataReproduction() {
        super(Setup::of);
        step("teacher", "The teacher: a random rate RNN driven by a preparatory pulse per direction",
                this::teacher, INVARIANCE);
        step("students", "Students trained on outputs alone or with a few recorded units, paired by seed",
                this::students, FITS, DYNAMICS, GENERALISES);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("rnn-sparse-data", 28,
                "RNN learning of performance and intrinsic population dynamics from sparse neural data",
                List.of("Alessandro Salatiello", "Martin A. Giese"), 2020, "ICANN 2020", "2005.02211",
                "A recurrent network trained only to reproduce a biological network's outputs can solve the task "
                        + "with internal dynamics unlike the biological ones. Salatiello and Giese add a term that "
                        + "asks a few student units to reproduce the recorded activity of a sparse subset of the "
                        + "biological neurons, and report that the student's whole population then recovers the "
                        + "teacher's intrinsic dynamics and generalises better to held-out conditions. We check "
                        + "both on a synthetic teacher, paired by seed.");
    }

    @Override
    public List<String> standIns() {
        return List.of("A random tanh rate RNN (gain " + GAIN + ", α = dt/τ = " + ALPHA + ") stands in for the "
                        + "paper's physiologically inspired reaching model; " + OUTPUTS + " random readouts of its "
                        + "rates stand in for the muscle activity.",
                "Reaches: " + TASK.conditions() + " directions on a ring given as a " + TASK.pulse() + "-step "
                        + "preparatory pulse (cos θ, sin θ), trials of " + TASK.steps() + " steps; every "
                        + TASK.heldOutEvery() + "th direction held out of training.",
                "Training by backpropagation through time with Adam (learning rate 0.01, gradient norm clipped at "
                        + "1, activity weight λ = 1), not FORCE.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the teacher and the similarity measure.

    private void teacher(StepContext ctx, Setup s) {
        RateRnn teacher = RateRnn.random(s.units(), 2, OUTPUTS, GAIN, ALPHA, ctx.random("teacher/0"));
        Map<String, double[][]> byDirection = new LinkedHashMap<>();
        for (int k = 0; k < TASK.conditions(); k += 2) {
            byDirection.put(String.format("θ = %.0f°", Math.toDegrees(TASK.angle(k))), teacher.run(TASK.input(k))
                    .outputs());
        }
        ctx.chart("teacher-output", RnnSparseDataFigures.output(byDirection, 0, "Teacher output 1 for four "
                + "directions"));
        double[][] rates = teacher.run(TASK.input(0)).rates();
        ctx.chart("teacher-rates", RnnSparseDataFigures.rates(rates, 6, "Teacher rates, direction 0°, first 6 "
                + "units"));
        double[][] scores = CanonicalCorrelation.principalScores(allRates(teacher, TASK.split(false)),
                s.components());
        SplittableRandom rng = ctx.random("mixture");
        double[][] mix = new double[s.components()][s.components()];
        for (double[] row : mix) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double cca = Stats.mean(CanonicalCorrelation.of(scores, LinearAlgebra.multiply(scores, mix)));
        ctx.decide(INVARIANCE, 1 - cca, "1 − mean canonical correlation, the teacher's top principal-component "
                + "scores vs a random Gaussian mixture of them, training directions");
    }

    private static double[][] allRates(RateRnn net, List<Integer> conditions) {
        List<double[][]> trials = new ArrayList<>();
        for (int k : conditions) {
            trials.add(net.run(TASK.input(k)).rates());
        }
        return ReachTask.stack(trials);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 2: two students per seed.

    record VariantRow(String student, double trainingR2, double heldOutR2, double meanCanonicalCorrelation,
            double sdOverSeeds) { }

    private void students(StepContext ctx, Setup s) {
        int v = VARIANTS.size();
        double[][] trainR2 = new double[v][s.seeds()];
        double[][] testR2 = new double[v][s.seeds()];
        double[][] cca = new double[v][s.seeds()];
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, double[][]> example = new LinkedHashMap<>();
        List<Integer> train = TASK.split(false);
        List<Integer> test = TASK.split(true);
        for (int seed = 0; seed < s.seeds(); seed++) {
            RateRnn teacher = RateRnn.random(s.units(), 2, OUTPUTS, GAIN, ALPHA, ctx.random("teacher/" + seed));
            int[] recorded = ctx.random("recorded/" + seed).ints(0, s.units()).distinct().limit(s.recorded())
                    .toArray();
            RateRnn init = RateRnn.random(s.units(), 2, OUTPUTS, GAIN, ALPHA, ctx.random("init/" + seed));
            double[][][] u = new double[train.size()][][];
            double[][][] z = new double[train.size()][][];
            double[][][] r = new double[train.size()][][];
            for (int i = 0; i < train.size(); i++) {
                u[i] = TASK.input(train.get(i));
                RateRnn.Trajectory tr = teacher.run(u[i]);
                z[i] = tr.outputs();
                r[i] = columns(tr.rates(), recorded);
            }
            double[][] teacherTest = allRates(teacher, test);
            for (int k = 0; k < v; k++) {
                SparseActivityTraining.Result res = SparseActivityTraining.builder().setIterations(s.iterations())
                        .build().train(init, u, z, k == 0 ? new double[train.size()][TASK.steps()][0] : r);
                RateRnn student = res.student();
                trainR2[k][seed] = ReachTask.rSquared(outputs(student, train), outputs(teacher, train));
                testR2[k][seed] = ReachTask.rSquared(outputs(student, test), outputs(teacher, test));
                cca[k][seed] = CanonicalCorrelation.meanOfTopComponents(allRates(student, test), teacherTest,
                        s.components());
                if (seed == 0) {
                    curves.put(VARIANTS.get(k), res.loss());
                    example.put(VARIANTS.get(k), student.run(TASK.input(test.get(0))).outputs());
                }
            }
            if (seed == 0) {
                example.put("teacher", teacher.run(TASK.input(test.get(0))).outputs());
            }
            ctx.log(String.format("seed %d: mean CCA %.3f → %.3f, held-out R² %.3f → %.3f", seed + 1, cca[0][seed],
                    cca[1][seed], testR2[0][seed], testR2[1][seed]));
        }
        record(ctx, s, trainR2, testR2, cca, curves, example);
        double[] worstFit = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            worstFit[seed] = Math.min(trainR2[0][seed], trainR2[1][seed]);
        }
        ctx.decide(FITS, Estimate.mean(worstFit), "the smaller training R² of the two students, per seed");
        ctx.decide(DYNAMICS, Estimate.pairedDifference(cca[1], cca[0]), String.format("mean canonical correlation "
                + "%.3f (M = %d) − %.3f (M = 0)", Stats.mean(cca[1]), s.recorded(), Stats.mean(cca[0])));
        ctx.decide(GENERALISES, Estimate.pairedDifference(testR2[1], testR2[0]), String.format("held-out R² %.3f "
                + "(M = %d) − %.3f (M = 0)", Stats.mean(testR2[1]), s.recorded(), Stats.mean(testR2[0])));
    }

    private static double[][][] outputs(RateRnn net, List<Integer> conditions) {
        double[][][] z = new double[conditions.size()][][];
        for (int i = 0; i < z.length; i++) {
            z[i] = net.run(TASK.input(conditions.get(i))).outputs();
        }
        return z;
    }

    private static double[][] columns(double[][] m, int[] cols) {
        double[][] out = new double[m.length][cols.length];
        for (int t = 0; t < m.length; t++) {
            for (int j = 0; j < cols.length; j++) {
                out[t][j] = m[t][cols[j]];
            }
        }
        return out;
    }

    private void record(StepContext ctx, Setup s, double[][] trainR2, double[][] testR2, double[][] cca,
            Map<String, double[]> curves, Map<String, double[][]> example) {
        List<VariantRow> rows = new ArrayList<>();
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        for (int k = 0; k < VARIANTS.size(); k++) {
            rows.add(new VariantRow(VARIANTS.get(k), Stats.mean(trainR2[k]), Stats.mean(testR2[k]),
                    Stats.mean(cca[k]), Stats.sd(cca[k])));
            bars.put(VARIANTS.get(k), List.of(Stats.mean(trainR2[k]), Stats.mean(testR2[k]), Stats.mean(cca[k])));
            ctx.metric(VARIANTS.get(k) + ": mean canonical correlation", Stats.mean(cca[k]));
            ctx.metric(VARIANTS.get(k) + ": held-out R²", Stats.mean(testR2[k]));
        }
        ctx.table("students", Tables.of("students vs teacher (mean over " + s.seeds() + " seeds)", rows));
        ctx.chart("students", RnnSparseDataFigures.compare(List.of("training R²", "held-out R²",
                "mean canonical corr."), bars, "Students vs teacher (mean over seeds)"));
        ctx.chart("held-out-output", RnnSparseDataFigures.output(example, 0, "Output 1 on a held-out direction "
                + "(first seed)"));
        ctx.chart("loss", RnnSparseDataFigures.loss(curves));
    }
}
