package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BtfNetworkTest {

    @Test
    void handWiredXorComputesXorWithMarginOne() {
        // h1 = x0 OR x1, h2 = NAND(x0, x1), out = h1 AND h2 (+1 = true): ±1 weights, each gate has margin 1.
        BtfNetwork net = BtfNetwork.layered(2, new int[] {2}, 1, true);
        double[][] w = {{1, 1, 1}, {-1, -1, 1}, {1, 1, -1}};
        TruthTable xor = TruthTable.of(2, x -> new double[] {x[0] * x[1] < 0 ? 1 : -1});
        assertTrue(net.computes(w, xor));
        assertEquals(1, net.margin(w, xor), 1e-15);
        double[][] half = {{1, 0.5, 1}, {-1, -1, 1}, {1, 1, -1}};               // h1 = x0 OR x1 still, margin 0.5
        assertTrue(net.computes(half, xor));
        assertEquals(0.5, net.margin(half, xor), 1e-15);
    }

    @Test
    void multiplierTableMultiplies() {
        TruthTable m = TruthTable.multiplier(2);
        assertEquals(16, m.rows());
        // Row r holds a = r mod 4 (bits 0,1) and b = r div 4 (bits 2,3): 3 × 2 = 6 at r = 3 + 4·2 = 11.
        assertArrayEquals(TruthTable.bits(3, 2), java.util.Arrays.copyOfRange(m.input(11), 0, 2), 0.0);
        assertArrayEquals(TruthTable.bits(6, 4), m.output(11), 0.0);
        assertArrayEquals(TruthTable.bits(9, 4), m.output(15), 0.0);
    }

    @Test
    void cellularAutomatonTableAppliesTheRuleToTheMiddleThreeCells() {
        TruthTable ca = TruthTable.cellularAutomaton(110, 5);
        assertEquals(32, ca.rows());
        for (int r = 0; r < 32; r++) {
            int index = (ca.input(r)[1] > 0 ? 4 : 0) + (ca.input(r)[2] > 0 ? 2 : 0) + (ca.input(r)[3] > 0 ? 1 : 0);
            assertEquals(((110 >> index) & 1) == 1 ? 1 : -1, ca.output(r)[0], 0.0);
        }
    }

    @Test
    void builderRejectsForwardReferences() {
        BtfNetwork.Builder b = BtfNetwork.builder().setInputs(2);
        b.addNode(0, 3);
        assertThrows(IllegalArgumentException.class, () -> b.setOutputs(0).build());
    }
}
