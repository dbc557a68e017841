package org.reprolab.math;

/** Correlation coefficients of paired samples. */
public final class Correlation {

    private Correlation() {}

    /** Pearson's r of x and y (NaN when either is constant). */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("pearson needs two samples of equal length ≥ 2");
        }
        double mx = Stats.mean(x);
        double my = Stats.mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's rank correlation: Pearson's r of the ranks (ties take their mean rank). */
    public static double spearman(double[] x, double[] y) {
        return pearson(Stats.ranks(x), Stats.ranks(y));
    }
}
