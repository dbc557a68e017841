package org.reprolab.repro;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprolab.math.Estimate;
import org.reprolab.report.Charts;
import org.reprolab.report.Tables;

/**
 * A tiny reproduction for testing the contract: a passing claim, a failing one, a check, a claim decided over
 * seeds, and a step that can throw.
 */
public final class ToyReproduction extends PaperReproduction<ToyReproduction.Setup> {

    static final Claim GOOD = Claim.claim("good", "Two plus two is four.")
            .criterion(Criterion.within(4, 0), "paper: Peano").reference(Reference.of(4, "Peano"));
    static final Claim BAD = Claim.claim("bad", "Two plus two is five.")
            .criterion(Criterion.within(5, 0), "paper: Orwell").reference(Reference.of(5, "Orwell"));
    static final Claim IDENTITY = Claim.check("identity", "a + a equals 2a.")
            .criterion(Criterion.atMost(0), "ours: exact arithmetic");
    static final Claim RANDOM = Claim.claim("random", "Seeded uniform draws average at least 0.4.")
            .criterion(Criterion.atLeast(0.4), "ours: the mean of U(0, 1) is 0.5").reference(Reference.noNumber("none"))
            .overSeeds();

    /** Settings: how many draws. */
    record Setup(int draws) implements Settings {
        static Setup of(Profile p) {
            return new Setup(p == Profile.QUICK ? 5 : 50);
        }

        @Override
        public List<String> standIns() {
            return List.of(draws + " draws stand in for infinitely many.");
        }
    }

    record Sum(double a, double aPlusA) { }

    private final boolean explode;

    /** A toy; with {@code explode} its last step throws. */
    public ToyReproduction(boolean explode) {
        super(Setup::of);
        this.explode = explode;
        step("arithmetic", "Add numbers", (ctx, s) -> {
            ctx.metric("sum", 2 + 2);
            ctx.decide(GOOD, 2 + 2, "2 + 2");
            ctx.decide(BAD, 2 + 2, "2 + 2");
            ctx.decide(IDENTITY, Math.abs((3.0 + 3.0) - 2 * 3.0), "|(3 + 3) − 2·3|");
            ctx.table("sums", Tables.of("sums", List.of(new Sum(1, 2), new Sum(2, 4))));
            XYChart c = Charts.line("sums", "a", "a+a");
            c.addSeries("a+a", new double[] {1, 2}, new double[] {2, 4});
            ctx.chart("sums", c);
        }, GOOD, BAD, IDENTITY);
        step("draw", "Seeded draws", (ctx, s) -> {
            double[] v = new double[s.draws()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ctx.random("x" + i).nextDouble();
            }
            ctx.metric("draw", v[0]);
            if (explode) {
                throw new IllegalStateException("boom");
            }
            ctx.decide(RANDOM, Estimate.mean(v), s.draws() + " draws");
        }, RANDOM);
    }

    /** For ServiceLoader. */
    public ToyReproduction() {
        this(false);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("toy", 0, "A toy paper", List.of("Ada Lovelace", "Charles Babbage"), 1843, "Notes",
                "", "Checks arithmetic.");
    }

    @Override
    public List<String> standIns() {
        return List.of("Nothing else stands in.");
    }
}
