package org.reprolab.papers.neuroformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpikeTokensTest {

    private static boolean[][] raster() {
        boolean[][] x = new boolean[12][3];
        x[1][2] = true;
        x[3][0] = true;
        x[4][1] = true;
        x[4][2] = true;
        x[5][0] = true;
        x[7][1] = true;
        return x;
    }

    @Test
    void tokensAreOrderedByBinThenNeuronAndRoundTrip() {
        int[][] t = SpikeTokens.tokens(raster(), 4, 4);
        assertArrayEquals(new int[] {1, 2, 0, 1}, t[0]);
        assertArrayEquals(new int[] {0, 0, 1, 3}, t[1]);
        boolean[][] back = SpikeTokens.raster(t[0], t[1], 4, 3);
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(raster()[4 + b], back[b]);
        }
    }

    @Test
    void batchHasSosInputsEosTargetsAndPadding() {
        SpikeTokens tokens = new SpikeTokens(3, 4, 4);
        SpikeTokens.Batch b = tokens.batch(raster(), tokens.starts(12));
        assertEquals(2, b.size()); // windows at 4 and 8
        assertEquals(5, b.length()); // 4 spikes + SOS
        assertArrayEquals(new long[] {4, 1, 2, 0, 1}, java.util.Arrays.copyOfRange(b.ids(), 0, 5));
        assertArrayEquals(new long[] {1, 2, 0, 1, 5}, java.util.Arrays.copyOfRange(b.nextIds(), 0, 5));
        assertArrayEquals(new long[] {4, 0, 0, 1, 3}, java.util.Arrays.copyOfRange(b.dt(), 0, 5));
        assertArrayEquals(new long[] {0, 0, 1, 3, 4}, java.util.Arrays.copyOfRange(b.nextDt(), 0, 5));
        // window 2 (bins 8..11) is empty: SOS then EOS, the rest padding
        assertArrayEquals(new long[] {5, 3, 3, 3, 3}, java.util.Arrays.copyOfRange(b.nextIds(), 5, 10));
        assertArrayEquals(new float[] {1, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(b.mask(), 5, 10));
        // its past window (bins 4..7) holds 4 spikes: (1,0) (2,0) (0,1) (1,3)
        assertArrayEquals(new long[] {1, 2, 0, 1}, java.util.Arrays.copyOfRange(b.pastIds(), 4, 8));
        assertEquals(0, b.current(1)[0].length);
        assertArrayEquals(new int[] {1, 2, 0, 1}, b.current(0)[0]);
    }
}
