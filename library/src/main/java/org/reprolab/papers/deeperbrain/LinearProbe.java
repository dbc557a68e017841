package org.reprolab.papers.deeperbrain;

import org.reprolab.math.LinearAlgebra;
import org.reprolab.math.Stats;

/**
 * A frozen linear probe: features standardised with the training set's means and deviations, a bias column, and a
 * least-squares (ridge) fit to one-hot labels; a window's class is the largest output.
 */
public final class LinearProbe {

    /** The ridge, relative to the mean diagonal of the normal equations. */
    public static final double RIDGE = 1e-3;

    private LinearProbe() {}

    /** Test accuracy of a probe fitted on ({@code train}, {@code trainLabels}). */
    public static double accuracy(double[][] train, int[] trainLabels, double[][] test, int[] testLabels,
            int classes) {
        int f = train[0].length;
        double[] mean = new double[f];
        double[] sd = new double[f];
        for (int j = 0; j < f; j++) {
            double[] col = new double[train.length];
            for (int i = 0; i < train.length; i++) {
                col[i] = train[i][j];
            }
            mean[j] = Stats.mean(col);
            sd[j] = Math.max(Stats.sd(col), 1e-12);
        }
        double[][] y = new double[classes][train.length];
        for (int i = 0; i < train.length; i++) {
            y[trainLabels[i]][i] = 1;
        }
        double[][] w = LinearAlgebra.leastSquares(design(train, mean, sd), y, RIDGE);
        double[][] d = design(test, mean, sd);
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = 0;
                for (int j = 0; j <= f; j++) {
                    s += w[k][j] * d[i][j];
                }
                if (s > top) {
                    top = s;
                    best = k;
                }
            }
            correct += best == testLabels[i] ? 1 : 0;
        }
        return (double) correct / test.length;
    }

    private static double[][] design(double[][] x, double[] mean, double[] sd) {
        double[][] d = new double[x.length][x[0].length + 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                d[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
            d[i][mean.length] = 1;
        }
        return d;
    }

    /** Columns standardised to mean 0 and deviation 1 with the columns' own statistics (NSP targets). */
    public static double[][] standardise(double[][] x) {
        int f = x[0].length;
        double[][] out = new double[x.length][f];
        for (int j = 0; j < f; j++) {
            double[] col = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                col[i] = x[i][j];
            }
            double[] z = Stats.zScores(col);
            for (int i = 0; i < x.length; i++) {
                out[i][j] = Double.isFinite(z[i]) ? z[i] : 0;
            }
        }
        return out;
    }
}
