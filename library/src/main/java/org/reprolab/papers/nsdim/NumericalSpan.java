package org.reprolab.papers.nsdim;

import java.util.function.DoubleUnaryOperator;
import org.reprolab.math.PivotedQr;

/**
 * The numerical span dimension (NSdim) of a set of functions sampled on points (Liu, Yu, Yong 2024): the ε-rank
 * #{i : σ_i / σ_1 > ε} of their sample matrix, and what it limits: the extreme-learning-machine (ELM) fit, least
 * squares on fixed random features, which cannot use more directions than the features numerically span.
 */
public final class NumericalSpan {

    /**
     * Where the pivoted QR stops: columns below this fraction of the largest are dropped before the singular values
     * are computed, well under every ε we count at (≥ 1e−12), so the counts do not depend on it.
     */
    public static final double TRUNCATION = 1e-14;

    private NumericalSpan() {}

    /** The singular values of the matrix with these columns, divided by the largest (decreasing, from 1). */
    public static double[] spectrum(double[][] columns) {
        double[] s = PivotedQr.ofColumns(columns, TRUNCATION).singularValues();
        double top = s[0];
        for (int i = 0; i < s.length; i++) {
            s[i] /= top;
        }
        return s;
    }

    /** NSdim_ε: how many normalised singular values exceed ε. */
    public static int dimension(double[] normalisedSpectrum, double eps) {
        return PivotedQr.epsilonRank(normalisedSpectrum, eps);
    }

    /**
     * The ELM's root-mean-square test error: least squares of {@code target} on the features at the training points
     * (truncated at relative rank tolerance {@code tolerance}), evaluated with the same features at the test points.
     */
    public static double elmRmse(RandomFeatures.Activation act, double[][] parameters, DoubleUnaryOperator target,
            double[] train, double[] test, double tolerance) {
        double[] y = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            y[i] = target.applyAsDouble(train[i]);
        }
        double[] c = PivotedQr.ofColumns(RandomFeatures.columns(act, parameters, train), tolerance).solve(y);
        double[][] testColumns = RandomFeatures.columns(act, parameters, test);
        double sq = 0;
        for (int i = 0; i < test.length; i++) {
            double f = 0;
            for (int j = 0; j < c.length; j++) {
                f += c[j] * testColumns[j][i];
            }
            double e = f - target.applyAsDouble(test[i]);
            sq += e * e;
        }
        return Math.sqrt(sq / test.length);
    }
}
