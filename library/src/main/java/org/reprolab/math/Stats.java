package org.reprolab.math;

import java.util.Arrays;

/**
 * Descriptive statistics of a sample, one copy for every paper. Empty input gives NaN; the sample standard
 * deviation of fewer than two values is NaN (there is no spread to estimate), never 0.
 */
public final class Stats {

    private Stats() {}

    /** The arithmetic mean. */
    public static double mean(double... v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample standard deviation (divisor n − 1); NaN for fewer than two values. */
    public static double sd(double... v) {
        return Math.sqrt(variance(v));
    }

    /** The sample variance (divisor n − 1); NaN for fewer than two values. */
    public static double variance(double... v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    /** The population standard deviation (divisor n), for describing a whole set rather than estimating. */
    public static double populationSd(double... v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /** The standard error of the mean, sd / √n; NaN for fewer than two values. */
    public static double standardError(double... v) {
        return sd(v) / Math.sqrt(v.length);
    }

    /** The root mean square √(Σ v²/n): with {@link #differences}, the RMS distance of two vectors. */
    public static double rms(double... v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }

    /** The median (the mean of the two middle values for an even count). */
    public static double median(double... v) {
        return quantile(0.5, v);
    }

    /** The {@code p}-quantile with linear interpolation between order statistics (R's type 7). */
    public static double quantile(double p, double... v) {
        if (v.length == 0 || !(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /** The geometric mean of positive values; NaN if any is not positive. */
    public static double geometricMean(double... v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            if (!(x > 0)) {
                return Double.NaN;
            }
            s += Math.log(x);
        }
        return Math.exp(s / v.length);
    }

    /** The smallest value. */
    public static double min(double... v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    /** The largest value. */
    public static double max(double... v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** The index of the smallest value (the first of equal ones); −1 for no values. NaN is never the smallest. */
    public static int argMin(double... v) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i]) && (best < 0 || v[i] < v[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Ranks from 1 (smallest) to n, ties sharing the mean of their ranks. */
    public static double[] ranks(double... v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length;) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double shared = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = shared;
            }
            i = j + 1;
        }
        return r;
    }

    /** (x − mean) / sd for every value: standard scores. */
    public static double[] zScores(double... v) {
        double m = mean(v);
        double s = sd(v);
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = (v[i] - m) / s;
        }
        return z;
    }

    /** Element-wise a − b, for paired comparisons. */
    public static double[] differences(double[] a, double[] b) {
        requireSameLength(a, b);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Element-wise ln(a / b), for paired ratios. */
    public static double[] logRatios(double[] a, double[] b) {
        requireSameLength(a, b);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = Math.log(a[i] / b[i]);
        }
        return d;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
        }
    }
}
