package org.reprolab.reproductions.widedeep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.reprolab.data.LabeledData;
import org.reprolab.data.SklearnDatasets;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.widedeep.DeepKernel;
import org.reprolab.papers.widedeep.DeepKernel.Kind;
import org.reprolab.papers.widedeep.DirichletSphere;
import org.reprolab.papers.widedeep.DualActivation;
import org.reprolab.papers.widedeep.Duals;
import org.reprolab.papers.widedeep.HermiteDual;
import org.reprolab.papers.widedeep.KernelClassifiers;
import org.reprolab.papers.widedeep.KernelClassifiers.Predictions;
import org.reprolab.papers.widedeep.KernelClassifiers.Rule;
import org.reprolab.papers.widedeep.LogKernelMatrix;
import org.reprolab.papers.widedeep.WideDeepFigures;
import org.reprolab.papers.widedeep.WideDeepFigures.Curve;
import org.reprolab.papers.widedeep.WideDeepFigures.Exponent;
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

/**
 * Radhakrishnan, Belkin and Uhler (2023): infinitely wide networks trained to zero loss are kernel machines
 * with the depth-L NTK; as L → ∞ the classifier becomes 1-NN, majority vote or a singular kernel classifier,
 * depending on the activation's dual ξ, and for the right activation it is the consistent Hilbert-kernel rule.
 */
public final class WideDeepReproduction extends PaperReproduction<WideDeepReproduction.Setup> {

    static final String PAPER = "Radhakrishnan, Belkin & Uhler (2023)";
    static final String CODE = "authors' code (uhlerlab/inf_depth_ntks)";
    static final String TAXONOMY = PAPER + ", taxonomy (abstract)";

    static final Claim EXPONENT_S2 = Claim.claim("exponent-s2", "The deep NTK of the paper's S² activation (dual "
            + "ρ/2 + ρ³/2) is the Hilbert kernel ‖x − z‖^{−2}: α̂ = −2·d ln K/d ln(1 − ρ), fitted over 1 − ρ ∈ "
            + "[1e-4, 1e-2] at L = 10⁶, equals 2 (the paper's equality, within a numerical tolerance).")
            .criterion(Criterion.within(2, 0.1), "notes: a local slope of −1.00 ± 0.05, i.e. α = 2 ± 0.1")
            .reference(Reference.of(2, "α = d = 2", PAPER + ": the S^d activations give the Hilbert kernel "
                    + "‖x − z‖^{−d}; dual ρ³/2 + ρ/2 is '3d_opt' in the " + CODE + ", models.py"));
    static final Claim EXPONENT_FORMULA = Claim.check("exponent-formula", "For the other singular duals (S¹, S⁴, S⁸ "
            + "optimal, erf, sine) the fitted exponent of the deep NTK is the closed form α = 2 ln(1/ξ′(0))/ln ξ′(1) "
            + "within 5% (largest relative deviation): one closed form computed two ways.")
            .criterion(Criterion.atMost(0.05), "ours: the fit's bias from the curvature of ln K over the window")
            .reference(Reference.of(0, "α̂ = α; α = 1, 4, 8 for the S¹, S⁴, S⁸ duals", CODE + " models.py; the "
                    + "closed form is derived here"));
    static final Claim SINGULAR = Claim.claim("singular-hilbert", "With the S² activation at depth 10⁶ the trained "
            + "network's classifier (interpolating NTK regression) agrees with the Hilbert-kernel classifier "
            + "sign Σ yᵢ‖x − xᵢ‖^{−2} on at least 99% of held-out points (mean over seeds).")
            .criterion(Criterion.atLeast(0.99), "notes: ≥ 99% agreement with Devroye's rule (the paper's limit is "
                    + "equality; L = 10⁶ is finite)")
            .reference(Reference.noNumber(TAXONOMY + ": singular kernel classifiers")).overSeeds();
    static final Claim ONE_NN = Claim.claim("one-nn", "With the Hermite-2 activation (ξ = ρ², ξ′(0) = 0) the NTK "
            + "classifier at depth 40 agrees with 1-NN on at least 99% of held-out points (mean over seeds).")
            .criterion(Criterion.atLeast(0.99), "notes: agreement with 1-NN rises with depth; the limit is equality")
            .reference(Reference.noNumber(TAXONOMY + ": 1-nearest neighbour")).overSeeds();
    static final Claim MAJORITY = Claim.claim("majority-vote", "With ξ = 0.1 + 0.3ρ + 0.6ρ³ (ξ(0) > 0) the NTK "
            + "classifier at depth 100 is majority vote on at least 99% of held-out points (mean over seeds).")
            .criterion(Criterion.atLeast(0.99), "ours: the paper's limit is equality; L = 100 is finite")
            .reference(Reference.noNumber(TAXONOMY + ": majority vote; the condition ξ(0) > 0 is derived here"))
            .overSeeds();
    static final Claim RELU = Claim.claim("relu-majority", "ReLU (ξ(0) = 1/π, ξ′(1) = 1) tends to majority vote at "
            + "great depth: at the deepest L run its NTK classifier is majority vote on at least 99% of held-out "
            + "points (mean over seeds).")
            .criterion(Criterion.atLeast(0.99), "notes: ReLU is the candidate for the majority-vote regime")
            .reference(Reference.noNumber(CODE + " main.py: the ReLU NTK 'will require increasing depth past 50000 "
                    + "for greater than 1000 samples' to reach majority vote (N = 100 there)")).overSeeds();
    static final Claim BEATS_1NN = Claim.claim("beats-1nn", "The S²-optimal deep network is at least as accurate as "
            + "1-NN at every n ≥ 400: the per-seed smallest gain NTK − 1-NN over those n is ≥ 0 (paired by seed).")
            .criterion(Criterion.atLeast(0), "paper: the S^d activations give Bayes-optimal networks, 1-NN is not "
                    + "consistent (no number for the comparison)")
            .reference(Reference.noNumber(PAPER + ": Bayes-optimal networks; 1-NN is not consistent")).overSeeds()
            .revised("≥ 0.03 at every n ≥ 400 (mean over repeats, no interval), the notes' prototype gap",
                    "the paper claims the network is better, not by how much; the claim is NTK − 1-NN ≥ 0 over seeds");
    static final Claim BAYES_GAP = Claim.claim("bayes-gap", "Its gap to the Bayes accuracy does not grow with n: gap "
            + "at the largest n − gap at the smallest n ≤ 0, paired by seed (same test points, so Bayes cancels).")
            .criterion(Criterion.atMost(0), "paper: consistency, the gap tends to 0 as n → ∞ (slowly, the notes warn)")
            .reference(Reference.noNumber(PAPER + ": consistency; the authors' code compares with "
                    + "dirichlet_bayes_classifier")).overSeeds();

    /** The S² task: two Dirichlet classes on the 2-simplex, mapped to S²; P(y = +1) = 0.4 as in the authors' code. */
    static final DirichletSphere TASK = new DirichletSphere(new double[] {2, 2, 2}, new double[] {1, 1, 3}, 0.4);
    /** "Infinite" depth: the closed-form tail makes it as cheap as ~100 layers. */
    static final int DEEP = 1_000_000;
    static final HermiteDual S2 = HermiteDual.optimalForSphere(2);

    /**
     * What differs between the profiles.
     *
     * @param seeds seeds of every sampled claim; each draws its own training and test points
     * @param train training points of the taxonomy step
     * @param test test points of the taxonomy and optimality steps
     * @param reluTrain training points of the ReLU step
     * @param reluTest test points of the ReLU step
     * @param reluDepths depths of the ReLU step; the claim is decided at the last
     * @param sizes training sizes of the optimality step
     * @param extras whether the slow extras run: erf in the taxonomy (about 300 layers per entry before its tail is
     *     linear), the depth-10 ReLU NTK in the optimality step, 5-fold cross-validation (else one 70/30 split)
     */
    public record Setup(int seeds, int train, int test, int reluTrain, int reluTest, int[] reluDepths, int[] sizes,
            boolean extras) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(3, 200, 1000, 40, 400, new int[] {10, 100, 1_000},
                    new int[] {100, 400}, false) : new Setup(5, 400, 4000, 100, 500,
                    new int[] {10, 100, 1_000, 10_000}, new int[] {100, 400, 1600, 3200}, true);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%d seeds, each drawing its own points: taxonomy on %d training and %,d test "
                    + "points; ReLU on %d and %d up to L = %,d; accuracy at n = %s on %,d test points; %s.", seeds,
                    train, test, reluTrain, reluTest, reluDepths[reluDepths.length - 1], Arrays.toString(sizes), test,
                    extras ? "erf included, breast_cancer 5-fold" : "erf left to the full profile, breast_cancer one "
                    + "split"));
        }
    }

    /** Builds the reproduction. */
    public WideDeepReproduction() {
        super(Setup::of);
        step("kernel-shape", "Depth makes the NTK singular: exponent of the deep kernel", this::kernelShape,
                EXPONENT_S2, EXPONENT_FORMULA);
        step("taxonomy", "Which classifier each activation's deep network becomes", this::taxonomy, SINGULAR,
                ONE_NN, MAJORITY);
        step("relu", "ReLU: majority vote at great depth", this::relu, RELU);
        step("optimality", "Accuracy against 1-NN and the Bayes classifier as n grows", this::optimality, BEATS_1NN,
                BAYES_GAP);
        step("breast-cancer", "Real data on S²⁹: a dual with α = 29", this::breastCancer);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("wide-deep", 15, "Wide and Deep Neural Networks Achieve Optimality for Classification",
                List.of("Adityanarayanan Radhakrishnan", "Mikhail Belkin", "Caroline Uhler"), 2023,
                "PNAS 120(14)", "2204.14126",
                "An infinitely wide network trained to zero loss is kernel regression with its neural tangent kernel. "
                        + "As the depth L goes to infinity too, depending on the activation's dual ξ, its classifier "
                        + "becomes 1-nearest neighbour, majority vote, or a singular kernel classifier sign Σ yᵢ‖x − "
                        + "xᵢ‖^{−α}; α = d on S^d gives the consistent Hilbert-kernel rule: Bayes-optimal networks. We "
                        + "compute the NTK exactly up to L = 10⁶, its singular exponent, each regime's agreement with "
                        + "its classical rule, and accuracy against 1-NN and Bayes.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Kernels only: the infinite-width NTK stands in for trained wide networks (as in the paper); "
                + "\"infinite depth\" is L = 10⁶ layers, computed exactly in log space with closed-form tails.",
                "Data: two Dirichlet classes on S² (α₁ = (2,2,2), α₂ = (1,1,3), P(+1) = 0.4; the authors' code uses "
                        + "other parameters and 10,000 points).",
                "Real data: scikit-learn's breast_cancer (569 points, 30 features) standardised and projected onto "
                        + "S²⁹; no claim.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 1: the exponent of the limiting kernel (closed forms, no sampling).

    private void kernelShape(StepContext ctx, Setup s) {
        List<Exponent> rows = List.of(Exponent.of("S² optimal", S2), Exponent.of("S¹ optimal",
                HermiteDual.optimalForSphere(1)), Exponent.of("S⁴ optimal", HermiteDual.optimalForSphere(4)),
                Exponent.of("S⁸ optimal", HermiteDual.optimalForSphere(8)), Exponent.of("erf, arcsin(2ρ/3)/arcsin(2/3)",
                Duals.erf()), Exponent.of("sine, sinh(aρ)/sinh(a), a = 2.676", Duals.sine(2.676)));
        rows.forEach(r -> ctx.metric(r.activation() + " alpha fitted NTK", r.ntk()));
        ctx.table("exponents", Tables.of("exponent of the deep kernel", rows));
        ctx.chart("kernel-vs-depth", WideDeepFigures.nearDiagonal("Deep NTK of the S² activation, K_L(ρ)/K_L(0.5)",
                S2, 2, 10, 100, 1_000, 10_000, DEEP));
        ctx.note("At moderate depth the NTK is steeper than its limit for 1 − ρ ≪ 1/L, like (1 − ρ)^{−(1+α/2)}: it "
                + "converges like 1/L, the NNGP (ρ_L alone) geometrically (compare the columns at L = 100 and 200).");
        ctx.decide(EXPONENT_S2, rows.get(0).ntk(), String.format("α̂ = %.4f", rows.get(0).ntk()));
        Exponent worst = rows.stream().skip(1).max(Comparator.comparingDouble(Exponent::relativeDeviation)).get();
        ctx.decide(EXPONENT_FORMULA, worst.relativeDeviation(), String.format("largest |α̂/α − 1| = %.4f (%s)",
                worst.relativeDeviation(), worst.activation()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Steps 2 and 3: each network against its regime's classifier on held-out points, decided over seeds at the
    // deepest L; the depth curves of seed 1.

    record Case(String name, DualActivation dual, int[] depths) { }

    record AgreementRow(String activation, String comparedWith, @Column("depth L") int depth, double agreement,
            double accuracy, @Column("agreement with 1-NN") double agreementWith1nn,
            @Column("median K(x,z)/K(x,x), train") double medianOffDiagonal) { }

    private void taxonomy(StepContext ctx, Setup s) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("S² optimal", S2, new int[] {3, 10, 100, 1_000, 10_000, 100_000, DEEP}));
        if (s.extras()) {      // compared with the pure power of its exponent, without a claim: for α < d the
            cases.add(new Case("erf", Duals.erf(), new int[] {3, 10, 100, 1_000, 10_000, DEEP}));   // far points count
        }
        cases.add(new Case("Hermite-2 (ρ²)", HermiteDual.monomial(2), new int[] {5, 8, 10, 15, 20, 40}));
        cases.add(new Case("ξ(0) > 0 (0.1 + 0.3ρ + 0.6ρ³)", HermiteDual.fromDual(0.1, 0.3, 0, 0.6),
                new int[] {3, 5, 10, 20, 30, 100}));
        double[][] deepest = sweep(ctx, cases, s.train(), s.test(), s.seeds());
        ctx.note("Depths start where K(X, X) can be full rank (a polynomial dual of degree D makes K_L of rank at most "
                + "C(D^L + 2, 2) on S²). Majority vote for ξ(0) > 0 (derived here): every correlation below 1 goes to "
                + "ρ* = ξ(ρ*) > 0, so all off-diagonal entries tend to one constant: only the class counts are left.");
        String data = String.format("%d training, %,d test points per seed at L = ", s.train(), s.test());
        ctx.decide(SINGULAR, Estimate.mean(deepest[0]), data + "10⁶");
        ctx.decide(ONE_NN, Estimate.mean(deepest[cases.size() - 2]), data + "40");
        ctx.decide(MAJORITY, Estimate.mean(deepest[cases.size() - 1]), data + "100");
    }

    private void relu(StepContext ctx, Setup s) {
        double[][] agreement = sweep(ctx, List.of(new Case("ReLU", Duals.relu(), s.reluDepths())), s.reluTrain(),
                s.reluTest(), s.seeds());
        ctx.note("ReLU's off-diagonal NTK approaches a quarter of the diagonal (table): a constant, so the classifier "
                + "turns into majority vote, the more slowly the more training points.");
        ctx.decide(RELU, Estimate.mean(agreement[0]), String.format("%d training, %d test points per seed at L = %,d",
                s.reluTrain(), s.reluTest(), s.reluDepths()[s.reluDepths().length - 1]));
    }

    /** Each case's network against its limiting classifier, n training and m test points per seed; [case][seed]. */
    private double[][] sweep(StepContext ctx, List<Case> cases, int n, int m, int seeds) {
        double[][] deepest = new double[cases.size()][seeds];
        List<AgreementRow> rows = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            DirichletSphere.Sample train = TASK.sample(n, ctx.random("train/" + seed));
            DirichletSphere.Sample test = TASK.sample(m, ctx.random("test/" + seed));
            double[] nn = KernelClassifiers.nearestNeighbour(train.x(), train.y(), test.x());
            for (int c = 0; c < cases.size(); c++) {
                Case cs = cases.get(c);
                double[] limit = KernelClassifiers.limit(cs.dual()).predict(train.x(), train.y(), test.x());
                int[] depths = seed == 0 ? cs.depths() : new int[] {cs.depths()[cs.depths().length - 1]};
                double[] agreement = new double[depths.length];
                for (int i = 0; i < depths.length; i++) {
                    DeepKernel k = DeepKernel.of(cs.dual(), depths[i], Kind.NTK);
                    LogKernelMatrix gram = k.matrix(train.x(), train.x());
                    double[] pred = KernelClassifiers.interpolating(gram, k.matrix(train.x(), test.x()), train.y());
                    agreement[i] = KernelClassifiers.agreement(pred, limit);
                    if (seed == 0) {
                        rows.add(new AgreementRow(cs.name(), KernelClassifiers.limitName(cs.dual()), depths[i],
                                agreement[i], KernelClassifiers.accuracy(pred, test.y()),
                                KernelClassifiers.agreement(pred, nn), gram.medianOffDiagonalRatio()));
                    }
                }
                deepest[c][seed] = agreement[depths.length - 1];
                if (seed == 0) {
                    curves.add(new Curve(cs.name() + " vs " + KernelClassifiers.limitName(cs.dual()),
                            Arrays.stream(depths).asDoubleStream().toArray(), agreement));
                }
            }
        }
        ctx.table("agreement", Tables.of("agreement with the regime's classifier (seed 1)", rows));
        ctx.table("agreement-per-seed", Tables.matrix("agreement at the deepest L, per seed", "activation",
                cases.stream().map(Case::name).toList(), IntStream.rangeClosed(1, seeds).mapToObj(i -> "seed " + i)
                        .toList(), deepest));
        ctx.chart("agreement-vs-depth", WideDeepFigures.agreementVsDepth("NTK classifier vs its limit (S² Dirichlet "
                + "data, n = " + n + ", seed 1)", curves));
        return deepest;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 4: accuracy against 1-NN and Bayes as n grows; per seed one test set shared by every n.

    private void optimality(StepContext ctx, Setup s) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("1-NN", KernelClassifiers::nearestNeighbour);
        rules.put("Hilbert α=2", KernelClassifiers.limit(S2));
        rules.put("NTK S² L=10⁶", KernelClassifiers.network(DeepKernel.of(S2, DEEP, Kind.NTK)));
        rules.put("NNGP S² L=200", KernelClassifiers.network(DeepKernel.of(S2, 200, Kind.NNGP)));
        if (s.extras()) {
            rules.put("NTK ReLU L=10", KernelClassifiers.network(DeepKernel.of(Duals.relu(), 10, Kind.NTK)));
        }
        int[] sizes = s.sizes();
        Map<String, double[][]> acc = new LinkedHashMap<>();                           // [n][seed] per classifier
        acc.put("Bayes", new double[sizes.length][s.seeds()]);
        rules.keySet().forEach(name -> acc.put(name, new double[sizes.length][s.seeds()]));
        for (int seed = 0; seed < s.seeds(); seed++) {
            DirichletSphere.Sample test = TASK.sample(s.test(), ctx.random("test/" + seed));
            for (int i = 0; i < sizes.length; i++) {
                DirichletSphere.Sample train = TASK.sample(sizes[i], ctx.random("train/" + seed + "/n=" + sizes[i]));
                acc.get("Bayes")[i][seed] = KernelClassifiers.accuracy(TASK.bayes(test.simplex()), test.y());
                for (var r : rules.entrySet()) {
                    acc.get(r.getKey())[i][seed] = KernelClassifiers.accuracy(r.getValue().predict(train.x(),
                            train.y(), test.x()), test.y());
                }
            }
        }
        String title = s.seeds() + " seeds, " + s.test() + " test points each";
        ctx.table("accuracy-vs-n", WideDeepFigures.accuracyTable("test accuracy, mean over " + title, sizes, acc));
        ctx.chart("accuracy-vs-n", WideDeepFigures.accuracyVsN("Test accuracy on S² Dirichlet data (" + title + ")",
                sizes, acc));
        double[][] ntk = acc.get("NTK S² L=10⁶");
        double[][] nn = acc.get("1-NN");
        int last = sizes.length - 1;
        double[] smallestGain = IntStream.range(0, s.seeds()).mapToDouble(seed -> IntStream.range(0, sizes.length)
                .filter(i -> sizes[i] >= 400).mapToDouble(i -> ntk[i][seed] - nn[i][seed]).min().orElse(Double.NaN))
                .toArray();
        ctx.decide(BEATS_1NN, Estimate.mean(smallestGain), String.format("at n = %d, means over seeds: NTK %.4f, 1-NN "
                + "%.4f", sizes[last], Stats.mean(ntk[last]), Stats.mean(nn[last])));
        double[][] bayes = acc.get("Bayes");
        double[] gapFirst = Stats.differences(bayes[0], ntk[0]);
        double[] gapLast = Stats.differences(bayes[last], ntk[last]);
        ctx.decide(BAYES_GAP, Estimate.pairedDifference(gapLast, gapFirst), String.format("mean gap %.4f at n=%d, "
                + "%.4f at n=%d", Stats.mean(gapLast), sizes[last], Stats.mean(gapFirst), sizes[0]));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Step 5: breast_cancer on S²⁹ (no claim).

    private void breastCancer(StepContext ctx, Setup s) {
        LabeledData d = SklearnDatasets.load("breast_cancer");
        HermiteDual d29 = HermiteDual.withExponent(d.features() - 1, 3);
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("1-NN", KernelClassifiers::nearestNeighbour);
        rules.put("Hilbert α=29", KernelClassifiers.limit(d29));
        rules.put("NTK α=29 dual L=10⁶", KernelClassifiers.network(DeepKernel.of(d29, DEEP, Kind.NTK)));
        rules.put("NTK S² dual L=10⁶", KernelClassifiers.network(DeepKernel.of(S2, DEEP, Kind.NTK)));
        rules.put("majority vote", (x, y, t) -> KernelClassifiers.majorityVote(y, t.length));
        Predictions p = Predictions.onSphere(rules, s.extras() ? d.folds(5, ctx.random("folds"))
                : List.of(d.split(0.3, ctx.random("split"))));
        List<String> names = List.copyOf(rules.keySet());
        ctx.table("breast-cancer", Tables.matrix("breast_cancer on S²⁹, " + (s.extras() ? "5-fold cross-validation"
                : "one 70/30 split"), "classifier", names, List.of("accuracy"), names.stream()
                .map(n -> new double[] {p.accuracy(n)}).toArray(double[][]::new)));
        double agree = KernelClassifiers.agreement(p.byRule().get("NTK α=29 dual L=10⁶"),
                p.byRule().get("Hilbert α=29"));
        ctx.metric("α=29 NTK agreement with Hilbert α=29", agree);
        ctx.note(String.format("The dual %s (α = %.2f) gives an NTK classifier that agrees with the Hilbert rule "
                + "‖x − xᵢ‖^{−29} on %.1f%% of test points.", d29.name(), d29.singularExponent(), 100 * agree));
    }
}
