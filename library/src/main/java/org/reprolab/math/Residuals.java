package org.reprolab.math;

import java.util.Arrays;

/**
 * The residuals r_n = prediction_n − target_n of a fit, and the error summaries papers report of them: the root
 * mean square (RMSE), the largest magnitude, the square root of the median squared residual (a robust error that a
 * few outliers cannot move) and how much of the squared error the worst points carry.
 *
 * <pre>{@code
 * Residuals r = Residuals.of(predicted, targets);
 * r.rms();                     // the test RMSE
 * r.rootMedianSquare();        // √median(r²)
 * r.shareOfLargestSquares(5);  // the 5 worst points' share of Σ r²
 * }</pre>
 *
 * @param values the residuals, one per point
 */
public record Residuals(double[] values) {

    /** The residuals {@code predicted − target}, element by element. */
    public static Residuals of(double[] predicted, double[] target) {
        return new Residuals(Stats.differences(predicted, target));
    }

    /** √(mean r²); NaN without residuals. */
    public double rms() {
        return Stats.rms(values);
    }

    /** max |r|; NaN without residuals. */
    public double maxAbs() {
        return Arrays.stream(values).map(Math::abs).max().orElse(Double.NaN);
    }

    /** √(median r²): the typical error, insensitive to a few large residuals. */
    public double rootMedianSquare() {
        return Math.sqrt(Stats.median(squares()));
    }

    /** The share of Σ r² that the {@code k} largest squared residuals carry (1 when k ≥ n). */
    public double shareOfLargestSquares(int k) {
        double[] sq = squares();
        Arrays.sort(sq);
        double total = 0;
        double top = 0;
        for (int i = 0; i < sq.length; i++) {
            total += sq[i];
            if (i >= sq.length - k) {
                top += sq[i];
            }
        }
        return top / total;
    }

    /** r² for every point. */
    public double[] squares() {
        return Arrays.stream(values).map(v -> v * v).toArray();
    }
}
