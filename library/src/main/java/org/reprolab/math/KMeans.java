package org.reprolab.math;

import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * k-means clustering (Lloyd's iterations from k-means++ seeding) of points in ℝ^d, deterministic for a given
 * random generator.
 *
 * @param centroids the k cluster means
 * @param assignment the cluster of each point
 * @param inertia Σ ‖x − centroid(x)‖²
 */
public record KMeans(double[][] centroids, int[] assignment, double inertia) {

    /** Clusters {@code points} into {@code k} groups with at most {@code iterations} Lloyd steps. */
    public static KMeans fit(double[][] points, int k, int iterations, SplittableRandom random) {
        int n = points.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        double[][] c = new double[k][];
        c[0] = points[random.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Double.POSITIVE_INFINITY;
                for (int m = 0; m < j; m++) {
                    d2[i] = Math.min(d2[i], squaredDistance(points[i], c[m]));
                }
                total += d2[i];
            }
            double u = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                u -= d2[i];
                if (u < 0) {
                    pick = i;
                    break;
                }
            }
            c[j] = points[pick].clone();
        }
        int[] assign = new int[n];
        for (int it = 0; it < iterations; it++) {
            Interrupts.check();
            boolean changed = assignAll(points, c, assign) || it == 0;
            int d = points[0].length;
            double[][] sum = new double[k][d];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[assign[i]]++;
                for (int t = 0; t < d; t++) {
                    sum[assign[i]][t] += points[i][t];
                }
            }
            for (int j = 0; j < k; j++) {
                if (count[j] > 0) {
                    for (int t = 0; t < d; t++) {
                        c[j][t] = sum[j][t] / count[j];
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        assignAll(points, c, assign);
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += squaredDistance(points[i], c[assign[i]]);
        }
        return new KMeans(c, assign, inertia);
    }

    /**
     * The best of {@code restarts} fits (each from its own k-means++ seeding, drawn in turn from {@code random}) by
     * inertia; the first of equals.
     */
    public static KMeans bestOf(double[][] points, int k, int iterations, int restarts, SplittableRandom random) {
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        KMeans best = null;
        for (int r = 0; r < restarts; r++) {
            KMeans fit = fit(points, k, iterations, random);
            if (best == null || fit.inertia < best.inertia) {
                best = fit;
            }
        }
        return best;
    }

    /** The index of the centroid nearest to {@code x}. */
    public int nearest(double[] x) {
        return nearest(centroids, x);
    }

    /** The indices of the {@code m} points of cluster {@code j} closest to its centroid, closest first. */
    public int[] closestMembers(double[][] points, int j, int m) {
        return java.util.stream.IntStream.range(0, points.length).filter(i -> assignment[i] == j).boxed()
                .sorted((p, q) -> Double.compare(squaredDistance(points[p], centroids[j]),
                        squaredDistance(points[q], centroids[j])))
                .limit(m).mapToInt(Integer::intValue).toArray();
    }

    /** ‖a − b‖². */
    public static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static int nearest(double[][] c, double[] x) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            double d = squaredDistance(x, c[j]);
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }

    private static boolean assignAll(double[][] points, double[][] c, int[] assign) {
        boolean changed = false;
        for (int i = 0; i < points.length; i++) {
            int j = nearest(c, points[i]);
            changed |= j != assign[i];
            assign[i] = j;
        }
        return changed;
    }
}
