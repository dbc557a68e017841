package org.reprolab.math;

import java.util.Locale;

/**
 * A measured number with its uncertainty: a point value and, where the number comes from random samples
 * (seeds, trials, a random test set), a confidence interval. A value computed exactly (a closed form, an
 * identity) has no interval.
 *
 * <pre>{@code
 * Estimate gain = Estimate.pairedDifference(g2gAccuracy, denseAccuracy);   // paired by seed, 95% t-interval
 * gain.lo() > 0                                                             // the interval clears zero
 * }</pre>
 *
 * @param value the point estimate
 * @param lo the interval's lower end, NaN when there is none
 * @param hi the interval's upper end, NaN when there is none
 * @param level the interval's confidence level (0.95), NaN when there is none
 * @param n how many independent samples went in (seeds, trials); 1 for a computed value
 * @param method how the interval was made, in words (e.g. {@code "95% t-interval over 5 seeds, paired"})
 */
public record Estimate(double value, double lo, double hi, double level, int n, String method) {

    /** The confidence level of every interval we report. */
    public static final double LEVEL = 0.95;

    /** A value computed exactly, without sampling noise. */
    public static Estimate exact(double value) {
        return new Estimate(value, Double.NaN, Double.NaN, Double.NaN, 1, "computed");
    }

    /** A point value with an interval made elsewhere (a bootstrap, a fit); {@code method} says how. */
    public static Estimate of(double value, double lo, double hi, int n, String method) {
        if (lo > hi) {
            throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] is reversed");
        }
        return new Estimate(value, lo, hi, LEVEL, n, method);
    }

    /**
     * The mean of independent samples (one per seed) with its 95% t-interval. With one sample there is no
     * interval: the spread cannot be estimated.
     */
    public static Estimate mean(double... samples) {
        return meanOver("seed", samples);
    }

    /** The mean of samples of another unit ({@code "task"}, {@code "restart"}) with its 95% t-interval. */
    public static Estimate meanOver(String unit, double... samples) {
        return tInterval(samples, "over " + count(samples.length, unit));
    }

    /** The mean of a − b over paired samples (same seed, same data) with the t-interval of the differences. */
    public static Estimate pairedDifference(double[] a, double[] b) {
        return tInterval(Stats.differences(a, b), "over " + count(a.length, "seed") + ", paired");
    }

    /**
     * The geometric mean of a / b over paired samples, with the t-interval of ln(a / b) mapped back: for claims
     * about factors ("at most 1.2 times the error").
     */
    public static Estimate pairedRatio(double[] a, double[] b) {
        Estimate log = tInterval(Stats.logRatios(a, b),
                "of the log ratio over " + count(a.length, "seed") + ", paired");
        return new Estimate(Math.exp(log.value), Math.exp(log.lo), Math.exp(log.hi), log.level, log.n, log.method);
    }

    /** A proportion k of n independent trials with its Wilson score interval (exact enough at small n). */
    public static Estimate proportion(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes of " + trials + " trials");
        }
        double z = SpecialFunctions.normalQuantile(0.5 + LEVEL / 2);
        double p = (double) successes / trials;
        double d = 1 + z * z / trials;
        double centre = (p + z * z / (2.0 * trials)) / d;
        double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / d;
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), LEVEL, (int) trials,
                pct() + " Wilson interval, " + successes + " of " + trials);
    }

    private static Estimate tInterval(double[] x, String over) {
        double m = Stats.mean(x);
        if (x.length < 2) {
            return new Estimate(m, Double.NaN, Double.NaN, Double.NaN, x.length, "one sample: no interval");
        }
        double half = StudentT.critical(LEVEL, x.length - 1) * Stats.standardError(x);
        return new Estimate(m, m - half, m + half, LEVEL, x.length, pct() + " t-interval " + over);
    }

    /** Whether there is an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** This estimate with value and interval scaled by {@code factor > 0} (e.g. 100 for percentage points). */
    public Estimate times(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive, got " + factor);
        }
        return new Estimate(value * factor, lo * factor, hi * factor, level, n, method);
    }

    /** {@code 0.0123 [0.0045, 0.0201]}, or the value alone when there is no interval. */
    public String format() {
        String v = SignificantDigits.format(value);
        return hasInterval() ? v + " [" + SignificantDigits.format(lo) + ", " + SignificantDigits.format(hi) + "]" : v;
    }

    @Override
    public String toString() {
        return hasInterval() ? format() + " (" + method + ")" : format();
    }

    private static String count(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String pct() {
        return String.format(Locale.ROOT, "%.0f%%", 100 * LEVEL);
    }
}
