package org.reprolab.repro;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** A tiny reproduction for testing the contract: one passing claim, one failing, one step that can throw. */
public final class ToyReproduction implements Reproduction {

    static final Claim GOOD = Claim.of("good", "Two plus two is four.");
    static final Claim BAD = Claim.of("bad", "Two plus two is five.");
    static final Claim RANDOM = Claim.of("random", "A seeded draw is below 2.");

    private final boolean explode;

    /** A toy; with {@code explode} its last step throws. */
    public ToyReproduction(boolean explode) {
        this.explode = explode;
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
    public List<Claim> claims() {
        return List.of(GOOD, BAD, RANDOM);
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of("arithmetic", "Add numbers", ctx -> {
            ctx.metric("sum", 2 + 2);
            ctx.check(GOOD, 2 + 2, Criterion.within(4, 0), Reference.of(4, "Peano"));
            ctx.check(BAD, 2 + 2, Criterion.within(5, 0), Reference.of(5, "Orwell"));
            Table t = Table.create("sums", DoubleColumn.create("a", 1, 2), DoubleColumn.create("a+a", 2, 4));
            ctx.table("sums", t);
            XYChart c = Charts.line("sums", "a", "a+a");
            c.addSeries("a+a", new double[] {1, 2}, new double[] {2, 4});
            ctx.chart("sums", c);
        }), Step.of("draw", "A seeded draw", ctx -> {
            double v = ctx.random("x").nextDouble();
            ctx.metric("draw", v);
            if (explode) {
                throw new IllegalStateException("boom");
            }
            ctx.check(RANDOM, v, Criterion.below(2), Reference.noNumber("none"));
        }));
    }

    @Override
    public List<String> standIns() {
        return List.of("Nothing stands in.");
    }
}
