package org.reprolab.papers.connectome;

import java.util.Set;
import java.util.TreeSet;
import org.reprolab.math.Clustering;
import org.reprolab.math.Correlation;

/**
 * From traces to functional connectomes: pairwise affinities a(i, j) = max(0, corr)² in sliding windows, stacked
 * into a tensor [pair][window][animal] for non-negative CP, a motif (a pair factor) back as a symmetric matrix, and
 * a weighted community read off a matrix by its leading eigenvector.
 */
public final class Affinities {

    private Affinities() {}

    /** The number of windows of {@code window} samples, {@code step} apart, that fit in {@code length}. */
    public static int windows(int length, int window, int step) {
        return (length - window) / step + 1;
    }

    /** The number of unordered pairs of {@code n} neurons. */
    public static int pairs(int n) {
        return n * (n - 1) / 2;
    }

    /** max(0, Pearson r)² of samples [from, from + length) of two traces. */
    public static double affinity(double[] x, double[] y, int from, int length) {
        double r = Correlation.pearson(java.util.Arrays.copyOfRange(x, from, from + length),
                java.util.Arrays.copyOfRange(y, from, from + length));
        return r > 0 ? r * r : 0;
    }

    /** The tensor T[pair][window][animal] of windowed affinities of traces [animal][neuron][time]. */
    public static double[][][] tensor(double[][][] traces, int window, int step) {
        int n = traces[0].length;
        int nw = windows(traces[0][0].length, window, step);
        double[][][] t = new double[pairs(n)][nw][traces.length];
        for (int a = 0; a < traces.length; a++) {
            int p = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++, p++) {
                    for (int w = 0; w < nw; w++) {
                        t[p][w][a] = affinity(traces[a][i], traces[a][j], w * step, window);
                    }
                }
            }
        }
        return t;
    }

    /** The static connectome: affinities over each whole recording, averaged over animals, [n][n], zero diagonal. */
    public static double[][] staticMatrix(double[][][] traces) {
        int n = traces[0].length;
        int length = traces[0][0].length;
        double[][] m = new double[n][n];
        for (double[][] animal : traces) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double a = affinity(animal[i], animal[j], 0, length) / traces.length;
                    m[i][j] += a;
                    m[j][i] += a;
                }
            }
        }
        return m;
    }

    /** A pair vector (pairs i < j in row order) as a symmetric [n][n] matrix with zero diagonal. */
    public static double[][] matrix(double[] pairValues, int n) {
        double[][] m = new double[n][n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, p++) {
                m[i][j] = pairValues[p];
                m[j][i] = pairValues[p];
            }
        }
        return m;
    }

    /**
     * The leading eigenvector of a non-negative symmetric matrix (power iteration on M + I, which has the same
     * eigenvectors and a positive spectrum shift), normalised to unit length and non-negative.
     */
    public static double[] leadingEigenvector(double[][] m) {
        int n = m.length;
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        for (int it = 0; it < 1000; it++) {
            double[] next = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                next[i] = v[i];
                for (int j = 0; j < n; j++) {
                    next[i] += m[i][j] * v[j];
                }
                norm += next[i] * next[i];
            }
            norm = Math.sqrt(norm);
            double change = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= norm;
                change = Math.max(change, Math.abs(next[i] - v[i]));
            }
            v = next;
            if (change < 1e-12) {
                break;
            }
        }
        return v;
    }

    /** The weighted community of a connectome: the neurons in the upper class of its leading eigenvector. */
    public static Set<Integer> leadingCommunity(double[][] m) {
        double[] v = leadingEigenvector(m);
        double threshold = Clustering.twoClassThreshold(v);
        Set<Integer> c = new TreeSet<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] >= threshold) {
                c.add(i);
            }
        }
        return c;
    }
}
