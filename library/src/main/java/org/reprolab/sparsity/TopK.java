package org.reprolab.sparsity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Top-k selection along the last axis: masks that keep the k largest scores of each row. */
public final class TopK {

    private TopK() {}

    /** How many of {@code n} entries a sparsity keeps: n − round(sparsity · n). */
    public static int keep(int n, double sparsity) {
        if (!(sparsity >= 0 && sparsity <= 1)) {
            throw new IllegalArgumentException("sparsity must lie in [0, 1], got " + sparsity);
        }
        return n - (int) Math.round(sparsity * n);
    }

    /**
     * A float 0/1 mask of the shape of {@code scores}, 1 at the {@code k} largest scores of each row (last axis).
     * The row's k-th largest score is the threshold, so tied scores at the threshold are all kept.
     */
    public static NDArray mask(NDArray scores, int k) {
        long n = scores.getShape().get(scores.getShape().dimension() - 1);
        if (k >= n) {
            return scores.onesLike();
        }
        if (k <= 0) {
            return scores.zerosLike();
        }
        NDArray threshold = scores.sort(-1).get(new NDIndex("..., {}:{}", n - k, n - k + 1));
        return scores.gte(threshold).toType(DataType.FLOAT32, false);
    }

    /** The indices of the {@code k} largest scores, largest first (ties broken by the lower index). */
    public static int[] indices(double[] scores, int k) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .limit(Math.max(0, k)).mapToInt(Integer::intValue).toArray();
    }

    /** A boolean mask, true at the {@code k} largest scores (as {@link #indices(double[], int)}). */
    public static boolean[] mask(double[] scores, int k) {
        boolean[] m = new boolean[scores.length];
        Arrays.stream(indices(scores, k)).forEach(i -> m[i] = true);
        return m;
    }
}
