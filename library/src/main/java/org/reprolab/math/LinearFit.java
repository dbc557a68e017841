package org.reprolab.math;

/**
 * An ordinary least-squares line y = intercept + slope·x, with the slope's standard error and t-interval
 * (n − 2 degrees of freedom). {@link #logLog} fits a power law y ∝ x^slope on log axes, the scaling exponent
 * several papers report.
 *
 * @param slope the fitted slope
 * @param intercept the fitted intercept
 * @param slopeStandardError the slope's standard error (NaN for fewer than three points)
 * @param r2 the coefficient of determination
 * @param n the number of points
 */
public record LinearFit(double slope, double intercept, double slopeStandardError, double r2, int n) {

    /** Fits y on x; at least two points with distinct x. */
    public static LinearFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a line needs at least two (x, y) pairs, got " + x.length + " x and "
                    + y.length + " y");
        }
        double mx = Stats.mean(x);
        double my = Stats.mean(y);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all x are equal: no slope");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = Math.max(0, syy - slope * sxy);
        double se = x.length > 2 ? Math.sqrt(rss / (x.length - 2) / sxx) : Double.NaN;
        return new LinearFit(slope, intercept, se, syy == 0 ? 1 : 1 - rss / syy, x.length);
    }

    /** Fits ln y on ln x: the exponent of y ∝ x^slope. Every x and y must be positive. */
    public static LinearFit logLog(double[] x, double[] y) {
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(i < y.length && y[i] > 0)) {
                throw new IllegalArgumentException("a log-log fit needs positive values; point " + i + " is ("
                        + x[i] + ", " + (i < y.length ? y[i] : Double.NaN) + ")");
            }
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        return of(lx, ly);
    }

    /** The slope with its 95% t-interval (no interval for two points). */
    public Estimate slopeEstimate() {
        if (Double.isNaN(slopeStandardError)) {
            return Estimate.exact(slope);
        }
        double half = StudentT.critical(Estimate.LEVEL, n - 2) * slopeStandardError;
        return Estimate.of(slope, slope - half, slope + half, n,
                "95% t-interval of the fitted slope, " + n + " points");
    }

    /** The fitted value at {@code x}. */
    public double at(double x) {
        return intercept + slope * x;
    }
}
