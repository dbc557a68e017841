package org.reprolab.papers.snmf;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.LinearAlgebra;
import org.reprolab.sparsity.TopK;

/**
 * Semi-nonnegative matrix factorisation of MLP activations, A ≈ Z Yᵀ (Shafran, Geiger and Geva 2025, after Ding,
 * Li and Jordan 2010), as the reference code's loop runs it (numbering ours):
 * <ol>
 *   <li>Z ← A Y (YᵀY + 1e-6 I)⁻¹ (Eq. 1);</li>
 *   <li>winner-take-all: each column of Z keeps its top {@code keep} share of entries by |Z| (Eq. 2);</li>
 *   <li>each column of Y is rescaled to unit ℓ2 norm, the matching column of Z by the inverse factor;</li>
 *   <li>Y ← Y ⊙ √((P⁺ + Y Q⁻) / (P⁻ + Y Q⁺ + 1e-6)), P = AᵀZ, Q = ZᵀZ, M± = (|M| ± M)/2 (Eq. 3);</li>
 *   <li>the iterate of smallest loss ‖A − Z Yᵀ‖²_F is kept.</li>
 * </ol>
 * A is d × n (neurons × inputs), Z is d × k (features: sparse groups of neurons, any sign), Y is n × k ≥ 0 (how
 * much each input expresses each feature).
 *
 * @param z the features, d × k
 * @param y the non-negative coefficients, n × k
 * @param bestLoss the smallest loss seen after each iteration (non-increasing by construction)
 */
public record SemiNmf(double[][] z, double[][] y, double[] bestLoss) {

    /**
     * Factorises {@code a} (d × n) at rank {@code k}, keeping the {@code keep} share of each feature's neurons,
     * for {@code iterations} iterations from a random positive Y.
     */
    public static SemiNmf fit(double[][] a, int k, double keep, int iterations, SplittableRandom rng) {
        int d = a.length;
        int n = a[0].length;
        double[][] y = new double[n][k];
        for (double[] row : y) {
            for (int j = 0; j < k; j++) {
                row[j] = 0.1 + rng.nextDouble();
            }
        }
        double[][] at = LinearAlgebra.transpose(a);
        double[][] bestZ = null;
        double[][] bestY = null;
        double best = Double.POSITIVE_INFINITY;
        double[] history = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            Interrupts.check();
            double[][] gram = LinearAlgebra.multiply(LinearAlgebra.transpose(y), y);
            for (int j = 0; j < k; j++) {
                gram[j][j] += 1e-6;
            }
            double[][] z = LinearAlgebra.multiply(LinearAlgebra.multiply(a, y), LinearAlgebra.inverse(gram)); // (1)
            winnerTakeAll(z, (int) Math.max(1, Math.round(keep * d))); // (2)
            for (int j = 0; j < k; j++) {
                double norm = 0;
                for (double[] row : y) {
                    norm += row[j] * row[j];
                }
                norm = Math.sqrt(norm);
                if (norm > 0) {
                    for (double[] row : y) {
                        row[j] /= norm;
                    }
                    for (double[] row : z) {
                        row[j] *= norm;
                    }
                }
            }
            double[][] p = LinearAlgebra.multiply(at, z); // n × k
            double[][] q = LinearAlgebra.multiply(LinearAlgebra.transpose(z), z); // k × k
            double[][] yqPlus = LinearAlgebra.multiply(y, part(q, true));
            double[][] yqMinus = LinearAlgebra.multiply(y, part(q, false));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    double pp = Math.max(p[i][j], 0);
                    double pm = Math.max(-p[i][j], 0);
                    y[i][j] *= Math.sqrt((pp + yqMinus[i][j]) / (pm + yqPlus[i][j] + 1e-6)); // (3)
                }
            }
            double loss = loss(a, z, y);
            if (loss < best) {
                best = loss;
                bestZ = copy(z);
                bestY = copy(y);
            }
            history[it] = best;
        }
        return new SemiNmf(bestZ, bestY, history);
    }

    /** ‖A − Z Yᵀ‖²_F. */
    public static double loss(double[][] a, double[][] z, double[][] y) {
        double[][] r = LinearAlgebra.subtract(a, LinearAlgebra.multiply(z, LinearAlgebra.transpose(y)));
        double f = LinearAlgebra.frobeniusNorm(r);
        return f * f;
    }

    /** ‖A − Z Yᵀ‖_F / ‖A‖_F of this factorisation. */
    public double relativeError(double[][] a) {
        return Math.sqrt(loss(a, z, y)) / LinearAlgebra.frobeniusNorm(a);
    }

    /** Feature j as a vector over the d neurons (column j of Z). */
    public double[] feature(int j) {
        return Arrays.stream(z).mapToDouble(row -> row[j]).toArray();
    }

    /** Feature j's coefficient for every input (column j of Y). */
    public double[] coefficients(int j) {
        return Arrays.stream(y).mapToDouble(row -> row[j]).toArray();
    }

    /** Keeps, in each column of z, the {@code kept} entries of largest magnitude; zeroes the rest. */
    static void winnerTakeAll(double[][] z, int kept) {
        int d = z.length;
        double[] col = new double[d];
        for (int j = 0; j < z[0].length; j++) {
            for (int i = 0; i < d; i++) {
                col[i] = Math.abs(z[i][j]);
            }
            boolean[] keep = TopK.mask(col, kept);
            for (int i = 0; i < d; i++) {
                z[i][j] = keep[i] ? z[i][j] : 0;
            }
        }
    }

    /** (|M| + M)/2 when {@code plus}, else (|M| − M)/2. */
    static double[][] part(double[][] m, boolean plus) {
        double[][] r = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                r[i][j] = plus ? Math.max(m[i][j], 0) : Math.max(-m[i][j], 0);
            }
        }
        return r;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
