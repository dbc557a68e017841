package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GateRoundingTest {

    private static final double RHO = 6;

    @Test
    void gatesScaledByRhoAreGateNetworksAtDistanceZero() {
        BtfNetwork net = KnownSolutions.rule110Network();
        double[][] w = scaled(KnownSolutions.rule110(), RHO);
        GateRounding g = GateRounding.of(net, w, RHO, TruthTable.cellularAutomaton(110, 5));
        assertEquals(0, g.largestDistance(), 0.0);
        assertTrue(g.isGateNetwork(1e-12));
        assertEquals(12, g.normalised().length);                         // 5 + 5 input weights, then 2 for the output
        assertEquals(5.0 / 12, g.zeroFraction(), 1e-15);                 // d1, l, d2 of hidden 1; d1, d2 of hidden 2
        assertArrayEquals(w[0], g.rounded()[0], 0.0);
    }

    @Test
    void smallPerturbationsRoundBackAndLargeOnesDoNot() {
        BtfNetwork net = KnownSolutions.rule110Network();
        TruthTable table = TruthTable.cellularAutomaton(110, 5);
        double[][] w = scaled(KnownSolutions.rule110(), RHO);
        w[0][0] += 0.04 * RHO;                                           // a distractor weight, 0.04ρ off
        w[1][2] -= 0.03 * RHO;
        GateRounding near = GateRounding.of(net, w, RHO, table);
        assertEquals(0.04, near.largestDistance(), 1e-12);
        assertEquals(0.07 / 12, near.meanDistance(), 1e-12);
        assertTrue(near.isGateNetwork(0.05));
        assertFalse(near.isGateNetwork(0.03));
        w[0][0] = 0.3 * RHO;                                              // now far from {0, ±ρ}
        assertFalse(GateRounding.of(net, w, RHO, table).isGateNetwork(0.05));
    }

    @Test
    void roundingThatBreaksTheTableIsNotAGateNetwork() {
        // Hidden 1 = c ∨ r with weights 0.4ρ on c and r and bias 0.3ρ is exact (margin 0.3ρ), but 0.4ρ rounds to 0,
        // which turns hidden 1 into a constant and breaks the table.
        BtfNetwork net = KnownSolutions.rule110Network();
        TruthTable table = TruthTable.cellularAutomaton(110, 5);
        double[][] w = scaled(KnownSolutions.rule110(), RHO);
        w[0] = new double[] {0, 0, 0.4 * RHO, 0.4 * RHO, 0, 0.3 * RHO};
        assertTrue(net.computes(w, table));
        GateRounding g = GateRounding.of(net, w, RHO, table);
        assertFalse(g.exactWhenRounded());
        assertFalse(g.isGateNetwork(1));
    }

    private static double[][] scaled(double[][] w, double rho) {
        double[][] s = new double[w.length][];
        for (int j = 0; j < w.length; j++) {
            s[j] = w[j].clone();
            for (int i = 0; i < s[j].length; i++) {
                s[j][i] *= rho;
            }
        }
        return s;
    }
}
