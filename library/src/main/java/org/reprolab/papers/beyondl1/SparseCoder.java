package org.reprolab.papers.beyondl1;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * Sparse coding x ≈ Φᵀa with a dictionary of K unit-norm atoms (the rows of {@code atoms}, each of dimension D),
 * inferred by ISTA with one of the paper's {@link Thresholding} operators:
 *
 * <pre>a ← prox_{ηλR}(a + η·(Φx − ΦΦᵀa)),  η = 0.99 / ‖ΦΦᵀ‖₂</pre>
 *
 * (η &lt; 1 as CEL0 requires, since ‖ΦΦᵀ‖₂ ≥ 1 for unit-norm atoms). The product with the Gram matrix runs over
 * the active coefficients only, so inference costs O(K·active) per iteration. {@link #learn} alternates
 * inference with the dictionary step of Olshausen and Field, Φ ← Φ + η_Φ·⟨a(x − Φᵀa)ᵀ⟩ over a mini-batch, and
 * renormalises the atoms.
 */
public final class SparseCoder {

    private final Thresholding operator;
    private final double[][] atoms;
    private final double[][] gram;
    private final double eta;

    /** A coder with {@code atoms} (K × D; normalised to unit norm, copied). */
    public SparseCoder(Thresholding operator, double[][] atoms) {
        this.operator = operator;
        this.atoms = new double[atoms.length][];
        for (int k = 0; k < atoms.length; k++) {
            this.atoms[k] = atoms[k].clone();
            normalise(this.atoms[k]);
        }
        this.gram = gram(this.atoms);
        this.eta = 0.99 / largestEigenvalue(gram);
    }

    /** K random atoms of dimension D with independent Gaussian entries, normalised. */
    public static double[][] randomAtoms(int k, int d, SplittableRandom random) {
        double[][] a = new double[k][d];
        for (double[] row : a) {
            for (int i = 0; i < d; i++) {
                row[i] = random.nextGaussian();
            }
            normalise(row);
        }
        return a;
    }

    /** The thresholding operator. */
    public Thresholding operator() {
        return operator;
    }

    /** The atoms (K × D, unit norm); a copy. */
    public double[][] atoms() {
        double[][] c = new double[atoms.length][];
        for (int k = 0; k < atoms.length; k++) {
            c[k] = atoms[k].clone();
        }
        return c;
    }

    /** ISTA's step η. */
    public double eta() {
        return eta;
    }

    /** The code of {@code x} after {@code iterations} ISTA steps from a = 0. */
    public double[] encode(double[] x, double lambda, int iterations) {
        int k = atoms.length;
        double[] b = new double[k];
        for (int j = 0; j < k; j++) {
            b[j] = dot(atoms[j], x);
        }
        double[] a = new double[k];
        int[] active = new int[k];
        int nActive = 0;
        for (int it = 0; it < iterations; it++) {
            double[] next = new double[k];
            int nNext = 0;
            int[] nextActive = new int[k];
            for (int j = 0; j < k; j++) {
                double s = 0;
                double[] g = gram[j];
                for (int t = 0; t < nActive; t++) {
                    s += g[active[t]] * a[active[t]];
                }
                next[j] = operator.prox(a[j] + eta * (b[j] - s), eta, lambda);
                if (next[j] != 0) {
                    nextActive[nNext++] = j;
                }
            }
            a = next;
            active = nextActive;
            nActive = nNext;
        }
        return a;
    }

    /** Φᵀa. */
    public double[] reconstruct(double[] a) {
        double[] x = new double[atoms[0].length];
        for (int j = 0; j < a.length; j++) {
            if (a[j] != 0) {
                for (int i = 0; i < x.length; i++) {
                    x[i] += a[j] * atoms[j][i];
                }
            }
        }
        return x;
    }

    /**
     * How well codes at {@code lambda} reconstruct {@code patches}.
     *
     * @param lambda the penalty weight
     * @param meanActive mean number of non-zero coefficients per patch
     * @param relativeError Σ‖x − Φᵀa‖² / Σ‖x‖²
     */
    public record Fit(double lambda, double meanActive, double relativeError) { }

    /** The {@link Fit} of codes at {@code lambda} after {@code iterations} ISTA steps. */
    public Fit fit(double[][] patches, double lambda, int iterations) {
        double active = 0;
        double err = 0;
        double norm = 0;
        for (double[] x : patches) {
            Interrupts.check();
            double[] a = encode(x, lambda, iterations);
            double[] r = reconstruct(a);
            for (double v : a) {
                active += v != 0 ? 1 : 0;
            }
            for (int i = 0; i < x.length; i++) {
                err += (x[i] - r[i]) * (x[i] - r[i]);
                norm += x[i] * x[i];
            }
        }
        return new Fit(lambda, active / patches.length, err / norm);
    }

    /** Fits at λ·{@code factors[i]}, in the order given: a sparsity–error curve. */
    public List<Fit> sweep(double[][] patches, double lambda, double[] factors, int iterations) {
        List<Fit> fits = new ArrayList<>();
        for (double f : factors) {
            fits.add(fit(patches, lambda * f, iterations));
        }
        return fits;
    }

    /**
     * The λ at which codes of {@code patches} have {@code fraction} of the K units active on average: bisection in
     * log λ over [1e-4, 1e2] ({@code steps} halvings; the active fraction falls as λ grows).
     */
    public double lambdaForActive(double[][] patches, double fraction, int iterations, int steps) {
        double lo = Math.log(1e-4);
        double hi = Math.log(1e2);
        for (int s = 0; s < steps; s++) {
            double mid = (lo + hi) / 2;
            double active = fit(patches, Math.exp(mid), iterations).meanActive() / atoms.length;
            if (active > fraction) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * The number of active units at which a sparsity–error curve reaches relative error {@code target}:
     * log(active) interpolated linearly in the error between the two fits that bracket it (fits in any order;
     * NaN when no pair of fits brackets the target).
     */
    public static double activeAtError(List<Fit> curve, double target) {
        List<Fit> sorted = new ArrayList<>(curve);
        sorted.sort((p, q) -> Double.compare(p.relativeError(), q.relativeError()));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Fit lo = sorted.get(i);
            Fit hi = sorted.get(i + 1);
            if (lo.relativeError() <= target && target <= hi.relativeError() && lo.meanActive() > 0
                    && hi.meanActive() > 0) {
                double w = hi.relativeError() == lo.relativeError() ? 0
                        : (target - lo.relativeError()) / (hi.relativeError() - lo.relativeError());
                return Math.exp((1 - w) * Math.log(lo.meanActive()) + w * Math.log(hi.meanActive()));
            }
        }
        return Double.NaN;
    }

    /**
     * Dictionary learning's settings.
     *
     * @param atoms K
     * @param epochs passes over the patches
     * @param batch patches per dictionary step
     * @param iterations ISTA steps per code
     * @param targetActive the fraction of active units λ is steered to (the paper tunes λ to about 5%)
     * @param rate the dictionary step η_Φ
     */
    public record Learning(int atoms, int epochs, int batch, int iterations, double targetActive, double rate) { }

    /**
     * A learned dictionary.
     *
     * @param coder the coder with the learned atoms
     * @param lambda the penalty weight λ reached when learning ended
     * @param activeFraction the fraction of active units in each batch, in order
     */
    public record Learned(SparseCoder coder, double lambda, double[] activeFraction) { }

    /**
     * Learns K atoms from {@code patches} by alternating ISTA codes and the dictionary step; λ is steered after
     * each batch towards the target fraction of active units, λ ← λ·exp(clip((f − f*)/f*, −1, 1)/2), since each
     * operator reaches a given sparsity at a different λ.
     */
    public static Learned learn(Thresholding operator, double[][] patches, Learning l, SplittableRandom random) {
        int d = patches[0].length;
        SparseCoder coder = new SparseCoder(operator, randomAtoms(l.atoms(), d, random));
        double lambda = 0.1;
        int batches = patches.length / l.batch();
        double[] fractions = new double[l.epochs() * batches];
        int[] order = new int[patches.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < l.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int bi = 0; bi < batches; bi++) {
                Interrupts.check();
                double[][] phi = coder.atoms;
                double[][] step = new double[l.atoms()][d];
                double active = 0;
                for (int n = bi * l.batch(); n < (bi + 1) * l.batch(); n++) {
                    double[] x = patches[order[n]];
                    double[] a = coder.encode(x, lambda, l.iterations());
                    double[] r = coder.reconstruct(a);
                    for (int i = 0; i < d; i++) {
                        r[i] = x[i] - r[i];
                    }
                    for (int k = 0; k < a.length; k++) {
                        if (a[k] != 0) {
                            active++;
                            for (int i = 0; i < d; i++) {
                                step[k][i] += a[k] * r[i];
                            }
                        }
                    }
                }
                double[][] next = new double[l.atoms()][d];
                for (int k = 0; k < l.atoms(); k++) {
                    for (int i = 0; i < d; i++) {
                        next[k][i] = phi[k][i] + l.rate() * step[k][i] / l.batch();
                    }
                }
                coder = new SparseCoder(operator, next);
                double f = active / ((double) l.batch() * l.atoms());
                fractions[epoch * batches + bi] = f;
                double z = Math.max(-1, Math.min(1, (f - l.targetActive()) / l.targetActive()));
                lambda *= Math.exp(0.5 * z);
            }
        }
        return new Learned(coder, lambda, fractions);
    }

    static double[][] gram(double[][] atoms) {
        int k = atoms.length;
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                g[i][j] = dot(atoms[i], atoms[j]);
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    /** The largest eigenvalue of a positive semi-definite matrix, by power iteration. */
    static double largestEigenvalue(double[][] g) {
        int n = g.length;
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        double lambda = 0;
        for (int it = 0; it < 100; it++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = dot(g[i], v);
            }
            double norm = Math.sqrt(dot(w, w));
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
            if (Math.abs(norm - lambda) <= 1e-6 * norm) {
                return norm;
            }
            lambda = norm;
        }
        return lambda;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
        }
    }
}
