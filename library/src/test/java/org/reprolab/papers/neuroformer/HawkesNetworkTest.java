package org.reprolab.papers.neuroformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HawkesNetworkTest {

    @Test
    void withoutCouplingTheRateIsTheClosedForm() {
        HawkesNetwork net = HawkesNetwork.builder().setNeurons(4).optDensity(0).optRefractory(0).setSeed(3).build();
        int bins = 200_000;
        HawkesNetwork.Simulation sim = net.simulate(bins, 9);
        double[] measured = sim.spikesPerBin();
        for (int i = 0; i < 4; i++) {
            double expected = 0;
            for (int t = 0; t < bins; t++) {
                expected += net.probability(net.gains()[i] * net.stimulus(t)) / bins; // mean of Eq. (2)
            }
            double se = Math.sqrt(expected * (1 - expected) / bins);
            assertEquals(expected, measured[i], 4 * se, "neuron " + i);
        }
        // with no stimulus either: p = 1 − exp(−r₀Δ)
        HawkesNetwork flat = HawkesNetwork.builder().setNeurons(3).optDensity(0).optRefractory(0).optStimulusGain(0)
                .build();
        double p = 1 - Math.exp(-5 * 0.01);
        assertEquals(p, flat.simulate(bins, 4).spikesPerBin()[0], 4 * Math.sqrt(p * (1 - p) / bins));
    }

    @Test
    void couplingRaisesTheTargetsRateAfterTheSourceSpikes() {
        HawkesNetwork net = HawkesNetwork.builder().setNeurons(10).optExcitatoryFraction(1).setSeed(5).build();
        HawkesNetwork.Simulation sim = net.simulate(100_000, 6);
        double[][] w = net.coupling();
        int[][] lag = net.lags();
        int checked = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                if (w[i][j] <= 0) {
                    continue;
                }
                double[] fired = new double[2];
                double[] count = new double[2];
                for (int t = lag[i][j]; t < sim.bins(); t++) {
                    int c = sim.spikes()[t - lag[i][j]][j] ? 1 : 0;
                    count[c]++;
                    fired[c] += sim.spikes()[t][i] ? 1 : 0;
                }
                assertTrue(fired[1] / count[1] > 1.5 * fired[0] / count[0], i + " ← " + j);
                checked++;
            }
        }
        assertEquals(HawkesNetwork.edges(10, 0.15), checked);
    }

    @Test
    void densityIsTheConfiguredOneAndSeedsAreDeterministic() {
        HawkesNetwork a = HawkesNetwork.builder().setNeurons(20).setSeed(7).build();
        HawkesNetwork b = HawkesNetwork.builder().setNeurons(20).setSeed(7).build();
        assertEquals(57 / 380.0, a.couplingDensity(), 1e-15);
        HawkesNetwork.Simulation x = a.simulate(500, 1);
        HawkesNetwork.Simulation y = b.simulate(500, 1);
        for (int t = 0; t < 500; t++) {
            assertArrayEquals(x.spikes()[t], y.spikes()[t]);
        }
        assertArrayEquals(x.speed(), y.speed(), 0);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                assertTrue(a.lags()[i][j] >= (a.coupling()[i][j] == 0 ? 0 : 1) && a.lags()[i][j] <= 3);
            }
        }
    }
}
