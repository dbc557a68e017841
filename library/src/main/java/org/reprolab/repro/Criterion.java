package org.reprolab.repro;

/**
 * A pass criterion on a measured number. Criteria print themselves, so a verdict shows exactly what was
 * tested. NaN never passes.
 */
public interface Criterion {

    /** Whether {@code measured} passes. */
    boolean test(double measured);

    /** The criterion in words and numbers, e.g. {@code "≤ 1e-12"}. */
    String describe();

    /** Passes when {@code measured ≤ max}. */
    static Criterion atMost(double max) {
        return of(m -> m <= max, "≤ " + Verdict.format(max));
    }

    /** Passes when {@code measured < max}. */
    static Criterion below(double max) {
        return of(m -> m < max, "< " + Verdict.format(max));
    }

    /** Passes when {@code measured ≥ min}. */
    static Criterion atLeast(double min) {
        return of(m -> m >= min, "≥ " + Verdict.format(min));
    }

    /** Passes when {@code measured > min}. */
    static Criterion above(double min) {
        return of(m -> m > min, "> " + Verdict.format(min));
    }

    /** Passes when {@code |measured − target| ≤ tolerance}. */
    static Criterion within(double target, double tolerance) {
        return of(m -> Math.abs(m - target) <= tolerance,
                Verdict.format(target) + " ± " + Verdict.format(tolerance));
    }

    /** Passes when {@code lo ≤ measured ≤ hi}. */
    static Criterion between(double lo, double hi) {
        return of(m -> m >= lo && m <= hi, "in [" + Verdict.format(lo) + ", " + Verdict.format(hi) + "]");
    }

    /** Passes when the measured boolean-as-number is 1 (a yes/no check, described in words). */
    static Criterion isTrue(String description) {
        return of(m -> m == 1.0, description);
    }

    /** A criterion from a predicate and its description. */
    static Criterion of(java.util.function.DoublePredicate predicate, String description) {
        return new Criterion() {
            @Override
            public boolean test(double measured) {
                return !Double.isNaN(measured) && predicate.test(measured);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
