package org.reprolab.papers.kan;

import org.reprolab.math.LinearFit;
import org.reprolab.math.Stats;

/**
 * The three edge functions of a trained [2, 1, 1] KAN, read off as the paper does for exp(sin(πx) + y²)
 * (Sec. 2.5.1, Fig. 2.4): the inner φ(x) and φ(y) on [−1, 1], and the outer Φ(h) over the hidden node's range,
 * with affine fits of the inner two against sin(πx) and y².
 *
 * @param at the points of [−1, 1] where the inner functions are read
 * @param phiX the first input's edge function φ_{0,0}
 * @param phiY the second input's edge function φ_{0,1}
 * @param hidden points over the hidden node's range (the sum of the inner functions' ranges)
 * @param outer the output edge function Φ at {@code hidden}
 */
public record LearnedEdges(double[] at, double[] phiX, double[] phiY, double[] hidden, double[] outer) {

    /** Reads the edges of {@code net} (a [2, 1, 1] KAN) at {@code n} points. */
    public static LearnedEdges of(KanBlock net, int n) {
        int[] w = net.widths();
        if (w.length != 3 || w[0] != 2 || w[1] != 1 || w[2] != 1) {
            throw new IllegalArgumentException("LearnedEdges reads a [2, 1, 1] KAN, got " + net);
        }
        double[] at = grid(-1, 1, n);
        KanLayer inner = net.layers().get(0);
        double[] phiX = inner.edgeFunction(0, 0, at);
        double[] phiY = inner.edgeFunction(0, 1, at);
        double[] hidden = grid(Stats.min(phiX) + Stats.min(phiY), Stats.max(phiX) + Stats.max(phiY), n);
        return new LearnedEdges(at, phiX, phiY, hidden, net.layers().get(1).edgeFunction(0, 0, hidden));
    }

    /** φ(x) ≈ slope·sin(πx) + intercept, with its R². */
    public LinearFit sinFit() {
        double[] sin = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            sin[i] = Math.sin(Math.PI * at[i]);
        }
        return LinearFit.of(sin, phiX);
    }

    /** φ(y) ≈ slope·y² + intercept, with its R². */
    public LinearFit squareFit() {
        double[] sq = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            sq[i] = at[i] * at[i];
        }
        return LinearFit.of(sq, phiY);
    }

    /** The smaller of the two fits' R². */
    public double worstR2() {
        return Math.min(sinFit().r2(), squareFit().r2());
    }

    static double[] grid(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }
}
