package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.reprolab.math.LinearAlgebra;

/**
 * B-splines of order k on a knot vector, the basis of a KAN edge (Liu et al. 2024, Sec. 2.2): an edge's
 * spline is \( \mathrm{spline}(x) = \sum_{c} c_c B_c(x) \) with G + k basis functions on a grid of G
 * intervals extended by k knots on each side.
 *
 * <p>The basis follows the Cox-de Boor recursion (numbering ours):
 * <pre>
 *   B_{i,0}(x) = 1 if t_i ≤ x &lt; t_{i+1}, else 0                                           Eq. (B1)
 *   B_{i,p}(x) = (x − t_i)/(t_{i+p} − t_i)·B_{i,p−1}(x)
 *              + (t_{i+p+1} − x)/(t_{i+p+1} − t_{i+1})·B_{i+1,p−1}(x)                          Eq. (B2)
 * </pre>
 * with 0/0 read as 0 (repeated knots). Three evaluations sit side by side: {@link #basis(NDArray, NDArray, int)}
 * in NDArray ops, so autograd flows through x; {@link #basisRow} in plain double precision (de Boor's
 * triangular table), used by the least-squares fits; and {@link #coxDeBoor}, the recursion exactly as written,
 * the oracle the tests check the other two against.
 *
 * <p>Knot vectors hold G + 2k + 1 knots t_0 … t_{G+2k}; the interior (the grid proper) is t_k … t_{G+k}, where
 * the G + k functions sum to one.
 */
public final class BSpline {

    /**
     * Ridge of the coefficient fits, relative to the mean diagonal of AᵀA: it only matters when a basis
     * function has no sample in its support, and then sets its coefficient to zero instead of failing.
     */
    public static final double RELATIVE_RIDGE = 1e-12;

    private BSpline() {}

    /**
     * The B-spline basis of {@code x (B, in)} on per-input knot vectors {@code knots (in, G+2k+1)}: an array
     * {@code (B, in, G+k)}. Built from NDArray ops only, so gradients flow back to x (not to the knots).
     */
    public static NDArray basis(NDArray x, NDArray knots, int k) {
        long m = knots.getShape().get(1);                                  // G + 2k + 1 knots
        NDArray t = knots.stopGradient();
        NDArray xe = x.expandDims(2);                                      // (B, in, 1)
        NDArray lo = t.get(new NDIndex(":, :{}", m - 1));                  // t_i      (in, m−1)
        NDArray hi = t.get(new NDIndex(":, 1:"));                          // t_{i+1}  (in, m−1)
        NDArray b = xe.gte(lo).logicalAnd(xe.lt(hi)).toType(x.getDataType(), false);   // Eq. (B1) (B, in, m−1)
        for (int p = 1; p <= k; p++) {
            long n = m - 1 - p;                                            // functions of order p
            NDArray ti = t.get(new NDIndex(":, :{}", n));                  // t_i
            NDArray tip = t.get(new NDIndex(":, {}:{}", p, p + n));        // t_{i+p}
            NDArray ti1 = t.get(new NDIndex(":, 1:{}", 1 + n));            // t_{i+1}
            NDArray tip1 = t.get(new NDIndex(":, {}:{}", p + 1, p + 1 + n)); // t_{i+p+1}
            NDArray left = xe.sub(ti).mul(safeInverse(tip.sub(ti)))
                    .mul(b.get(new NDIndex(":, :, :{}", n)));
            NDArray right = tip1.sub(xe).mul(safeInverse(tip1.sub(ti1)))
                    .mul(b.get(new NDIndex(":, :, 1:")));
            b = left.add(right);                                           // Eq. (B2) (B, in, m−1−p)
        }
        return b;
    }

    /** 1/d where d &gt; 0, else 0: the convention 0/0 = 0 for repeated knots. */
    private static NDArray safeInverse(NDArray d) {
        NDArray positive = d.gt(0);
        NDArray safe = d.add(positive.logicalNot().toType(d.getDataType(), false));
        return safe.pow(-1).mul(positive.toType(d.getDataType(), false));
    }

    /**
     * The {@code knots.length − k − 1} basis values at {@code x}, by de Boor's triangular table in double
     * precision: only the k + 1 functions that can be non-zero are computed.
     */
    public static double[] basisRow(double x, double[] knots, int k) {
        int nFun = knots.length - k - 1;
        double[] out = new double[nFun];
        int span = span(x, knots);
        if (span < 0) {
            return out;
        }
        // N[j] holds B_{span−p+j, p}(x) for j = 0..p.
        double[] nv = new double[k + 1];
        nv[0] = 1;                                                          // Eq. (B1)
        for (int p = 1; p <= k; p++) {
            double[] next = new double[k + 1];
            for (int j = 0; j <= p; j++) {
                int i = span - p + j;
                if (i < 0 || i + p + 1 > knots.length - 1) {
                    continue;                                               // B_{i,p} does not exist
                }
                double v = 0;
                if (j >= 1) {                                               // B_{i,p−1} term
                    v += ratio(x - knots[i], knots[i + p] - knots[i]) * nv[j - 1];
                }
                if (j <= p - 1) {                                           // B_{i+1,p−1} term
                    v += ratio(knots[i + p + 1] - x, knots[i + p + 1] - knots[i + 1]) * nv[j];
                }
                next[j] = v;                                                // Eq. (B2)
            }
            nv = next;
        }
        for (int j = 0; j <= k; j++) {
            int i = span - k + j;
            if (i >= 0 && i < nFun) {
                out[i] = nv[j];
            }
        }
        return out;
    }

    /** The recursion (B1)-(B2) as written: B_{i,p}(x). Exponential in p; an oracle for tests, not for loops. */
    public static double coxDeBoor(int i, int p, double x, double[] knots) {
        if (p == 0) {
            return knots[i] <= x && x < knots[i + 1] ? 1 : 0;               // Eq. (B1)
        }
        return ratio(x - knots[i], knots[i + p] - knots[i]) * coxDeBoor(i, p - 1, x, knots)
                + ratio(knots[i + p + 1] - x, knots[i + p + 1] - knots[i + 1]) * coxDeBoor(i + 1, p - 1, x,
                        knots); // Eq. (B2)
    }

    /** Σ_c coef_c·B_c(x) in double precision. */
    public static double evaluate(double x, double[] knots, int k, double[] coef) {
        double[] row = basisRow(x, knots, k);
        double s = 0;
        for (int c = 0; c < row.length; c++) {
            s += coef[c] * row[c];
        }
        return s;
    }

    /** G + 2k + 1 knots: a uniform grid of G intervals on [lo, hi], extended by k knots of the same spacing. */
    public static double[] uniformKnots(int gridSize, int k, double lo, double hi) {
        double[] interior = new double[gridSize + 1];
        for (int g = 0; g <= gridSize; g++) {
            interior[g] = lo + (hi - lo) * g / gridSize;
        }
        return extend(interior, k);
    }

    /**
     * Extends a grid of G + 1 points by k knots on each side, spaced by (last − first)/G as pykan does
     * (so an adaptive grid gets uniform extensions).
     */
    public static double[] extend(double[] interior, int k) {
        int g = interior.length - 1;
        double h = (interior[g] - interior[0]) / g;
        double[] t = new double[g + 2 * k + 1];
        for (int j = 0; j < k; j++) {
            t[j] = interior[0] - (k - j) * h;
            t[g + k + 1 + j] = interior[g] + (j + 1) * h;
        }
        System.arraycopy(interior, 0, t, k, g + 1);
        return t;
    }

    /** The interior grid t_k … t_{G+k} of an extended knot vector. */
    public static double[] interior(double[] knots, int k) {
        double[] g = new double[knots.length - 2 * k];
        System.arraycopy(knots, k, g, 0, g.length);
        return g;
    }

    /**
     * The grid from samples (Liu et al. 2024, Sec. 2.4, "grid update"; pykan {@code update_grid_from_samples}):
     * G + 1 points at the samples' quantiles, mixed with the uniform grid on the samples' range,
     * {@code eps·uniform + (1 − eps)·adaptive}, then extended by k knots.
     */
    public static double[] adaptiveKnots(double[] samples, int gridSize, int k, double eps) {
        double[] s = samples.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        double[] grid = new double[gridSize + 1];
        double h = (s[n - 1] - s[0]) / gridSize;
        for (int g = 0; g <= gridSize; g++) {
            double adaptive = g == gridSize ? s[n - 1] : s[(int) ((long) n * g / gridSize)];
            double uniform = s[0] + h * g;
            grid[g] = eps * uniform + (1 - eps) * adaptive;
        }
        return extend(grid, k);
    }

    /**
     * Least-squares B-spline coefficients: for each row {@code y[j]} of targets at the points {@code x}, the
     * coefficients c minimising Σ_n (Σ_c c_c B_c(x_n) − y[j][n])² (numbering ours, Eq. (B3)), solved in
     * double precision. Returns {@code (rows, G+k)}.
     */
    public static double[][] fit(double[] x, double[][] y, double[] knots, int k) {
        double[][] design = new double[x.length][];
        for (int n = 0; n < x.length; n++) {
            design[n] = basisRow(x[n], knots, k);
        }
        return LinearAlgebra.leastSquares(design, y, RELATIVE_RIDGE);              // Eq. (B3)
    }

    /** The index i with t_i ≤ x &lt; t_{i+1}, or −1 when x is outside [t_0, t_last). */
    static int span(double x, double[] knots) {
        if (!(x >= knots[0] && x < knots[knots.length - 1])) {
            return -1;
        }
        int lo = 0;
        int hi = knots.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x >= knots[mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // Skip empty spans of repeated knots.
        while (lo + 1 < knots.length - 1 && knots[lo + 1] <= x) {
            lo++;
        }
        return lo;
    }

    private static double ratio(double num, double den) {
        return den > 0 ? num / den : 0;
    }
}
