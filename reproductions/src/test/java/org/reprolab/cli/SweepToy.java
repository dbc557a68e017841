package org.reprolab.cli;

import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.math.Estimate;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Step;

/**
 * A reproduction for sweep tests that runs in milliseconds: one claim per kind of estimate (mean, paired
 * difference, paired ratio, proportion, exact, an interval made elsewhere), each over a few samples drawn from
 * the step's seed, so every run seed gives other numbers.
 */
final class SweepToy implements Reproduction {

    static final Claim MEAN = Claim.claim("mean", "Uniform draws average at least 0.45.")
            .criterion(Criterion.atLeast(0.45), "ours: their mean is 0.5").reference(Reference.noNumber("none"))
            .overSeeds();
    static final Claim DIFFERENCE = Claim.claim("difference", "A beats B by at least 0.")
            .criterion(Criterion.atLeast(0), "ours: A is B plus 0.1").reference(Reference.noNumber("none"))
            .overSeeds();
    static final Claim RATIO = Claim.claim("ratio", "A is at most 1.2 times B.")
            .criterion(Criterion.atMost(1.2), "ours: A is about 1.1 B").reference(Reference.noNumber("none"))
            .overSeeds();
    static final Claim RATE = Claim.claim("rate", "Coins come up heads at least half the time.")
            .criterion(Criterion.atLeast(0.5), "ours: fair coins").reference(Reference.noNumber("none"))
            .overSeeds();
    static final Claim FIT = Claim.claim("fit", "A fitted slope lies in [0, 2].")
            .criterion(Criterion.between(0, 2), "ours: the slope is 1").reference(Reference.noNumber("none"));
    static final Claim IDENTITY = Claim.check("identity", "a + a equals 2a.")
            .criterion(Criterion.atMost(0), "ours: exact arithmetic");

    private final String id;
    private final int number;

    /** A toy paper {@code id} with number {@code number} (sweeps order papers by it). */
    SweepToy(String id, int number) {
        this.id = id;
        this.number = number;
    }

    SweepToy() {
        this("toy", 900);
    }

    @Override
    public PaperCard card() {
        return new PaperCard(id, number, "A toy paper for sweeps", List.of("Ada Lovelace"), 1843, "Notes", "",
                "Draws numbers.");
    }

    @Override
    public List<Claim> claims() {
        return List.of(MEAN, DIFFERENCE, RATIO, RATE, FIT, IDENTITY);
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of("draw", "Seeded draws", ctx -> {
            SplittableRandom rng = ctx.random("draws");
            double[] u = rng.doubles(4).toArray();
            double[] b = rng.doubles(4).toArray();
            double[] a = new double[b.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = b[i] + 0.1 + 0.05 * rng.nextGaussian();
            }
            int heads = (int) rng.ints(20, 0, 2).filter(x -> x == 1).count();
            double slope = 1 + 0.1 * rng.nextGaussian();
            ctx.metric("first draw", u[0]);
            ctx.decide(MEAN, Estimate.mean(u), "4 draws");
            ctx.decide(DIFFERENCE, Estimate.pairedDifference(a, b), "A − B");
            ctx.decide(RATIO, Estimate.pairedRatio(a, b), "A / B");
            ctx.decide(RATE, Estimate.proportion(heads, 20), heads + " of 20 heads");
            ctx.decide(FIT, Estimate.of(slope, slope - 0.3, slope + 0.3, 10, "fit"), "slope");
            ctx.decide(IDENTITY, Math.abs((3.0 + 3.0) - 2 * 3.0), "|(3 + 3) − 2·3|");
        }, List.of(MEAN, DIFFERENCE, RATIO, RATE, FIT, IDENTITY)));
    }
}
