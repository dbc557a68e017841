package org.reprolab.math;

/**
 * The receiver operating characteristic of a score against binary labels, summarised by the area under its curve
 * (AUROC): the probability that a randomly drawn positive scores above a randomly drawn negative, ties counting
 * one half. Computed through the Mann–Whitney rank sum, AUROC = (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋) with R₊ the sum of
 * the positives' mid-ranks ({@link Stats#ranks}).
 */
public final class Roc {

    private Roc() {}

    /** AUROC of {@code scores} for the {@code positives}: 1 for a perfect ranking, 0.5 for chance, 0 reversed. */
    public static double auroc(double[] scores, boolean[] positives) {
        if (scores.length != positives.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positives.length + " labels");
        }
        double[] r = Stats.ranks(scores);
        long nPos = 0;
        double rankSum = 0;
        for (int i = 0; i < r.length; i++) {
            if (positives[i]) {
                nPos++;
                rankSum += r[i];
            }
        }
        long nNeg = r.length - nPos;
        if (nPos == 0 || nNeg == 0) {
            throw new IllegalArgumentException("AUROC needs positives and negatives: " + nPos + " and " + nNeg);
        }
        return (rankSum - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }
}
