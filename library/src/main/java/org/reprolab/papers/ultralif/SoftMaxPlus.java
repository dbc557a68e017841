package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.reprolab.engine.NdConstants;

/**
 * The soft max-plus operator of ultradiscretization: the log-sum-exp at temperature ε,
 * \( \mathrm{LSE}_ε(a_1, …, a_k) = ε \log \sum_i e^{a_i/ε} \).
 *
 * <p>It is a smooth maximum: \( 0 ≤ \mathrm{LSE}_ε(a, b) − \max(a, b) ≤ ε \ln 2 \) (equality at a = b), so it
 * tends to the tropical (max-plus) sum {@code max(a, b)} as ε → 0, and its partial derivatives are the
 * softmax weights \( ∂\mathrm{LSE}_ε/∂a = σ((a − b)/ε) ∈ (0, 1) \): bounded and never zero. The computation
 * shifts by m = max before exponentiating, \( m + ε \log \sum_i e^{(a_i − m)/ε} \), so it neither overflows
 * nor loses the small term; m is a constant shift (its gradient is stopped, which leaves the derivative
 * exact). Results belong to the manager of {@code a} (the first term), never to that of {@code eps}, so a
 * learnable ε held by a long-lived manager does not collect per-batch arrays.
 */
public final class SoftMaxPlus {

    private SoftMaxPlus() {}

    /** LSE_ε(a, b), elementwise with broadcasting; {@code eps} broadcasts too (e.g. a learnable scalar). */
    public static NDArray lse(NDArray a, NDArray b, NDArray eps) {
        NDArray m = a.maximum(b).stopGradient();
        NDArray sum = a.sub(m).div(eps).exp().add(b.sub(m).div(eps).exp());
        return m.add(sum.log().mul(eps)); // LSE_ε(a, b) = m + ε log(e^{(a−m)/ε} + e^{(b−m)/ε})
    }

    /** LSE_ε(a, b) at a fixed temperature. */
    public static NDArray lse(NDArray a, NDArray b, double eps) {
        return lse(a, b, NdConstants.scalar(a, eps));                // not div(eps), mul(eps): see NdConstants
    }

    /** LSE_ε over any number of terms of the same shape, elementwise. */
    public static NDArray lse(NDList terms, NDArray eps) {
        NDArray m = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            m = m.maximum(terms.get(i));
        }
        m = m.stopGradient();
        NDArray sum = null;
        for (NDArray t : terms) {
            NDArray e = t.sub(m).div(eps).exp();
            sum = sum == null ? e : sum.add(e);
        }
        return m.add(sum.log().mul(eps));
    }

    /** LSE_ε(a, b) for numbers: {@code max(a, b) + ε·log(1 + e^{−|a − b|/ε})}; {@code eps = 0} gives max. */
    public static double lse(double a, double b, double eps) {
        double m = Math.max(a, b);
        if (eps == 0) {
            return m;
        }
        return m + eps * Math.log1p(Math.exp(-Math.abs(a - b) / eps));
    }

    /** The softmax weight of {@code a}: ∂LSE_ε(a, b)/∂a = σ((a − b)/ε). */
    public static double weight(double a, double b, double eps) {
        return 1 / (1 + Math.exp(-(a - b) / eps));
    }

    /**
     * How {@link #lse(NDArray, NDArray, NDArray)} meets its bound on many pairs.
     *
     * @param pairs pairs tested
     * @param outside pairs whose gap LSE − max lies outside [0, ε ln 2] by more than 4 ulps of rounding
     * @param maxGapOverBound the largest (LSE − max)/(ε ln 2): 1 at an exact tie
     * @param minGap the smallest LSE − max
     */
    public record BoundCheck(int pairs, int outside, double maxGapOverBound, double minGap) { }

    /**
     * Computes LSE_ε(a_i, b_i) − max(a_i, b_i) in float64 for every i and compares it with [0, ε_i ln 2], allowing
     * 4 ulps of the larger operand (the gap is computed as (m + ε·log(...)) − m).
     */
    public static BoundCheck checkBound(NDManager manager, double[] a, double[] b, double[] eps) {
        NDArray x = manager.create(a);
        NDArray y = manager.create(b);
        double[] gap = lse(x, y, manager.create(eps)).sub(x.maximum(y)).toDoubleArray();
        int outside = 0;
        double maxRatio = Double.NEGATIVE_INFINITY;
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < gap.length; i++) {
            double bound = eps[i] * Math.log(2);
            double ulps = 4 * Math.ulp(Math.max(Math.abs(a[i]), Math.abs(b[i])) + bound);
            outside += gap[i] < -ulps || gap[i] > bound + ulps ? 1 : 0;
            maxRatio = Math.max(maxRatio, gap[i] / bound);
            minGap = Math.min(minGap, gap[i]);
        }
        return new BoundCheck(gap.length, outside, maxRatio, minGap);
    }
}
