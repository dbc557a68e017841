package org.reprolab.papers.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NmdaThresholdTest {

    private static final int[] N = {10_000, 30_000, 50_000, 70_000, 90_000, 110_000, 130_000, 150_000, 170_000,
        190_000};
    private static final int[] PERMILLE = {5, 10, 15, 20, 25, 30};
    private static final int[] S = {20, 25, 30, 35, 40, 45, 50};

    @Test
    void medianFalseMatchOverTheFigureGridMatchesNumentasPrintedMedians() {
        // The medians Numenta's plot_optimal_threshold.py prints, from compute_optimal_threshold.py's grid
        // (n = 10,000 to 190,000 in steps of 20,000; 0.5 to 3% active; s = 20 to 50).
        NmdaThreshold.Sweep sw = NmdaThreshold.sweep(N, PERMILLE, S, 0.5);
        assertEquals(420, sw.gridSize());
        double[][] printed = {{3, 0.018156949}, {4, 0.002227752}, {6, 1.58e-05}, {9, 2.04e-09}, {10, 7.40e-11},
            {15, 1.03e-18}, {20, 4.11e-28}, {24, 2.60e-36}};
        for (double[] p : printed) {
            double ours = sw.medianFalseMatchAll()[(int) p[0] - 1];
            assertEquals(p[1], ours, p[1] * 3e-3, "θ=" + (int) p[0]);
        }
        assertEquals(10, sw.firstThetaWithMedianFalseMatchAtMost(1e-9));
    }

    @Test
    void segmentsAreThoseThatFitInThePatternWithTheirBalancedThreshold() {
        NmdaThreshold.Sweep sw = NmdaThreshold.sweep(new int[] {2000}, new int[] {20}, new int[] {20, 30, 50}, 0.5);
        assertEquals(2, sw.segments().size(), "a = 40 cells hold segments of 20 and 30 synapses, not 50");
        for (NmdaThreshold.Segment seg : sw.segments()) {
            assertEquals(SdrMath.balancedThreshold(seg.n(), seg.a(), seg.s(), seg.a() / 2), seg.balanced());
            assertEquals(SdrMath.falseMatch(seg.n(), seg.a(), seg.s(), seg.balanced()).doubleValue(), seg.falseMatch(),
                    seg.falseMatch() * 1e-14);
        }
        assertEquals(50, sw.theta().length);
        assertTrue(sw.medianMiss()[49] == 1, "beyond every segment's s the stored pattern is always missed");
    }
}
