package org.reprolab.reproductions.multifacetedfv;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.multifacetedfv.ActivationMaximization;
import org.reprolab.papers.multifacetedfv.Facets;
import org.reprolab.papers.multifacetedfv.MultifacetedFigures;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * Nguyen, Yosinski and Clune (2016): multifaceted feature visualisation of Fashion-MNIST class neurons in a small
 * MLP (clusters of real activations, activation maximisation started from each cluster's mean image), against
 * plain activation maximisation from noise; diversity, facet identity and class coherence over seeds.
 */
public final class MultifacetedFvReproduction extends PaperReproduction<MultifacetedFvReproduction.Setup> {

    static final String PAPER = "Nguyen, Yosinski and Clune (2016), arXiv 1602.03616, abstract and Figs. 1-3 "
            + "(qualitative)";

    static final Claim DIVERSE = Claim.claim("more-diverse",
            "Multifaceted visualisations of a class are more diverse than plain activation maximisation's: the mean "
                    + "pairwise pixel correlation among a class's k plain-AM images minus that among its k facet "
                    + "images is ≥ 0 (mean over classes, paired by seed).")
            .criterion(Criterion.atLeast(0), "paper: one visualisation per facet reveals the several types of "
                    + "feature a neuron responds to, where plain AM shows one")
            .reference(Reference.noNumber(PAPER))
            .overSeeds()
            .revised("≥ 0.1 (notes: at least 0.1 lower correlation)", "the paper gives no number, only the "
                    + "direction, so the claim is plain − facets ≥ 0 decided over seeds");
    static final Claim COHERENT = Claim.claim("class-coherent",
            "Each facet visualisation stays recognisably its class: an independently trained classifier (another "
                    + "architecture and seed) labels at least 75% of the facet images as the visualised class.")
            .criterion(Criterion.atLeast(0.75), "notes: the 75% coherence level of the notes, judged by a "
                    + "classifier that was not optimised against")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();
    static final Claim DISTINCT = Claim.claim("facets-kept",
            "Each visualisation keeps its facet: the facet image's penultimate activation is nearest to its own "
                    + "cluster's centroid for at least 75% of (class, facet) pairs.")
            .criterion(Criterion.atLeast(0.75), "notes: nearest own centroid for ≥ 75% of (class, facet) pairs")
            .reference(Reference.noNumber(PAPER))
            .overSeeds();

    /** Hidden widths of the visualised MLP and of the independent judge, Adam's rate and the batch. */
    static final int WIDTH = 256;
    static final int JUDGE_WIDTH = 128;
    static final float LEARNING_RATE = 1e-3f;
    static final int BATCH = 128;
    /** PCA dimensions before k-means, images averaged per facet initialisation. */
    static final int COMPONENTS = 10;
    static final int CLOSEST = 15;
    /** Activation maximisation: step, L2 decay, blur period and initial width. */
    static final int STEPS = 100;
    static final double RATE = 0.01;
    static final double DECAY = 0.05;
    static final int BLUR_EVERY = 10;
    static final double BLUR = 0.5;
    /** Plain AM starts from grey 0.5 plus Gaussian noise of this standard deviation. */
    static final double NOISE = 0.02;
    static final int SIDE = FashionMnist.SIDE;

    /**
     * What differs between the profiles.
     *
     * @param train training images per seed (fresh per seed)
     * @param epochs epochs of both networks
     * @param classes the visualised classes (indices into Fashion-MNIST's)
     * @param facets k, the facets per class
     * @param seeds seeds
     */
    public record Setup(int train, int epochs, int[] classes, int facets, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(6_000, 2, new int[] {0, 5, 8}, 3, 3)
                    : new Setup(30_000, 4, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 4, 5);
        }

        @Override
        public List<String> standIns() {
            List<String> names = new ArrayList<>();
            for (int c : classes) {
                names.add(FashionMnist.CLASSES.get(c));
            }
            return List.of(String.format("%,d training images per seed, %d epochs, %d seeds; classes %s; k = %d "
                    + "facets per class.", train, epochs, seeds, String.join(", ", names), facets));
        }
    }

    /** Declares the steps and the claims each decides. */
    public MultifacetedFvReproduction() {
        super(Setup::of);
        step("facets", "Facets of Fashion-MNIST classes against plain activation maximisation, over seeds",
                this::facets, DIVERSE, COHERENT, DISTINCT);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("multifaceted-fv", 27, "Multifaceted Feature Visualization: Uncovering the Different "
                + "Types of Features Learned By Each Neuron in Deep Neural Networks",
                List.of("Anh Nguyen", "Jason Yosinski", "Jeff Clune"), 2016, "ICML Visualization for Deep Learning "
                        + "workshop", "1602.03616",
                "Activation maximisation synthesises the input a neuron likes most, but a class neuron responds to "
                        + "several kinds of input (a grocery store seen from outside or inside), and plain AM "
                        + "blends them into one picture. The paper clusters the real images of the class by their "
                        + "activations, starts AM from each cluster's mean image, and regularises it, so that each "
                        + "facet gets its own visualisation. We do this for Fashion-MNIST classes in a small MLP and "
                        + "measure, over seeds, whether the facet images are more diverse than plain AM's, whether "
                        + "each keeps its facet, and whether an independent classifier still sees the class.");
    }

    @Override
    public List<String> standIns() {
        return List.of("A " + WIDTH + "-" + WIDTH + " ReLU MLP on Fashion-MNIST instead of CaffeNet on ImageNet; "
                        + "PCA to " + COMPONENTS + " dimensions then k-means instead of PCA and t-SNE; each facet "
                        + "starts from the mean of its " + CLOSEST + " images nearest the centroid.",
                String.format("AM: %d steps of size %.2f on the class logit with L2 decay %.2f, a Gaussian blur every "
                        + "%d steps whose width decays from %.1f pixel to 0, pixels clipped to [0, 1] (our "
                        + "reconstruction of the schedule); plain AM starts from grey 0.5 plus Gaussian noise of "
                        + "standard deviation %.2f.", STEPS, RATE, DECAY, BLUR_EVERY, BLUR, NOISE),
                "Class coherence is judged by an independently trained " + JUDGE_WIDTH + "-unit MLP (another seed "
                        + "and width), standing in for the paper's human judgement.");
    }

    record ClassRow(String cls, double facetCorrelation, double plainCorrelation, double facetsJudgedAsClass,
            double plainJudgedAsClass, double facetsNearestOwnCentroid, double facetLogit, double realLogitP90) { }

    private void facets(StepContext ctx, Setup s) {
        double[] facetCorr = new double[s.seeds()];
        double[] plainCorr = new double[s.seeds()];
        double[] coherent = new double[s.seeds()];
        double[] kept = new double[s.seeds()];
        ActivationMaximization am = new ActivationMaximization(STEPS, RATE, DECAY, BLUR_EVERY, BLUR, SIDE);
        for (int seed = 0; seed < s.seeds(); seed++) {
            LabeledData train = FashionMnist.train().sample(s.train(), ctx.random("train-subset/" + seed));
            try (NDManager m = ctx.manager().newSubManager()) {
                SequentialBlock net = trainMlp(ctx, s, WIDTH, "net/" + seed, train, m);
                SequentialBlock judge = trainMlp(ctx, s, JUDGE_WIDTH, "judge/" + seed, train, m);
                List<ClassRow> rows = new ArrayList<>();
                List<float[]> gallery = new ArrayList<>();
                for (int c : s.classes()) {
                    float[][] images = Facets.imagesOfClass(train, c);
                    Facets f = Facets.of(net, images, c, s.facets(), COMPONENTS, CLOSEST,
                            ctx.random("kmeans/" + seed + "/" + c), m);
                    float[][] facet = am.run(net, c, f.inits(), m);
                    float[][] plain = am.run(net, c, noise(s.facets(), ctx.random("noise/" + seed + "/" + c)), m);
                    int[] nearest = f.nearestFacet(net, facet, m);
                    double own = 0;
                    for (int j = 0; j < nearest.length; j++) {
                        own += nearest[j] == j ? 1.0 / nearest.length : 0;
                    }
                    double[] real = Facets.logit(net, images, c, m);
                    rows.add(new ClassRow(FashionMnist.CLASSES.get(c), Facets.meanPairwiseCorrelation(facet),
                            Facets.meanPairwiseCorrelation(plain), Facets.shareClassifiedAs(judge, facet, c, m),
                            Facets.shareClassifiedAs(judge, plain, c, m), own,
                            Stats.mean(Facets.logit(net, facet, c, m)), Stats.quantile(0.9, real)));
                    if (seed == 0) {
                        gallery.addAll(List.of(f.inits()));
                        gallery.addAll(List.of(facet));
                        gallery.addAll(List.of(plain));
                    }
                }
                facetCorr[seed] = rows.stream().mapToDouble(ClassRow::facetCorrelation).average().orElseThrow();
                plainCorr[seed] = rows.stream().mapToDouble(ClassRow::plainCorrelation).average().orElseThrow();
                coherent[seed] = rows.stream().mapToDouble(ClassRow::facetsJudgedAsClass).average().orElseThrow();
                kept[seed] = rows.stream().mapToDouble(ClassRow::facetsNearestOwnCentroid).average().orElseThrow();
                ctx.log(String.format("seed %d: correlation facets %.3f, plain %.3f; judged as class %.2f; own "
                        + "facet %.2f", seed + 1, facetCorr[seed], plainCorr[seed], coherent[seed], kept[seed]));
                if (seed == 0) {
                    record(ctx, s, rows, gallery);
                }
            }
        }
        ctx.decide(DIVERSE, Estimate.pairedDifference(plainCorr, facetCorr), String.format("correlation plain %.3f − "
                + "facets %.3f", Stats.mean(plainCorr), Stats.mean(facetCorr)));
        ctx.decide(COHERENT, Estimate.mean(coherent), "share of facet images the independent classifier labels as "
                + "their class, mean over seeds");
        ctx.decide(DISTINCT, Estimate.mean(kept), "share of facet images nearest their own facet's centroid, mean "
                + "over seeds");
    }

    private void record(StepContext ctx, Setup s, List<ClassRow> rows, List<float[]> gallery) {
        ctx.table("classes", Tables.of("seed 1, per class: diversity, coherence and logits", rows));
        ctx.chart("diversity", MultifacetedFigures.diversity(rows.stream().map(ClassRow::cls).toList(),
                rows.stream().map(ClassRow::facetCorrelation).toList(),
                rows.stream().map(ClassRow::plainCorrelation).toList()));
        ctx.chart("visualisations", MultifacetedFigures.images("Seed 1, rows per class: facet starts, facet AM, plain "
                + "AM", gallery.toArray(float[][]::new),
                SIDE, s.facets()));
    }

    private static SequentialBlock trainMlp(StepContext ctx, Setup s, int width, String label, LabeledData train,
            NDManager m) {
        Engines.seed(ctx.seed("init/" + label));
        SequentialBlock net = Mlp.builder().setWidth(width).setDepth(2).setOutputs(10).build();
        net.initialize(m, DataType.FLOAT32, new Shape(BATCH, train.features()));
        TrainingLoop.builder().setEpochs(s.epochs()).setBatchSize(BATCH).optAdam(LEARNING_RATE)
                .optShuffleSeed(ctx.seed("shuffle/" + label)).optName(label).build().fit(net, train, train, m);
        return net;
    }

    private static float[][] noise(int n, SplittableRandom r) {
        float[][] x = new float[n][SIDE * SIDE];
        for (float[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) Math.max(0, Math.min(1, 0.5 + NOISE * r.nextGaussian()));
            }
        }
        return x;
    }
}
