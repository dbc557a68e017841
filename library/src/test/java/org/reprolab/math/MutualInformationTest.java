package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.Synthetic;

class MutualInformationTest {

    @Test
    void adaptiveBinningRecoversTheMutualInformationOfCorrelatedGaussians() {
        SplittableRandom rng = new SplittableRandom(7);
        for (double rho : new double[] {0.5, 0.8, 0.9}) {
            double[] a = new double[100_000];
            double[] b = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = Synthetic.gaussian(rng);
                b[i] = rho * a[i] + Math.sqrt(1 - rho * rho) * Synthetic.gaussian(rng);
            }
            assertEquals(MutualInformation.gaussianBits(rho), MutualInformation.adaptiveBinnedBits(a, b, 30), 0.04,
                    "rho " + rho);
        }
        assertEquals(0.7370, MutualInformation.gaussianBits(0.8), 1e-4); // −½ log2(0.36)
    }

    @Test
    void aDeterministicDiscreteMapCarriesTheEntropyOfItsImage() {
        int[] x = new int[1000];
        int[] y = new int[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i % 4;
        }
        assertEquals(2.0, MutualInformation.entropyBits(y), 1e-12);
        assertEquals(Math.log(1000) / Math.log(2), MutualInformation.entropyBits(x), 1e-12);
        assertEquals(2.0, MutualInformation.bits(x, y), 1e-12);
    }

    @Test
    void independentSymbolsShareNoInformation() {
        int[] a = new int[16];
        int[] b = new int[16];
        for (int i = 0; i < 16; i++) {
            a[i] = i % 4;
            b[i] = i / 4;
        }
        assertEquals(0.0, MutualInformation.bits(a, b), 1e-12);
    }

    @Test
    void quantileEdgesPutEqualMassInEveryBin() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.pow(i, 3); // skewed: fixed-width bins would put almost everything in the first bin
        }
        int[] counts = new int[10];
        double[] edges = MutualInformation.quantileEdges(v, 10);
        for (double x : v) {
            counts[MutualInformation.bin(x, edges)]++;
        }
        for (int c : counts) {
            assertEquals(100, c);
        }
        assertEquals(Math.log(10) / Math.log(2), MutualInformation.entropyBits(
                MutualInformation.adaptiveBinCodes(v, 1, 10)), 1e-12);
    }

    @Test
    void binnedVectorsAreOneSymbolPerDistinctCell() {
        double[] rows = {0.1, 0.9, 0.1, 0.9, 0.9, 0.1, 0.2, 0.8};
        int[] codes = MutualInformation.fixedBinCodes(rows, 2, 2, 0, 1);
        assertEquals(codes[0], codes[1]);
        assertEquals(codes[0], codes[3]);
        assertTrue(codes[0] != codes[2]);
        double threeQuarters = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
        assertEquals(threeQuarters, MutualInformation.entropyBits(codes), 1e-12); // three rows in one cell, one apart
    }

    @Test
    void kdeOfWellSeparatedPointsIsLogNAndOfOnePointZero() {
        int n = 64;
        double[] t = new double[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            t[2 * i] = 100.0 * (i % 8);
            t[2 * i + 1] = 100.0 * (i / 8);
            y[i] = i % 2;
        }
        double[] ixy = MutualInformation.kdeBits(t, 2, y, 1.0);
        assertEquals(6.0, ixy[0], 1e-9);
        assertEquals(1.0, ixy[1], 1e-9);
        assertEquals(0.0, MutualInformation.kdeBits(new double[n * 2], 2, 1.0), 1e-12);
    }

    @Test
    void kdeOfAGaussianChannelBracketsItsClosedForm() {
        // T = X + noise with X ~ N(0, s²) and noise N(0, σ²): I(T;X) = ½ log2(1 + s²/σ²). The pairwise estimate with
        // kernel exp(−d²/2σ²) (KL distances) is an upper bound; with exp(−d²/8σ²), i.e. 2σ (Bhattacharyya), a lower
        // bound (Kolchinsky and Tracey 2017).
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * Synthetic.gaussian(rng);
        }
        double exact = 0.5 * Math.log(1 + 9) / Math.log(2);
        double upper = MutualInformation.kdeBits(x, 1, 1.0);
        double lower = MutualInformation.kdeBits(x, 1, 2.0);
        assertTrue(lower <= exact + 0.05 && upper >= exact - 0.05, "[" + lower + ", " + upper + "] vs " + exact);
    }
}
