package org.reprolab.papers.deeperbrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class DeeperBrainTest {

    @Test
    void leadFieldIsStrongestAtTheNearestElectrodes() {
        double[][] g = SyntheticEeg.lead();
        // source 0 sits at 45°, between electrodes 0 (0°) and 1 (45° exactly: the nearest)
        int best = 0;
        for (int c = 1; c < SyntheticEeg.CHANNELS; c++) {
            best = g[c][0] > g[best][0] ? c : best;
        }
        assertEquals(1, best);
        assertEquals(g[0][0], g[2][0], 1e-12); // symmetric about 45°
        assertTrue(g[5][0] < g[0][0]);
    }

    @Test
    void generationIsReproducibleFromItsSeed() {
        SyntheticEeg.Data a = SyntheticEeg.generate(5, new SplittableRandom(3));
        SyntheticEeg.Data b = SyntheticEeg.generate(5, new SplittableRandom(3));
        assertArrayEquals(a.x()[4], b.x()[4]);
        assertArrayEquals(a.band(), b.band());
        assertEquals(SyntheticEeg.CHANNELS * SyntheticEeg.SAMPLES, a.x()[0].length);
    }

    @Test
    void theDominantBandDominatesNearTheActiveSource() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int band = 0; band < SyntheticEeg.BANDS.length; band++) {
            float[] w = SyntheticEeg.window(band, 0, false, rng);
            double[] r = NeuroStatistics.relativeBandPower(SyntheticEeg.channel(w, 1));
            for (int b = 0; b < r.length; b++) {
                assertTrue(b == band || r[b] < r[band], "band " + band + ": " + java.util.Arrays.toString(r));
            }
        }
    }

    @Test
    void statisticsOfIdenticalChannelsCorrelateFully() {
        float[] w = new float[SyntheticEeg.CHANNELS * SyntheticEeg.SAMPLES];
        for (int c = 0; c < SyntheticEeg.CHANNELS; c++) {
            for (int t = 0; t < SyntheticEeg.SAMPLES; t++) {
                w[c * SyntheticEeg.SAMPLES + t] = (float) Math.sin(2 * Math.PI * 6 * t / SyntheticEeg.RATE);
            }
        }
        double[] s = NeuroStatistics.of(w);
        assertEquals(NeuroStatistics.count(), s.length);
        int pairs = SyntheticEeg.CHANNELS * SyntheticEeg.BANDS.length;
        assertEquals(1, s[pairs], 1e-6); // channels 1 and 2
        // 6 Hz is bin 12 exactly: all the power in θ, log of n·A²/2 = 64
        assertEquals(Math.log(64 + 1e-6), s[1], 1e-4);
        assertEquals(0, s[s.length - 1], 1e-6); // spectral entropy of one bin
    }

    @Test
    void probeSeparatesLinearlySeparableClasses() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 60;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[i] = new double[] {y[i] * 5 + rng.nextGaussian() * 0.1, rng.nextGaussian(), y[i] == 1 ? 4 : 0};
        }
        assertEquals(1.0, LinearProbe.accuracy(x, y, x, y, 3), 0);
    }

    @Test
    void nspPretrainingLowersItsLoss() {
        Engines.seed(4);
        SyntheticEeg.Data d = SyntheticEeg.generate(128, new SplittableRandom(6));
        double[][] t = new double[d.size()][];
        for (int i = 0; i < d.size(); i++) {
            t[i] = NeuroStatistics.of(d.x()[i]);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            EegPretraining.Result r = EegPretraining.builder().setEpochs(10).optBatchSize(32).optLearningRate(3e-3f)
                    .build().pretrain(d.x(), LinearProbe.standardise(t), m);
            double[] loss = r.loss();
            assertTrue(loss[loss.length - 1] < loss[0], "loss " + loss[0] + " → " + loss[loss.length - 1]);
        }
    }
}
