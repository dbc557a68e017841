package org.reprolab.papers.btf;

/**
 * The BTF constraint of one node on one training example (one block of the divide constraint A), and its exact
 * projections. Derivations ours: the paper's own formulas were not available to us. The set is
 *
 * <p>\[ C = \{ (w, x, y) : y \in \{-1, +1\},\; x_f \in \{-1, +1\}^k,\; y\,(w \cdot x) \ge c \} \]
 *
 * <p>where the fixed entries \(x_c\) of x (data inputs, the constant bias input) do not move, the k free
 * entries \(x_f\) are this replica's copies of upstream node values, and \(c = \mu\rho\) is the margin bound.
 *
 * <p><b>Boolean projection</b> ({@link #projectBoolean}). For fixed signs \((x'_f, y')\) the nearest w' is the
 * projection onto a half-space, \(w' = w + \lambda y' x'\) with \(\lambda = \max(0, c - y' w \cdot x')/|x'|^2\),
 * and \(|x'|^2 = n\) for every sign pattern; so the \(2^{k+1}\) patterns are scored in O(1) each (Gray code)
 * and the best is kept. Exact.
 *
 * <p><b>Relaxed projection</b> ({@link #project}): the same set with \(x_f\) continuous, for wide layers. For
 * each y ∈ {±1}, substitute \(\tilde w = y w\) and project (x, w̃) onto the hyperbolic set
 * \(\tilde w \cdot x \ge c\); keep the y with the smaller total distance (including \((y - y_0)^2\)). The KKT
 * conditions of \(\min \|x' - x\|^2 + \|\tilde w' - \tilde w\|^2\) subject to \(\tilde w' \cdot x' = c\) give,
 * with multiplier λ ∈ [0, 1),
 *
 * <p>\[ x'_f = \frac{x_f + \lambda \tilde w_f}{1 - \lambda^2},\quad
 *       \tilde w'_f = \frac{\tilde w_f + \lambda x_f}{1 - \lambda^2},\quad
 *       \tilde w'_c = \tilde w_c + \lambda x_c \]
 *
 * <p>on free (f) and fixed (c) coordinates. In the rotated coordinates \(p = (x_f + \tilde w_f)/\sqrt2\),
 * \(m = (x_f - \tilde w_f)/\sqrt2\), the constraint becomes the scalar equation
 *
 * <p>\[ h(\lambda) = F + \lambda N
 *     + \tfrac12\Big(\frac{|p|^2}{(1-\lambda)^2} - \frac{|m|^2}{(1+\lambda)^2}\Big) - c = 0,
 * \qquad F = \tilde w_c \cdot x_c,\; N = |x_c|^2, \]
 *
 * <p>whose left side increases strictly on [0, 1) and diverges at 1: its root is unique, and the nearest point
 * is the unique KKT point with λ ∈ [0, 1) (a minimiser exists, constraint qualification holds, and λ ≥ 1 would
 * turn p' against p). The root is found to machine precision by safeguarded Newton steps. In the measure-zero
 * case p = 0 the root may sit at λ = 1, where p' takes any direction; we take the first free axis.
 */
public final class BtfConstraint {

    private static final double TINY = 1e-20;

    private BtfConstraint() {}

    /**
     * Projects (w, x, y) onto \(\{y' \in \{\pm1\},\ y'(w' \cdot x') \ge c\}\), changing only the entries of x
     * with {@code free[i]}. Writes w' and x' (fixed entries copied) and returns y'. Arrays may not alias.
     *
     * @param w weights, length n
     * @param x inputs, length n (fixed entries are data or the bias, free ones upstream copies)
     * @param free which entries of x may move
     * @param y the node's output copy
     * @param c the margin bound μ·r (≥ 0)
     * @return y' = ±1
     */
    public static double project(double[] w, double[] x, boolean[] free, double y, double c, double[] wOut,
            double[] xOut) {
        int n = w.length;
        double fixedDot = 0;     // w_c · x_c
        double fixedNorm = 0;    // N = |x_c|²
        double freeDot = 0;      // w_f · x_f
        double freeSq = 0;       // |x_f|² + |w_f|²
        boolean anyFree = false;
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                anyFree = true;
                freeDot += w[i] * x[i];
                freeSq += w[i] * w[i] + x[i] * x[i];
            } else {
                fixedDot += w[i] * x[i];
                fixedNorm += x[i] * x[i];
            }
        }
        double own = y >= 0 ? 1 : -1;
        if (own * (fixedDot + freeDot) >= c) {
            // Feasible with its own sign: the cost (own − y)² ≤ 1 cannot be beaten by the other sign.
            System.arraycopy(w, 0, wOut, 0, n);
            System.arraycopy(x, 0, xOut, 0, n);
            return own;
        }
        double bestCost = Double.POSITIVE_INFINITY;
        double bestSign = 1;
        double bestLambda = 0;
        for (int k = 0; k < 2; k++) {
            double s = k == 0 ? (y >= 0 ? 1 : -1) : (y >= 0 ? -1 : 1);   // try y's own sign first (wins ties)
            double lambda = lambda(s * fixedDot, fixedNorm, s * freeDot, freeSq, c, anyFree);
            double cost = distanceSquared(lambda, s * fixedDot, fixedNorm, s * freeDot, freeSq, c, anyFree)
                    + (s - y) * (s - y);
            if (cost < bestCost) {
                bestCost = cost;
                bestSign = s;
                bestLambda = lambda;
            }
        }
        write(w, x, free, bestSign, bestLambda, fixedDot * bestSign, fixedNorm, freeDot * bestSign, freeSq, c,
                wOut, xOut);
        return bestSign;
    }

    /**
     * Projects (w, x, y) onto the Boolean BTF set \(\{x'_f \in \{\pm1\}^k,\ y' \in \{\pm1\},\ y'(w' \cdot x')
     * \ge c\}\): the free inputs must be ±1 too. For each of the \(2^{k+1}\) sign patterns (Gray-code order, O(1)
     * each) the nearest w' is the projection onto a half-space, \(w' = w + \lambda y' x'\) with
     * \(\lambda = \max(0, c - y' w \cdot x')/|x'|^2\), and \(|x'|^2 = n\) is the same for every pattern. If
     * {@code fixedSign} is ±1 only that y' is tried. Exact; cost \(2^{k+1}\).
     */
    public static double projectBoolean(double[] w, double[] x, boolean[] free, double y, double fixedSign,
            double c, double[] wOut, double[] xOut) {
        int n = w.length;
        int k = 0;
        double fixedDot = 0;
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                k++;
            } else {
                fixedDot += w[i] * x[i];
            }
            norm2 += free[i] ? 1 : x[i] * x[i];
        }
        int[] idx = new int[k];
        k = 0;
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                idx[k++] = i;
            }
        }
        // Start from x'_f = all −1; track w·x' and Σ (x'_i − x_i)² under single flips.
        double dot = fixedDot;
        double moved = 0;
        long state = 0;
        for (int q = 0; q < k; q++) {
            int i = idx[q];
            dot -= w[i];
            moved += (-1 - x[i]) * (-1 - x[i]);
        }
        double bestCost = Double.POSITIVE_INFINITY;
        long bestState = 0;
        double bestSign = 1;
        long patterns = 1L << k;
        for (long g = 0; g < patterns; g++) {
            if (g > 0) {
                int q = Long.numberOfTrailingZeros(g);              // Gray code: flip bit q
                int i = idx[q];
                double from = ((state >> q) & 1) == 1 ? 1 : -1;
                double to = -from;
                dot += (to - from) * w[i];
                moved += (to - x[i]) * (to - x[i]) - (from - x[i]) * (from - x[i]);
                state ^= 1L << q;
            }
            for (int sgn = -1; sgn <= 1; sgn += 2) {
                if (fixedSign != 0 && sgn != fixedSign) {
                    continue;
                }
                double gap = Math.max(0, c - sgn * dot);
                double cost = moved + gap * gap / norm2 + (sgn - y) * (sgn - y);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestState = state;
                    bestSign = sgn;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            xOut[i] = x[i];
        }
        for (int q = 0; q < k; q++) {
            xOut[idx[q]] = ((bestState >> q) & 1) == 1 ? 1 : -1;
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += w[i] * xOut[i];
        }
        double lambda = Math.max(0, c - bestSign * d) / norm2;
        for (int i = 0; i < n; i++) {
            wOut[i] = w[i] + lambda * bestSign * xOut[i];        // Eq. (3): half-space projection of w
        }
        return bestSign;
    }

    /**
     * Projects (w, x) onto \(\{s\,(w' \cdot x') \ge c\}\) for a given sign s = ±1 (an output clamped to its
     * target): the same projection with y fixed. Writes w' and x'; returns the squared distance moved.
     */
    public static double projectWithSign(double[] w, double[] x, boolean[] free, double s, double c, double[] wOut,
            double[] xOut) {
        int n = w.length;
        double fixedDot = 0;
        double fixedNorm = 0;
        double freeDot = 0;
        double freeSq = 0;
        boolean anyFree = false;
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                anyFree = true;
                freeDot += w[i] * x[i];
                freeSq += w[i] * w[i] + x[i] * x[i];
            } else {
                fixedDot += w[i] * x[i];
                fixedNorm += x[i] * x[i];
            }
        }
        double lambda = lambda(s * fixedDot, fixedNorm, s * freeDot, freeSq, c, anyFree);
        write(w, x, free, s, lambda, s * fixedDot, fixedNorm, s * freeDot, freeSq, c, wOut, xOut);
        return distanceSquared(lambda, s * fixedDot, fixedNorm, s * freeDot, freeSq, c, anyFree);
    }

    /**
     * The multiplier λ of the projection of (x, w̃) onto \(\tilde w \cdot x \ge c\), from the four sums
     * F = w̃_c·x_c, N = |x_c|², D = w̃_f·x_f, S = |x_f|² + |w̃_f|². Returns 0 when the point is feasible,
     * and {@link Double#NaN} in the degenerate case p = 0 with no root below 1. Without free entries the set is
     * a half-space and λ = (c − F)/N, with no bound at 1.
     */
    static double lambda(double fixedDot, double fixedNorm, double freeDot, double freeSq, double c,
            boolean anyFree) {
        if (fixedDot + freeDot >= c) {
            return 0;
        }
        if (!anyFree) {
            return (c - fixedDot) / fixedNorm;              // half-space: w' = w + λ x_c
        }
        double p2 = Math.max(0, freeSq / 2 + freeDot);      // |p|²
        double m2 = Math.max(0, freeSq / 2 - freeDot);      // |m|²
        if (p2 <= TINY * Math.max(1, freeSq)) {
            // h(1) is finite: a root in [0, 1] exists only if h(1) ≥ 0.
            double h1 = fixedDot + fixedNorm - m2 / 8 - c;
            if (h1 < 0) {
                return Double.NaN;
            }
        }
        double lo = 0;
        double hi = 1;
        double l = 0;
        for (int it = 0; it < 200; it++) {
            double a = 1 - l;
            double b = 1 + l;
            double h = fixedDot + l * fixedNorm + 0.5 * (p2 / (a * a) - m2 / (b * b)) - c;   // Eq. (3): h(λ)
            if (h > 0) {
                hi = l;
            } else {
                lo = l;
            }
            double dh = fixedNorm + p2 / (a * a * a) + m2 / (b * b * b);                   // h'(λ) > 0
            double next = l - h / dh;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - l) <= 1e-16 || hi - lo <= 1e-16) {
                l = next;
                break;
            }
            l = next;
        }
        return l;
    }

    /** ‖(x', w̃') − (x, w̃)‖² for the multiplier λ (NaN: the degenerate λ = 1 solution). */
    static double distanceSquared(double lambda, double fixedDot, double fixedNorm, double freeDot, double freeSq,
            double c, boolean anyFree) {
        if (Double.isNaN(lambda)) {
            double m2 = Math.max(0, freeSq / 2 - freeDot);
            double a2 = 2 * (c - fixedDot - fixedNorm) + m2 / 4;
            return fixedNorm + a2 + m2 / 4;
        }
        if (lambda == 0) {
            return 0;
        }
        if (!anyFree) {
            return lambda * lambda * fixedNorm;
        }
        double q = 1 - lambda * lambda;
        // x' − x = λ w̃', w̃' − w̃ = λ x' (free); w̃'_c − w̃_c = λ x_c (fixed).
        double freeOutSq = ((1 + lambda * lambda) * freeSq + 4 * lambda * freeDot) / (q * q);
        return lambda * lambda * (fixedNorm + freeOutSq);
    }

    private static void write(double[] w, double[] x, boolean[] free, double s, double lambda, double fixedDot,
            double fixedNorm, double freeDot, double freeSq, double c, double[] wOut, double[] xOut) {
        int n = w.length;
        if (Double.isNaN(lambda)) {
            // p = 0: λ = 1, m' = m/2, p' = a·e_first along the first free axis, |p'|² = a².
            double m2 = Math.max(0, freeSq / 2 - freeDot);
            double a = Math.sqrt(Math.max(0, 2 * (c - fixedDot - fixedNorm) + m2 / 4));
            boolean first = true;
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    double wt = s * w[i];
                    double m = (x[i] - wt) / Math.sqrt(2) / 2;
                    double p = first ? a : 0;
                    first = false;
                    xOut[i] = (p + m) / Math.sqrt(2);
                    wOut[i] = s * (p - m) / Math.sqrt(2);
                } else {
                    xOut[i] = x[i];
                    wOut[i] = w[i] + s * x[i];
                }
            }
            return;
        }
        double q = 1 - lambda * lambda;                      // only used on free entries, where λ < 1
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                xOut[i] = (x[i] + lambda * s * w[i]) / q;    // x' = (x + λ w̃)/(1 − λ²)
                wOut[i] = (w[i] + lambda * s * x[i]) / q;    // w' = y'·w̃' = (w + λ y' x)/(1 − λ²)
            } else {
                xOut[i] = x[i];
                wOut[i] = w[i] + lambda * s * x[i];          // w'_c = w_c + λ y' x_c
            }
        }
    }
}
