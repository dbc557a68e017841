package org.reprolab.papers.hyperparamcomplexity;

/**
 * Dual functions {@code α ↦ u_α(P)} sampled on a common grid of α, one row per task ({@code u[task][alpha]}, a loss:
 * lower is better). ERM over a sample of tasks picks the α of least mean loss; the uniform deviation measures how far
 * the sample's mean curve strays from the population's (here, a large held-out set of tasks) anywhere on the grid,
 * which the paper's pseudo-dimension bound controls as {@code O(√((Pdim + log 1/δ)/N))}.
 */
public final class DualFunctions {

    private DualFunctions() {}

    /** The mean curve over the tasks {@code tasks} (indices into {@code u}). */
    public static double[] meanCurve(double[][] u, int[] tasks) {
        double[] mean = new double[u[0].length];
        for (int t : tasks) {
            for (int a = 0; a < mean.length; a++) {
                mean[a] += u[t][a] / tasks.length;
            }
        }
        return mean;
    }

    /** The grid index ERM picks: least mean loss over {@code tasks} (the first on ties). */
    public static int erm(double[][] u, int[] tasks) {
        double[] mean = meanCurve(u, tasks);
        int best = 0;
        for (int a = 1; a < mean.length; a++) {
            if (mean[a] < mean[best]) {
                best = a;
            }
        }
        return best;
    }

    /** {@code sup_α |Û_sample(α) − U_population(α)|} on the grid. */
    public static double uniformDeviation(double[][] u, int[] sample, int[] population) {
        return uniformDeviation(u, sample, meanCurve(u, population));
    }

    /**
     * {@code sup_α |Û_sample(α) − U(α)|} on the grid, with the population curve U given (e.g. the mean over a
     * separate, larger set of tasks).
     */
    public static double uniformDeviation(double[][] u, int[] sample, double[] population) {
        double[] s = meanCurve(u, sample);
        double sup = 0;
        for (int a = 0; a < s.length; a++) {
            sup = Math.max(sup, Math.abs(s[a] - population[a]));
        }
        return sup;
    }

    /** Strict interior local extrema of a sampled curve (plateaus count once, at their end). */
    public static int localExtrema(double[] curve) {
        int count = 0;
        int lastSign = 0;
        for (int i = 1; i < curve.length; i++) {
            int sign = Double.compare(curve[i], curve[i - 1]);
            if (sign != 0) {
                if (lastSign != 0 && sign != lastSign) {
                    count++;
                }
                lastSign = sign;
            }
        }
        return count;
    }

    /** Jumps of a sampled curve: steps between neighbours larger than {@code threshold} in absolute value. */
    public static int jumps(double[] curve, double threshold) {
        int count = 0;
        for (int i = 1; i < curve.length; i++) {
            if (Math.abs(curve[i] - curve[i - 1]) > threshold) {
                count++;
            }
        }
        return count;
    }
}
