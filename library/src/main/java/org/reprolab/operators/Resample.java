package org.reprolab.operators;

/**
 * Moving samples of a 1-periodic function between uniform grids x_i = i/n: exact subsampling of a finer grid,
 * and trigonometric (Fourier) interpolation, exact for band-limited functions.
 */
public final class Resample {

    private Resample() {}

    /** Every {@code factor}-th sample: the values of a grid of n samples at the nodes of the grid of n/factor. */
    public static double[] subsample(double[] u, int factor) {
        if (u.length % factor != 0) {
            throw new IllegalArgumentException(u.length + " samples are not a multiple of " + factor);
        }
        double[] v = new double[u.length / factor];
        for (int i = 0; i < v.length; i++) {
            v[i] = u[i * factor];
        }
        return v;
    }

    /**
     * The trigonometric interpolant of the n samples {@code u} (modes |k| < n/2; the Nyquist mode of an even n is
     * split symmetrically) evaluated at the m nodes i/m.
     */
    public static double[] fourier(double[] u, int m) {
        int n = u.length;
        int kmax = n / 2;
        double[] y = new double[m];
        double[] re = new double[kmax + 1];
        double[] im = new double[kmax + 1];
        for (int k = 0; k <= kmax; k++) {
            for (int i = 0; i < n; i++) {
                double t = 2 * Math.PI * k * i / n;
                re[k] += u[i] * Math.cos(t) / n;
                im[k] -= u[i] * Math.sin(t) / n;
            }
        }
        for (int j = 0; j < m; j++) {
            double x = (double) j / m;
            double s = re[0];
            for (int k = 1; k <= kmax; k++) {
                double w = (n % 2 == 0 && k == kmax) ? 1 : 2;
                double t = 2 * Math.PI * k * x;
                s += w * (re[k] * Math.cos(t) - im[k] * Math.sin(t));
            }
            y[j] = s;
        }
        return y;
    }

    /** The relative L2 distance ‖a − b‖ / ‖b‖ of two sample vectors of one grid. */
    public static double relativeL2(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }
}
