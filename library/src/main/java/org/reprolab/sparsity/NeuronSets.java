package org.reprolab.sparsity;

import java.util.Set;
import java.util.SplittableRandom;

/** Sets of neurons as boolean masks (or index sets): their overlap, size and random draws. */
public final class NeuronSets {

    private NeuronSets() {}

    /** |a ∩ b| / |a ∪ b| of two sets of indices; 1 for two empty sets. */
    public static double jaccard(Set<Integer> a, Set<Integer> b) {
        long both = a.stream().filter(b::contains).count();
        long union = a.size() + b.size() - both;
        return union == 0 ? 1 : (double) both / union;
    }

    /** Jaccard overlap |a ∩ b| / |a ∪ b| of two masks of equal length (1 for two empty sets). */
    public static double jaccard(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("masks of lengths " + a.length + " and " + b.length);
        }
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] && b[i] ? 1 : 0;
            either += a[i] || b[i] ? 1 : 0;
        }
        return either == 0 ? 1 : (double) both / either;
    }

    /** The expected Jaccard overlap of two independent uniformly random k-subsets of n elements. */
    public static double randomJaccard(int n, int k) {
        // E|A ∩ B| = k²/n; the overlap is concentrated, so |A ∩ B| / (2k − |A ∩ B|) at the mean is a close value.
        double overlap = (double) k * k / n;
        return overlap / (2.0 * k - overlap);
    }

    /** The number of true entries. */
    public static int size(boolean[] mask) {
        int k = 0;
        for (boolean b : mask) {
            k += b ? 1 : 0;
        }
        return k;
    }

    /** A uniformly random k-subset of n elements (partial Fisher–Yates). */
    public static boolean[] random(int n, int k, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        boolean[] mask = new boolean[n];
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            mask[idx[i]] = true;
        }
        return mask;
    }
}
