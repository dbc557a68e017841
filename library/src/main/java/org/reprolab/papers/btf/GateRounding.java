package org.reprolab.papers.btf;

/**
 * How close learned weights are to a network of logic gates: every input weight divided by the weight scale ρ
 * and rounded to the nearest of {−1, 0, +1}, and whether the rounded network (biases kept) still reproduces the
 * table. With margin μρ on a complete truth table and \(|w_i| \le \rho\), an input a node depends on has
 * \(|w_i| \ge \mu\rho\) and one it ignores \(|w_i| \le (1 - \mu)\rho\) (see {@link DivideAndConcur}), so every
 * input weight lies within \((1 - \mu)\rho\) of {0, ±ρ}.
 *
 * @param rounded the weights with every input weight rounded to {0, ±ρ} (biases unchanged)
 * @param normalised every input weight divided by ρ, node after node
 * @param largestDistance the largest |w/ρ − round(w/ρ)| over the input weights
 * @param meanDistance the mean of |w/ρ − round(w/ρ)|
 * @param zeroFraction the share of input weights that round to 0
 * @param exactWhenRounded whether the rounded network reproduces the table
 */
public record GateRounding(double[][] rounded, double[] normalised, double largestDistance, double meanDistance,
        double zeroFraction, boolean exactWhenRounded) {

    /** Rounds the input weights of {@code weights} (a weighting of {@code net}) on the scale {@code rho}. */
    public static GateRounding of(BtfNetwork net, double[][] weights, double rho, TruthTable table) {
        double[][] rounded = new double[weights.length][];
        int count = 0;
        for (int j = 0; j < weights.length; j++) {
            count += net.sources(j).length;
        }
        double[] normalised = new double[count];
        double largest = 0;
        double sum = 0;
        int zeros = 0;
        int k = 0;
        for (int j = 0; j < weights.length; j++) {
            rounded[j] = weights[j].clone();
            for (int i = 0; i < net.sources(j).length; i++) {          // input weights; the bias stays
                double u = weights[j][i] / rho;
                double q = Math.rint(Math.max(-1, Math.min(1, u)));
                double d = Math.abs(u - q);
                largest = Math.max(largest, d);
                sum += d;
                zeros += q == 0 ? 1 : 0;
                normalised[k++] = u;
                rounded[j][i] = q * rho;
            }
        }
        return new GateRounding(rounded, normalised, largest, sum / count, (double) zeros / count,
                net.computes(rounded, table));
    }

    /** Whether every input weight lies within {@code tolerance}·ρ of {0, ±ρ} and the rounded network is exact. */
    public boolean isGateNetwork(double tolerance) {
        return largestDistance <= tolerance && exactWhenRounded;
    }
}
