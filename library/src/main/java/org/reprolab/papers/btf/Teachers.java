package org.reprolab.papers.btf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random teacher networks of logic gates, for learning a network from its truth table: each hidden unit is an
 * AND or an OR of 2 or 3 random literals (±1 weights, integer threshold), the output a signed majority of the
 * hidden units. A student with the teacher's architecture can then be asked to reproduce the teacher's table.
 *
 * <pre>{@code
 * BtfNetwork net = BtfNetwork.layered(6, new int[] {3}, 1, true);
 * double[][] teacher = Teachers.randomGates(6, 3, rng);
 * TruthTable table = net.truthTable(teacher);
 * }</pre>
 */
public final class Teachers {

    private Teachers() {}

    /**
     * Weights for {@code BtfNetwork.layered(n, new int[] {hidden}, 1, true)}: hidden unit j is an AND (bias
     * −(k−1)) or an OR (bias +(k−1)) of k ∈ {2, 3} distinct random literals, each ±x_i; the output is
     * \(\operatorname{sgn}(\sum_j s_j h_j)\) with random signs \(s_j\) and no threshold (a majority for odd
     * {@code hidden}).
     */
    public static double[][] randomGates(int n, int hidden, SplittableRandom rng) {
        if (n < 3 || hidden < 1) {
            throw new IllegalArgumentException("need at least 3 inputs and one hidden unit");
        }
        double[][] w = new double[hidden + 1][];
        for (int j = 0; j < hidden; j++) {
            w[j] = new double[n + 1];
            int k = 2 + rng.nextInt(2);
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int q = i + rng.nextInt(n - i);
                int tmp = perm[i];
                perm[i] = perm[q];
                perm[q] = tmp;
                w[j][perm[i]] = rng.nextBoolean() ? 1 : -1;            // a literal
            }
            w[j][n] = (rng.nextBoolean() ? 1 : -1) * (k - 1);          // −(k−1): AND, +(k−1): OR
        }
        w[hidden] = new double[hidden + 1];
        for (int i = 0; i < hidden; i++) {
            w[hidden][i] = rng.nextBoolean() ? 1 : -1;                  // signed majority, threshold 0
        }
        return w;
    }

    /**
     * Whether the non-output nodes of two weightings of {@code net} compute the same functions on the rows of
     * {@code table}, up to their order and negation: whether a student has found the teacher's gates, not just
     * its truth table.
     */
    public static boolean sameHiddenGates(BtfNetwork net, double[][] a, double[][] b, TruthTable table) {
        return signatures(net, a, table).equals(signatures(net, b, table));
    }

    /** Each non-output node's column of values over the table, normalised to start with +1, sorted. */
    private static List<String> signatures(BtfNetwork net, double[][] w, TruthTable table) {
        boolean[] output = new boolean[net.nodes()];
        for (int o : net.outputs()) {
            output[o] = true;
        }
        List<StringBuilder> columns = new ArrayList<>();
        for (int j = 0; j < net.nodes(); j++) {
            columns.add(output[j] ? null : new StringBuilder());
        }
        double[] first = net.forward(w, table.input(0));
        for (int r = 0; r < table.rows(); r++) {
            double[] y = net.forward(w, table.input(r));
            for (int j = 0; j < y.length; j++) {
                if (!output[j]) {
                    columns.get(j).append(y[j] * first[j] > 0 ? '1' : '0');   // negation-invariant
                }
            }
        }
        List<String> s = new ArrayList<>();
        for (StringBuilder c : columns) {
            if (c != null) {
                s.add(c.toString());
            }
        }
        s.sort(null);
        return s;
    }
}
