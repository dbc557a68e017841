package org.reprolab.papers.neuroformer;

/**
 * Two context-free baselines for the next-ID cross-entropy, in closed form on the same targets as the model
 * (the next ID after each decoder input, EOS included):
 * <ul>
 *   <li>unigram: P(next = v) is the frequency of v among the training targets;</li>
 *   <li>rate: every neuron i fires independently in every bin with its training spike probability p_i. Given
 *   the previous token (neuron a in bin b; SOS before bin 0), the tokens are ordered by (bin, neuron), so the next
 *   one is slot (b', c) after (b, a) with probability p_c Π_{slots in between} (1 − p), and EOS with probability
 *   Π_{all later slots} (1 − p) (numbering ours: Eq. (8)). P(next ID = c) sums over the bins b'.</li>
 * </ul>
 * The rate model knows the token order and the window's end; the Neuroformer beats it only by using the spike
 * history (coupling) and the stimulus-driven co-fluctuations.
 */
public final class TokenBaselines {

    private TokenBaselines() {}

    /** The frequencies of the target IDs over the windows {@code rows} (vocabulary {@code tokens.vocabulary()}). */
    public static double[] unigram(SpikeTokens tokens, SpikeTokens.Batch data, int[] rows) {
        double[] p = new double[tokens.vocabulary()];
        double n = 0;
        int lc = data.length();
        for (int w : rows) {
            for (int k = 0; k < lc; k++) {
                if (data.mask()[w * lc + k] > 0) {
                    p[(int) data.nextIds()[w * lc + k]]++;
                    n++;
                }
            }
        }
        for (int v = 0; v < p.length; v++) {
            p[v] /= n;
        }
        return p;
    }

    /** Mean −ln P(next ID) (nats per token) of a unigram distribution on the targets of {@code rows}. */
    public static double unigramCrossEntropy(double[] unigram, SpikeTokens.Batch data, int[] rows) {
        double sum = 0;
        double n = 0;
        int lc = data.length();
        for (int w : rows) {
            for (int k = 0; k < lc; k++) {
                if (data.mask()[w * lc + k] > 0) {
                    sum -= Math.log(Math.max(unigram[(int) data.nextIds()[w * lc + k]], 1e-12));
                    n++;
                }
            }
        }
        return sum / n;
    }

    /**
     * The probability of each next ID (0..N−1 neurons, N + 2 EOS; vocabulary N + 3) after a token of neuron
     * {@code after} in bin {@code bin} (−1 for SOS), under independent firing with per-bin probabilities {@code p}
     * in a window of {@code bins} bins (Eq. (8)).
     */
    public static double[] rateNext(double[] p, int bins, int bin, int after) {
        int n = p.length;
        double[] out = new double[n + 3];
        double none = 1;
        for (int b = Math.max(bin, 0); b < bins; b++) {
            for (int c = b == bin ? after + 1 : 0; c < n; c++) {
                out[c] += none * p[c]; // Eq. (8)
                none *= 1 - p[c];
            }
        }
        out[n + 2] = none;
        return out;
    }

    /** Mean −ln P(next ID) (nats per token) of the rate model with per-bin probabilities {@code p}. */
    public static double rateCrossEntropy(double[] p, SpikeTokens tokens, SpikeTokens.Batch data, int[] rows) {
        double sum = 0;
        double n = 0;
        int lc = data.length();
        for (int w : rows) {
            for (int k = 0; k < lc; k++) {
                int o = w * lc + k;
                if (data.mask()[o] == 0) {
                    continue;
                }
                boolean start = data.ids()[o] == tokens.sos();
                double[] next = rateNext(p, tokens.currentBins(), start ? -1 : (int) data.dt()[o],
                        start ? -1 : (int) data.ids()[o]);
                sum -= Math.log(Math.max(next[(int) data.nextIds()[o]], 1e-12));
                n++;
            }
        }
        return sum / n;
    }
}
