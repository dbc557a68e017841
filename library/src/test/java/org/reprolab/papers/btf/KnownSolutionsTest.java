package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnownSolutionsTest {

    @Test
    void handBuiltMultiplierIsExactWithMarginOne() {
        BtfNetwork net = KnownSolutions.multiplier2Network();
        TruthTable table = TruthTable.multiplier(2);
        assertTrue(net.computes(KnownSolutions.multiplier2(), table));
        assertEquals(1, net.margin(KnownSolutions.multiplier2(), table), 1e-15);
    }

    @Test
    void handBuiltRule110IsExactWithMarginOneAndIgnoresTheDistractors() {
        BtfNetwork net = KnownSolutions.rule110Network();
        double[][] w = KnownSolutions.rule110();
        TruthTable table = TruthTable.cellularAutomaton(110, 5);
        assertTrue(net.computes(w, table));
        assertEquals(1, net.margin(w, table), 1e-15);
        for (int j = 0; j < 2; j++) {
            assertEquals(0, w[j][0], 0.0);
            assertEquals(0, w[j][4], 0.0);
        }
    }
}
