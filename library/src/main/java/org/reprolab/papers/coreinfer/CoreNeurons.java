package org.reprolab.papers.coreinfer;

import org.reprolab.sparsity.TopK;

/**
 * CoreInfer's core neurons (Wang et al. 2024), from the FFN activations A (T tokens × d_ff) of a sentence's
 * pre-fill, as the reference code's {@code DownLayer} computes them (numbering ours):
 * <ol>
 *   <li>token-wise core neurons: each token's top k activations, k = ⌊α · (positive entries of A) / T⌋ (Eq. 1);</li>
 *   <li>sentence-wise core neurons: the ⌊β · d_ff⌋ neurons that are token-wise core for the most tokens
 *       (Eq. 2; ties by the larger summed activation, then the lower index).</li>
 * </ol>
 * Decoding then uses only the sentence's core neurons (the matching rows of W_up and columns of W_down).
 */
public final class CoreNeurons {

    private CoreNeurons() {}

    /**
     * The sentence-wise core neurons of activations {@code a} (tokens × d_ff, row-major, of {@code tokens} rows
     * starting at row 0) as a mask of d_ff entries.
     *
     * @param a activations, {@code rows × dff} row-major (only the first {@code tokens} rows are used)
     * @param dff neurons per token
     * @param tokens tokens of the pre-fill
     * @param tokenFraction α, the token-wise share of the mean number of positive activations
     * @param keepFraction β, the share of the d_ff neurons kept for the sentence
     */
    public static boolean[] sentenceCore(float[] a, int dff, int tokens, double tokenFraction, double keepFraction) {
        int positive = 0;
        for (int i = 0; i < tokens * dff; i++) {
            positive += a[i] > 0 ? 1 : 0;
        }
        int k = (int) Math.floor(tokenFraction * positive / tokens); // Eq. (1)
        double[] score = new double[dff];
        double[] row = new double[dff];
        double[] sum = new double[dff];
        for (int t = 0; t < tokens; t++) {
            for (int j = 0; j < dff; j++) {
                row[j] = a[t * dff + j];
                sum[j] += row[j];
            }
            for (int j : TopK.indices(row, k)) {
                score[j] += 1;
            }
        }
        double maxSum = 0;
        for (double s : sum) {
            maxSum = Math.max(maxSum, Math.abs(s));
        }
        for (int j = 0; j < dff; j++) {
            score[j] += maxSum == 0 ? 0 : 0.5 * sum[j] / maxSum / (tokens + 1); // tie-break below one count
        }
        return TopK.mask(score, (int) Math.floor(keepFraction * dff)); // Eq. (2)
    }
}
