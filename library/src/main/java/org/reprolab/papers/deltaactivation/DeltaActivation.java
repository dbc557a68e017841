package org.reprolab.papers.deltaactivation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.reprolab.engine.NdConstants;

/**
 * The delta activation layer (Yousefzadeh and Sifalakis, 2021): on a stream of activations a_1 … a_T it sends the
 * change of the quantised activation instead of the activation,
 *
 * <pre>
 *   Q(a) = s · round(a / s)   (straight-through gradient),     d_1 = Q(a_1),   d_t = Q(a_t) − Q(a_{t−1})
 * </pre>
 *
 * and the next linear layer accumulates z_t = z_{t−1} + W d_t, which equals the dense W Q(a_t) exactly (up to
 * rounding) while its work is proportional to the non-zero deltas. Training adds the temporal sparsity penalty
 * λ · mean |d_t| (t ≥ 2). Shapes: activations (B, T, N).
 */
public final class DeltaActivation {

    private DeltaActivation() {}

    /** Q(a) = s·round(a/s) with the straight-through gradient; the identity when s = 0. */
    public static NDArray quantize(NDArray a, float step) {
        if (step == 0) {
            return a;
        }
        NDArray s = NdConstants.scalar(a, step);
        NDArray q = a.stopGradient().div(s).round().mul(s);
        return a.add(q.sub(a.stopGradient()));
    }

    /** The deltas d_t = a_t − a_{t−1} for t = 2 … T, (B, T − 1, N), of (already quantised) activations (B, T, N). */
    public static NDArray deltas(NDArray a) {
        long t = a.getShape().get(1);
        return a.get(new NDIndex(":, 1:")).sub(a.get(new NDIndex(":, :{}", t - 1)));
    }

    /** The temporal sparsity penalty mean |d_t| over t ≥ 2, units and examples. */
    public static NDArray penalty(NDArray a) {
        return deltas(a).abs().mean();
    }

    /**
     * Delta inference of one linear map: z_1 = W a_1 and z_t = z_{t−1} + W d_t, for weights W (out, in) and
     * activations a (T, in) of one stream, in double precision with the deltas as sent. Returns z (T, out).
     */
    public static double[][] accumulate(double[][] w, double[][] a) {
        int steps = a.length;
        double[][] z = new double[steps][w.length];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < a[t].length; i++) {
                double d = t == 0 ? a[0][i] : a[t][i] - a[t - 1][i];
                if (d == 0) {
                    continue;                                          // nothing sent, nothing to compute
                }
                for (int o = 0; o < w.length; o++) {
                    z[t][o] += d * w[o][i];
                }
            }
            if (t + 1 < steps) {
                z[t + 1] = z[t].clone();
            }
        }
        return z;
    }

    /** The fraction of non-zero entries of {@code d}. */
    public static double density(NDArray d) {
        return d.countNonzero().getLong() / (double) d.size();
    }
}
