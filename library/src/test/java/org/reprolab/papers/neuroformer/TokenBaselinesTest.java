package org.reprolab.papers.neuroformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBaselinesTest {

    @Test
    void rateModelIsADistributionAndMatchesHandCases() {
        double[] p = {0.1, 0.3, 0.2};
        double[] first = TokenBaselines.rateNext(p, 2, -1, -1);
        double total = 0;
        for (double v : first) {
            total += v;
        }
        assertEquals(1, total, 1e-12);
        // the first token is neuron 0 in bin 0 or in bin 1 after a silent bin 0
        double silent = 0.9 * 0.7 * 0.8;
        assertEquals(0.1 + silent * 0.1, first[0], 1e-12);
        assertEquals(silent * silent, first[5], 1e-12); // EOS: both bins silent
        // after neuron 2 in the last bin only EOS remains
        assertEquals(1, TokenBaselines.rateNext(p, 2, 1, 2)[5], 1e-12);
    }

    @Test
    void unigramCrossEntropyIsTheEntropyOnItsOwnData() {
        boolean[][] x = new boolean[40][2];
        for (int t = 0; t < 40; t += 3) {
            x[t][t % 2] = true;
        }
        SpikeTokens tokens = new SpikeTokens(2, 4, 4);
        SpikeTokens.Batch b = tokens.batch(x, tokens.starts(40));
        int[] all = new int[b.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] u = TokenBaselines.unigram(tokens, b, all);
        double h = 0;
        for (double v : u) {
            h -= v > 0 ? v * Math.log(v) : 0;
        }
        assertEquals(h, TokenBaselines.unigramCrossEntropy(u, b, all), 1e-12);
    }
}
