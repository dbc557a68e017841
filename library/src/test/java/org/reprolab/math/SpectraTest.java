package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectraTest {

    @Test
    void fftMatchesTheDirectTransform() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 16;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int t = 0; t < n; t++) {
            re[t] = rng.nextDouble() - 0.5;
            im[t] = rng.nextDouble() - 0.5;
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        Spectra.fft(fr, fi);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                sr += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                si += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
            assertEquals(sr, fr[k], 1e-12);
            assertEquals(si, fi[k], 1e-12);
        }
    }

    @Test
    void periodogramKeepsTheEnergy() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[64];
        double energy = 0;
        for (int t = 0; t < x.length; t++) {
            x[t] = rng.nextDouble() - 0.3;
            energy += x[t] * x[t];
        }
        double sum = 0;
        for (double p : Spectra.periodogram(x)) {
            sum += p;
        }
        assertEquals(energy, sum, 1e-10);
    }

    @Test
    void aSineHasAllItsPowerInItsBand() {
        double rate = 64;
        double[] x = new double[128];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.sin(2 * Math.PI * 10 * t / rate); // 10 Hz falls on bin 20
        }
        double[] p = Spectra.periodogram(x);
        assertEquals(x.length / 2.0, Spectra.bandPower(p, rate, 8, 13), 1e-9); // n · A² / 2
        assertEquals(0, Spectra.bandPower(p, rate, 13, 32), 1e-9);
        assertEquals(0, Spectra.spectralEntropy(p), 1e-9); // one bin
    }

    @Test
    void flatSpectrumHasMaximalEntropy() {
        double[] p = {5, 1, 1, 1, 1};
        assertEquals(Math.log(4), Spectra.spectralEntropy(p), 1e-12);
    }

    @Test
    void fftRejectsLengthsThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> Spectra.fft(new double[6], new double[6]));
    }
}
