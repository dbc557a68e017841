package org.reprolab.math;

/**
 * Power spectra of real signals: a radix-2 fast Fourier transform, the one-sided periodogram, the power in a
 * frequency band and the spectral entropy.
 */
public final class Spectra {

    private Spectra() {}

    /** The discrete Fourier transform X_k = Σ_t x_t e^{−2πikt/n} in place; n must be a power of two. */
    public static void fft(double[] re, double[] im) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("the FFT needs two arrays of equal power-of-two length, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = start + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /**
     * The one-sided periodogram of a real signal of power-of-two length n: P_k = |X_k|² / n for k = 0 .. n/2,
     * the interior bins doubled, so that Σ_k P_k = Σ_t x_t² (Parseval). Bin k is frequency k·rate / n.
     */
    public static double[] periodogram(double[] x) {
        int n = x.length;
        double[] re = x.clone();
        double[] im = new double[n];
        fft(re, im);
        double[] p = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            p[k] = (re[k] * re[k] + im[k] * im[k]) / n * (k == 0 || k == n / 2 ? 1 : 2);
        }
        return p;
    }

    /** The summed periodogram over bins with frequency in [lo, hi) Hz, for a signal sampled at {@code rate} Hz. */
    public static double bandPower(double[] periodogram, double rate, double lo, double hi) {
        int n = 2 * (periodogram.length - 1);
        double sum = 0;
        for (int k = 0; k < periodogram.length; k++) {
            double f = k * rate / n;
            if (f >= lo && f < hi) {
                sum += periodogram[k];
            }
        }
        return sum;
    }

    /** The Shannon entropy (nats) of the periodogram normalised to a distribution over bins 1 .. n/2 (no DC). */
    public static double spectralEntropy(double[] periodogram) {
        double total = 0;
        for (int k = 1; k < periodogram.length; k++) {
            total += periodogram[k];
        }
        double h = 0;
        for (int k = 1; k < periodogram.length; k++) {
            if (periodogram[k] > 0) {
                double p = periodogram[k] / total;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
