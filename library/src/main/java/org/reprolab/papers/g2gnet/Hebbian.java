package org.reprolab.papers.g2gnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * The Hebbian rewiring score: edges between units that are active together are the ones to grow ("cells
 * that fire together wire together"). For a batch of B examples, presynaptic activations A [B, in] and
 * postsynaptic activations P [B, out], z-score every unit over the batch and take the absolute correlation
 * \[ Z_{bi} = \frac{A_{bi} - \bar A_i}{\sigma_i}, \qquad
 *    C_{ji} = \Big|\frac{1}{B}\sum_b Z^{P}_{bj} Z^{A}_{bi}\Big| = |\mathrm{corr}(a_i, p_j)| \]
 * (Eq. 3, numbering ours; population standard deviations). A unit that is constant over the batch (a blank
 * border pixel, a dead ReLU) has z-score 0 and so correlation 0 with everything.
 *
 * <p>[recon] The abstract says only "a Hebbian-inspired rewiring rule based on activation correlations"; the
 * absolute value, the single-batch estimate and the choice of post-activation are ours.
 */
public final class Hebbian {

    /** Standard deviations below this count as a constant unit. */
    public static final float EPS = 1e-6f;

    private Hebbian() {}

    /** Column z-scores of {@code a} [B, n] over the batch axis; constant columns give 0. */
    public static NDArray zScore(NDArray a) {
        NDArray z;
        try (NDScope scope = new NDScope()) {
            NDArray centred = a.sub(a.mean(new int[] {0}, true));
            NDArray sd = centred.square().mean(new int[] {0}, true).sqrt(); // population σ, (1, n)
            NDArray inv = sd.gt(EPS).toType(a.getDataType(), false).div(sd.maximum(EPS));
            z = centred.mul(inv);
            NDScope.unregister(z);
        }
        NDScope.register(z); // the result belongs to the caller's scope, if any
        return z;
    }

    /** corr(a_i, p_j) for every pair: [out, in] = Z_Pᵀ Z_A / B. */
    public static NDArray correlation(NDArray pre, NDArray post) {
        NDArray c;
        try (NDScope scope = new NDScope()) {
            long batch = pre.getShape().get(0);
            c = zScore(post).transpose().matMul(zScore(pre)).div(batch); // Eq. (3) (out, in)
            NDScope.unregister(c);
        }
        NDScope.register(c); // the result belongs to the caller's scope, if any
        return c;
    }

    /** The Hebbian score C = |corr| [out, in] of Eq. (3). */
    public static NDArray scores(NDArray pre, NDArray post) {
        NDArray s;
        try (NDScope scope = new NDScope()) {
            s = correlation(pre, post).abs();
            NDScope.unregister(s);
        }
        NDScope.register(s); // the result belongs to the caller's scope, if any
        return s;
    }
}
