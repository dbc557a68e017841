package org.reprolab.math;

import java.util.Arrays;

/**
 * Small clustering tools: the best one-to-one matching of components and a 1-D two-class split (k-means is
 * {@link KMeans}; set overlap is {@code org.reprolab.sparsity.NeuronSets.jaccard}).
 */
public final class Clustering {

    private Clustering() {}

    /**
     * The assignment of each row to a distinct column that maximises the summed score (rows ≤ columns), by
     * exhaustive search: for the few components of a factorisation, not for large problems.
     */
    public static int[] bestAssignment(double[][] score) {
        int[] best = new int[score.length];
        assign(score, 0, new int[score.length], new boolean[score[0].length], 0, new double[] {
            Double.NEGATIVE_INFINITY}, best);
        return best;
    }

    private static void assign(double[][] score, int row, int[] current, boolean[] used, double sum, double[] bestSum,
            int[] best) {
        if (row == score.length) {
            if (sum > bestSum[0]) {
                bestSum[0] = sum;
                System.arraycopy(current, 0, best, 0, current.length);
            }
            return;
        }
        for (int c = 0; c < used.length; c++) {
            if (!used[c]) {
                used[c] = true;
                current[row] = c;
                assign(score, row + 1, current, used, sum + score[row][c], bestSum, best);
                used[c] = false;
            }
        }
    }

    /**
     * The threshold that splits {@code v} into two classes with the largest between-class variance (Otsu's rule
     * on the sorted values): the returned value is the smallest member of the upper class.
     */
    public static double twoClassThreshold(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        double total = 0;
        for (double x : s) {
            total += x;
        }
        double best = -1;
        double threshold = s[n - 1];
        double low = 0;
        for (int i = 1; i < n; i++) {
            low += s[i - 1];
            double m0 = low / i;
            double m1 = (total - low) / (n - i);
            double between = (double) i * (n - i) * (m1 - m0) * (m1 - m0);
            if (between > best && s[i] > s[i - 1]) {
                best = between;
                threshold = s[i];
            }
        }
        return threshold;
    }
}
