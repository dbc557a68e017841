package org.reprolab.papers.selu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeluConstantsTest {

    @Test
    void newtonSolutionAgreesWithTheClosedForms() {
        SeluConstants solved = SeluConstants.solve();
        double[] closed = SeluConstants.closedForm();
        assertEquals(closed[0], solved.lambda(), 1e-13);
        assertEquals(closed[1], solved.alpha(), 1e-13);
        assertTrue(solved.residual() < 1e-14, "residual " + solved.residual());
    }

    @Test
    void solutionIsAFixedPointOfTheMomentMap() {
        SeluConstants c = SeluConstants.solve();
        double[] out = new SeluMomentMap(c.lambda(), c.alpha()).apply(0, 1, 0, 1);
        assertEquals(0, out[0], 1e-14);
        assertEquals(1, out[1], 1e-14);
    }
}
