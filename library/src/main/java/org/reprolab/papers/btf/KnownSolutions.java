package org.reprolab.papers.btf;

/**
 * Hand-built ±1 gate networks for the tasks of the reproduction: each gate has ±1 input weights and an integer
 * threshold, and every node holds its value with margin 1 (in units of its largest weight). They show that the
 * architectures the learners are given can solve their tasks exactly.
 */
public final class KnownSolutions {

    private KnownSolutions() {}

    /** The network of {@link #multiplier2()}: 4 inputs (a0, a1, b0, b1) → 7 hidden gates → 4 outputs, with bias. */
    public static BtfNetwork multiplier2Network() {
        return BtfNetwork.layered(4, new int[] {7}, 4, true);
    }

    /**
     * The 2-bit multiplier through 7 hidden gates: h1 = a0∧b0, h2 = a0∧a1∧b0∧b1, h3 = a1∧b1, h4..h7 the four AND3
     * terms of a0b1 ⊕ a1b0 (a0∧¬a1∧b1, a0∧¬b0∧b1, ¬a0∧a1∧b0, a1∧b0∧¬b1); then p0 = h1, p1 = h4∨h5∨h6∨h7,
     * p2 = h3∧¬h2, p3 = h2. Weights of inputs a0, a1, b0, b1 (outputs: h1..h7), then the bias.
     */
    public static double[][] multiplier2() {
        return new double[][] {
            {1, 0, 1, 0, -1},
            {1, 1, 1, 1, -3},
            {0, 1, 0, 1, -1},
            {1, -1, 0, 1, -2},
            {1, 0, -1, 1, -2},
            {-1, 1, 1, 0, -2},
            {0, 1, 1, -1, -2},
            {1, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 1, 1, 1, 1, 3},
            {0, -1, 1, 0, 0, 0, 0, -1},
            {0, 1, 0, 0, 0, 0, 0, 0}};
    }

    /** The network of {@link #rule110()}: a 5-cell window (d1, l, c, r, d2) → 2 hidden gates → 1 output, with bias. */
    public static BtfNetwork rule110Network() {
        return BtfNetwork.layered(5, new int[] {2}, 1, true);
    }

    /**
     * Rule 110 as (c ∨ r) ∧ ¬(l ∧ c ∧ r): hidden 1 = c ∨ r, hidden 2 = l ∧ c ∧ r, output = hidden 1 ∧ ¬hidden 2; the
     * two distractor cells d1, d2 get weight 0.
     */
    public static double[][] rule110() {
        return new double[][] {
            {0, 0, 1, 1, 0, 1},
            {0, 1, 1, 1, 0, -2},
            {1, -1, -1}};
    }
}
