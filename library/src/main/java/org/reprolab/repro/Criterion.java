package org.reprolab.repro;

import java.util.function.DoublePredicate;
import org.reprolab.math.Estimate;
import org.reprolab.math.SignificantDigits;

/**
 * A pass criterion on a measured number, decided on its interval where it has one ({@link Outcome}). Criteria
 * print themselves, so a verdict shows exactly what was tested. NaN never passes.
 */
public final class Criterion {

    private enum Shape { AT_LEAST, ABOVE, AT_MOST, BELOW, BETWEEN, PREDICATE }

    private final Shape shape;
    private final double a;
    private final double b;
    private final DoublePredicate predicate;
    private final String description;

    private Criterion(Shape shape, double a, double b, DoublePredicate predicate, String description) {
        this.shape = shape;
        this.a = a;
        this.b = b;
        this.predicate = predicate;
        this.description = description;
    }

    /** Passes when the measured value (its whole interval) is ≥ {@code min}. */
    public static Criterion atLeast(double min) {
        return new Criterion(Shape.AT_LEAST, min, Double.NaN, null, "≥ " + SignificantDigits.format(min));
    }

    /** Passes when the measured value (its whole interval) is > {@code min}. */
    public static Criterion above(double min) {
        return new Criterion(Shape.ABOVE, min, Double.NaN, null, "> " + SignificantDigits.format(min));
    }

    /** Passes when the measured value (its whole interval) is ≤ {@code max}. */
    public static Criterion atMost(double max) {
        return new Criterion(Shape.AT_MOST, max, Double.NaN, null, "≤ " + SignificantDigits.format(max));
    }

    /** Passes when the measured value (its whole interval) is < {@code max}. */
    public static Criterion below(double max) {
        return new Criterion(Shape.BELOW, max, Double.NaN, null, "< " + SignificantDigits.format(max));
    }

    /** Passes when the measured value (its whole interval) lies in [{@code lo}, {@code hi}]. */
    public static Criterion between(double lo, double hi) {
        return new Criterion(Shape.BETWEEN, lo, hi, null,
                "in [" + SignificantDigits.format(lo) + ", " + SignificantDigits.format(hi) + "]");
    }

    /**
     * Passes when the measured value (its whole interval) lies within {@code tolerance} of {@code target}: an
     * equivalence margin, only for what the paper itself calls parity or agreement.
     */
    public static Criterion within(double target, double tolerance) {
        return new Criterion(Shape.BETWEEN, target - tolerance, target + tolerance, null,
                SignificantDigits.format(target) + " ± " + SignificantDigits.format(tolerance));
    }

    /** A yes/no criterion on an exactly computed value, described in words; it cannot decide an interval. */
    public static Criterion of(DoublePredicate predicate, String description) {
        return new Criterion(Shape.PREDICATE, Double.NaN, Double.NaN, predicate, description);
    }

    /** The criterion in words and numbers, e.g. {@code "≤ 1e-12"}. */
    public String describe() {
        return description;
    }

    /** Whether this criterion can decide an interval (every shape but {@link #of}). */
    public boolean decidesIntervals() {
        return shape != Shape.PREDICATE;
    }

    /**
     * The outcome for {@code e}: on its interval when it has one (PASS when all of it meets the criterion, FAIL
     * when none of it does, INCONCLUSIVE otherwise), else on its value (PASS or FAIL).
     */
    public Outcome decide(Estimate e) {
        if (Double.isNaN(e.value())) {
            return Outcome.FAIL;
        }
        if (!e.hasInterval()) {
            return holds(e.value()) ? Outcome.PASS : Outcome.FAIL;
        }
        if (!decidesIntervals()) {
            throw new IllegalStateException("criterion '" + description + "' cannot decide an interval; use atLeast, "
                    + "atMost, between or within");
        }
        boolean loHolds = holds(e.lo());
        boolean hiHolds = holds(e.hi());
        // One-sided shapes are monotone and [a, b] is convex, so the two ends decide the whole interval.
        boolean all = loHolds && hiHolds;
        boolean none = shape == Shape.BETWEEN ? e.hi() < a || e.lo() > b : !loHolds && !hiHolds;
        return all ? Outcome.PASS : none ? Outcome.FAIL : Outcome.INCONCLUSIVE;
    }

    /** Whether a single value meets the criterion. */
    public boolean holds(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        return switch (shape) {
            case AT_LEAST -> v >= a;
            case ABOVE -> v > a;
            case AT_MOST -> v <= a;
            case BELOW -> v < a;
            case BETWEEN -> v >= a && v <= b;
            case PREDICATE -> predicate.test(v);
        };
    }

    @Override
    public String toString() {
        return description;
    }
}
