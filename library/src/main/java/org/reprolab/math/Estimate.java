package org.reprolab.math;

import java.util.Arrays;
import java.util.List;
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
 * <p>An estimate keeps the samples it was made from and how, so the estimates of several independent runs of
 * the same claim (a sweep over run seeds, sharded over machines) {@linkplain #pool pool} into the one estimate a
 * single run over all those samples would give.
 *
 * @param value the point estimate
 * @param lo the interval's lower end, NaN when there is none
 * @param hi the interval's upper end, NaN when there is none
 * @param level the interval's confidence level (0.95), NaN when there is none
 * @param n how many independent samples went in (seeds, trials); 1 for a computed value
 * @param method how the interval was made, in words (e.g. {@code "95% t-interval over 5 seeds, paired"})
 * @param kind how the samples make the estimate, and so how estimates pool
 * @param samples the samples: values, paired differences or log ratios; {successes, trials} for a proportion,
 *     {successes₁, trials₁, successes₂, trials₂} for a difference of proportions; empty for a computed value
 * @param unit what a sample is ({@code seed}, {@code task}, ...), for the method's words
 */
public record Estimate(double value, double lo, double hi, double level, int n, String method, Kind kind,
        double[] samples, String unit) {

    /** The confidence level of every interval we report. */
    public static final double LEVEL = 0.95;

    /** How an estimate was made from its samples. */
    public enum Kind {
        /** Computed exactly: no samples, no interval. */
        EXACT,
        /** The mean of samples, with a t-interval. */
        MEAN,
        /** The mean of paired differences, with a t-interval. */
        PAIRED_DIFFERENCE,
        /** The geometric mean of paired ratios: a t-interval on the log ratios, mapped back. */
        PAIRED_RATIO,
        /** A proportion of independent trials, with a Wilson interval. */
        PROPORTION,
        /** The difference of two proportions of independent trials, with Newcombe's interval. */
        PROPORTION_DIFFERENCE,
        /** An interval made elsewhere (a fit, a bootstrap): pooled as one sample per estimate. */
        OTHER
    }

    /** A value computed exactly, without sampling noise. */
    public static Estimate exact(double value) {
        return new Estimate(value, Double.NaN, Double.NaN, Double.NaN, 1, "computed", Kind.EXACT, new double[0], "");
    }

    /** A point value with an interval made elsewhere (a bootstrap, a fit); {@code method} says how. */
    public static Estimate of(double value, double lo, double hi, int n, String method) {
        if (lo > hi) {
            throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] is reversed");
        }
        return new Estimate(value, lo, hi, LEVEL, n, method, Kind.OTHER, new double[] {value}, "run");
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
        return tInterval(Kind.MEAN, samples.clone(), unit, "");
    }

    /** The mean of a − b over paired samples (same seed, same data) with the t-interval of the differences. */
    public static Estimate pairedDifference(double[] a, double[] b) {
        return tInterval(Kind.PAIRED_DIFFERENCE, Stats.differences(a, b), "seed", ", paired");
    }

    /**
     * The geometric mean of a / b over paired samples, with the t-interval of ln(a / b) mapped back: for claims
     * about factors ("at most 1.2 times the error").
     */
    public static Estimate pairedRatio(double[] a, double[] b) {
        return tInterval(Kind.PAIRED_RATIO, Stats.logRatios(a, b), "seed", ", paired");
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
                pct() + " Wilson interval, " + successes + " of " + trials, Kind.PROPORTION,
                new double[] {successes, trials}, "trial");
    }

    /**
     * The difference of two proportions of independent trials, k₁/n₁ − k₂/n₂, with Newcombe's hybrid score
     * interval (his method 10: the Wilson intervals [l₁, u₁] and [l₂, u₂] of each proportion combined as
     * \(\hat p_1 - \hat p_2 - \sqrt{(\hat p_1 - l_1)^2 + (u_2 - \hat p_2)^2}\) and
     * \(\hat p_1 - \hat p_2 + \sqrt{(u_1 - \hat p_1)^2 + (\hat p_2 - l_2)^2}\)). For two methods whose trials
     * share nothing, where a pairing by seed would be nominal; unlike a t-interval over 0/1 differences it does not
     * collapse when every trial of both methods succeeds. Newcombe, Statistics in Medicine 17 (1998) 873–890.
     */
    public static Estimate proportionDifference(long successes1, long trials1, long successes2, long trials2) {
        Estimate a = proportion(successes1, trials1);
        Estimate b = proportion(successes2, trials2);
        double d = a.value - b.value;
        double lo = d - Math.sqrt((a.value - a.lo) * (a.value - a.lo) + (b.hi - b.value) * (b.hi - b.value));
        double hi = d + Math.sqrt((a.hi - a.value) * (a.hi - a.value) + (b.value - b.lo) * (b.value - b.lo));
        return new Estimate(d, lo, hi, LEVEL, (int) Math.min(trials1, trials2), pct() + " Newcombe interval, "
                + successes1 + " of " + trials1 + " − " + successes2 + " of " + trials2, Kind.PROPORTION_DIFFERENCE,
                new double[] {successes1, trials1, successes2, trials2}, "trial");
    }

    /**
     * The estimate that all of {@code parts}' samples would have given together: the estimates of one claim from
     * independent runs (different run seeds). Means, paired differences and ratios pool their samples,
     * proportions their trials; computed values must agree; other intervals pool as one sample per run.
     */
    public static Estimate pool(List<Estimate> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to pool");
        }
        Kind kind = parts.get(0).kind();
        if (parts.size() == 1) {
            return parts.get(0);
        }
        for (Estimate e : parts) {
            if (e.kind() != kind) {
                throw new IllegalArgumentException("cannot pool a " + e.kind() + " estimate with a " + kind + " one");
            }
        }
        return switch (kind) {
            case EXACT -> {
                double v = parts.get(0).value();
                boolean same = parts.stream().allMatch(e -> Double.compare(e.value(), v) == 0);
                yield same ? parts.get(0) : tInterval(Kind.MEAN, parts.stream().mapToDouble(Estimate::value).toArray(),
                        "run", ", of a value that differs between runs");
            }
            case PROPORTION -> proportion(Math.round(parts.stream().mapToDouble(e -> e.samples()[0]).sum()),
                    Math.round(parts.stream().mapToDouble(e -> e.samples()[1]).sum()));
            case PROPORTION_DIFFERENCE -> proportionDifference(sum(parts, 0), sum(parts, 1), sum(parts, 2),
                    sum(parts, 3));
            case OTHER -> tInterval(Kind.MEAN, parts.stream().mapToDouble(Estimate::value).toArray(), "run", "");
            default -> tInterval(kind, parts.stream().flatMapToDouble(e -> Arrays.stream(e.samples())).toArray(),
                    parts.get(0).unit(), kind == Kind.MEAN ? "" : ", paired");
        };
    }

    private static long sum(List<Estimate> parts, int i) {
        return Math.round(parts.stream().mapToDouble(e -> e.samples()[i]).sum());
    }

    private static Estimate tInterval(Kind kind, double[] x, String unit, String suffix) {
        double m = Stats.mean(x);
        String over = (kind == Kind.PAIRED_RATIO ? "of the log ratio " : "") + "over " + count(x.length, unit) + suffix;
        if (x.length < 2) {
            return mapped(kind, m, Double.NaN, Double.NaN, Double.NaN, x, unit, "one sample: no interval");
        }
        double half = StudentT.critical(LEVEL, x.length - 1) * Stats.standardError(x);
        return mapped(kind, m, m - half, m + half, LEVEL, x, unit, pct() + " t-interval " + over);
    }

    private static Estimate mapped(Kind kind, double m, double lo, double hi, double level, double[] x, String unit,
            String method) {
        if (kind == Kind.PAIRED_RATIO) {
            return new Estimate(Math.exp(m), Math.exp(lo), Math.exp(hi), level, x.length, method, kind, x, unit);
        }
        return new Estimate(m, lo, hi, level, x.length, method, kind, x, unit);
    }

    /** Whether there is an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** This estimate with value, interval and samples scaled by {@code factor > 0} (e.g. 100 for points). */
    public Estimate times(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive, got " + factor);
        }
        double[] s = samples.clone();
        if (kind == Kind.MEAN || kind == Kind.PAIRED_DIFFERENCE || kind == Kind.OTHER) {
            for (int i = 0; i < s.length; i++) {
                s[i] *= factor;
            }
        }
        Kind k = kind == Kind.PAIRED_RATIO || kind == Kind.PROPORTION || kind == Kind.PROPORTION_DIFFERENCE ? Kind.OTHER
                : kind;
        return new Estimate(value * factor, lo * factor, hi * factor, level, n, method, k,
                k == kind ? s : new double[] {value * factor}, unit);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Estimate e && Double.compare(value, e.value) == 0 && Double.compare(lo, e.lo) == 0
                && Double.compare(hi, e.hi) == 0 && Double.compare(level, e.level) == 0 && n == e.n
                && method.equals(e.method) && kind == e.kind && Arrays.equals(samples, e.samples)
                && unit.equals(e.unit);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Arrays.hashCode(samples);
    }

    private static String count(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String pct() {
        return String.format(Locale.ROOT, "%.0f%%", 100 * LEVEL);
    }
}
