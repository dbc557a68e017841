package org.reprolab.papers.connectome;

import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * Non-negative CP (PARAFAC) factorisation of a 3-way tensor, T[i][j][k] ≈ Σ_r A[i][r] B[j][r] C[k][r] with all
 * factors ≥ 0, fitted by hierarchical alternating least squares (HALS: each factor column in turn is the exact
 * non-negative minimiser of the Frobenius loss with the others fixed, so the loss never increases; Cichocki and
 * Phan 2009).
 *
 * @param a the first mode's factors, [I][R]
 * @param b the second mode's factors, [J][R]
 * @param c the third mode's factors, [K][R]
 * @param loss the squared Frobenius error after initialisation and after each sweep
 */
public record NonnegativeCp(double[][] a, double[][] b, double[][] c, double[] loss) {

    /** Columns are kept above this so that a column never vanishes (HALS divides by its squared norm). */
    static final double FLOOR = 1e-12;

    /** Fits rank {@code rank} by {@code sweeps} HALS sweeps from uniform random factors. */
    public static NonnegativeCp fit(double[][][] t, int rank, int sweeps, SplittableRandom random) {
        int ni = t.length;
        int nj = t[0].length;
        int nk = t[0][0].length;
        double[][] a = uniform(ni, rank, random);
        double[][] b = uniform(nj, rank, random);
        double[][] c = uniform(nk, rank, random);
        double[] loss = new double[sweeps + 1];
        loss[0] = loss(t, a, b, c);
        for (int s = 1; s <= sweeps; s++) {
            Interrupts.check();
            update(a, mttkrp(t, b, c, 0), gram(b, c));
            update(b, mttkrp(t, a, c, 1), gram(a, c));
            update(c, mttkrp(t, a, b, 2), gram(a, b));
            loss[s] = loss(t, a, b, c);
        }
        return new NonnegativeCp(a, b, c, loss);
    }

    /** The best of {@code restarts} fits by final loss. */
    public static NonnegativeCp bestOf(double[][][] t, int rank, int sweeps, int restarts, SplittableRandom random) {
        NonnegativeCp best = null;
        for (int r = 0; r < restarts; r++) {
            NonnegativeCp f = fit(t, rank, sweeps, random.split());
            if (best == null || f.finalLoss() < best.finalLoss()) {
                best = f;
            }
        }
        return best;
    }

    /** The loss after the last sweep. */
    public double finalLoss() {
        return loss[loss.length - 1];
    }

    /** The rank R. */
    public int rank() {
        return a[0].length;
    }

    /** Column {@code r} of the second mode ({@code b}). */
    public double[] secondFactor(int r) {
        return column(b, r);
    }

    /** Column {@code r} of the first mode ({@code a}). */
    public double[] firstFactor(int r) {
        return column(a, r);
    }

    /** Column {@code r} of the third mode ({@code c}). */
    public double[] thirdFactor(int r) {
        return column(c, r);
    }

    /** The largest relative increase of the loss from one sweep to the next (≤ 0 when it never increased). */
    public double largestLossIncrease() {
        double worst = Double.NEGATIVE_INFINITY;
        for (int s = 1; s < loss.length; s++) {
            worst = Math.max(worst, (loss[s] - loss[s - 1]) / loss[s - 1]);
        }
        return worst;
    }

    /** Σ_r A[i][r] B[j][r] C[k][r]. */
    public double at(int i, int j, int k) {
        double s = 0;
        for (int r = 0; r < rank(); r++) {
            s += a[i][r] * b[j][r] * c[k][r];
        }
        return s;
    }

    static double loss(double[][][] t, double[][] a, double[][] b, double[][] c) {
        double s = 0;
        int rank = a[0].length;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                for (int k = 0; k < t[0][0].length; k++) {
                    double m = 0;
                    for (int r = 0; r < rank; r++) {
                        m += a[i][r] * b[j][r] * c[k][r];
                    }
                    s += (t[i][j][k] - m) * (t[i][j][k] - m);
                }
            }
        }
        return s;
    }

    /** HALS on one factor: column by column, x_r ← max(floor, x_r + (M_r − X G_r) / G_rr). */
    private static void update(double[][] x, double[][] m, double[][] g) {
        int rank = g.length;
        for (int r = 0; r < rank; r++) {
            for (int i = 0; i < x.length; i++) {
                double xg = 0;
                for (int q = 0; q < rank; q++) {
                    xg += x[i][q] * g[q][r];
                }
                x[i][r] = Math.max(FLOOR, x[i][r] + (m[i][r] - xg) / g[r][r]);
            }
        }
    }

    /** (PᵀP) ∘ (QᵀQ). */
    private static double[][] gram(double[][] p, double[][] q) {
        int rank = p[0].length;
        double[][] g = new double[rank][rank];
        for (int r = 0; r < rank; r++) {
            for (int s = 0; s < rank; s++) {
                double pp = 0;
                double qq = 0;
                for (double[] row : p) {
                    pp += row[r] * row[s];
                }
                for (double[] row : q) {
                    qq += row[r] * row[s];
                }
                g[r][s] = pp * qq;
            }
        }
        return g;
    }

    /** The matricised tensor times the Khatri-Rao product of the other two factors, for mode {@code mode}. */
    private static double[][] mttkrp(double[][][] t, double[][] p, double[][] q, int mode) {
        int ni = t.length;
        int nj = t[0].length;
        int nk = t[0][0].length;
        int rank = p[0].length;
        double[][] m = new double[mode == 0 ? ni : mode == 1 ? nj : nk][rank];
        for (int i = 0; i < ni; i++) {
            for (int j = 0; j < nj; j++) {
                for (int k = 0; k < nk; k++) {
                    double v = t[i][j][k];
                    for (int r = 0; r < rank; r++) {
                        switch (mode) {
                            case 0 -> m[i][r] += v * p[j][r] * q[k][r];
                            case 1 -> m[j][r] += v * p[i][r] * q[k][r];
                            default -> m[k][r] += v * p[i][r] * q[j][r];
                        }
                    }
                }
            }
        }
        return m;
    }

    private static double[][] uniform(int n, int rank, SplittableRandom random) {
        double[][] x = new double[n][rank];
        for (double[] row : x) {
            for (int r = 0; r < rank; r++) {
                row[r] = random.nextDouble();
            }
        }
        return x;
    }

    private static double[] column(double[][] x, int r) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i][r];
        }
        return v;
    }
}
