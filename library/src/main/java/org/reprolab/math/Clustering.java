package org.reprolab.math;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/** Small clustering tools: k-means (k-means++ seeding, restarts), a 1-D two-class split, and set overlap. */
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

    /** |a ∩ b| / |a ∪ b|; 1 for two empty sets. */
    public static double jaccard(Set<Integer> a, Set<Integer> b) {
        long both = a.stream().filter(b::contains).count();
        long union = a.size() + b.size() - both;
        return union == 0 ? 1 : (double) both / union;
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

    /**
     * k-means of the rows of {@code x} (Lloyd's iterations from k-means++ seeds), the best of {@code restarts}
     * by within-cluster sum of squares; returns each row's cluster.
     */
    public static int[] kMeans(double[][] x, int k, int restarts, SplittableRandom random) {
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            double[][] centres = seeds(x, k, random);
            int[] label = new int[x.length];
            double inertia = Double.POSITIVE_INFINITY;
            for (int it = 0; it < 100; it++) {
                double next = 0;
                boolean changed = it == 0;
                for (int i = 0; i < x.length; i++) {
                    int c = nearest(x[i], centres);
                    changed |= c != label[i];
                    label[i] = c;
                    next += distance2(x[i], centres[c]);
                }
                inertia = next;
                if (!changed) {
                    break;
                }
                centres = means(x, label, k, centres);
            }
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = label;
            }
        }
        return best;
    }

    private static double[][] seeds(double[][] x, int k, SplittableRandom random) {
        double[][] c = new double[k][];
        c[0] = x[random.nextInt(x.length)].clone();
        double[] d = new double[x.length];
        for (int j = 1; j < k; j++) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                d[i] = distance2(x[i], c[nearest(x[i], Arrays.copyOf(c, j))]);
                sum += d[i];
            }
            double u = random.nextDouble() * sum;
            int pick = x.length - 1;
            for (int i = 0; i < x.length; i++) {
                u -= d[i];
                if (u <= 0) {
                    pick = i;
                    break;
                }
            }
            c[j] = x[pick].clone();
        }
        return c;
    }

    private static double[][] means(double[][] x, int[] label, int k, double[][] previous) {
        double[][] m = new double[k][x[0].length];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            count[label[i]]++;
            for (int j = 0; j < x[i].length; j++) {
                m[label[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) {
                m[c] = previous[c].clone();
            } else {
                for (int j = 0; j < m[c].length; j++) {
                    m[c][j] /= count[c];
                }
            }
        }
        return m;
    }

    private static int nearest(double[] p, double[][] centres) {
        int best = 0;
        for (int c = 1; c < centres.length; c++) {
            if (distance2(p, centres[c]) < distance2(p, centres[best])) {
                best = c;
            }
        }
        return best;
    }

    private static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }
}
