package org.reprolab.papers.sgntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignLimitTest {

    private static final double[] MS = {10, 100, 1000, 10_000};

    private static SignLimit study(int depth) {
        return SignLimit.study(Derivative.erf(2), 1, 0.1, depth, MS, 1, CircleInputs.point(0),
                CircleInputs.point(Math.PI / 8), CircleInputs.circle(8));
    }

    @Test
    void naiveDiagonalGrowsLikeMToTheDepth() {
        for (int depth = 1; depth <= 2; depth++) {
            SignLimit l = study(depth);
            assertEquals(depth, l.naiveSlope(), 0.02, "L = " + depth);
            assertTrue(Double.isInfinite(l.naiveSignDiagonal()));
            assertEquals(MS.length, l.rows().size());
        }
    }

    @Test
    void sgNtkApproachesTheFiniteSignLimitLikeOneOverM() {
        SignLimit l = study(1);
        assertTrue(Double.isFinite(l.signDiagonal()) && l.signDiagonal() > 0);
        assertEquals(l.signDiagonal(), l.rows().get(MS.length - 1).sgDiagonal(), 1e-3 * l.signDiagonal());
        assertEquals(0.01, l.shrink(), 0.005);                               // two decades of m: about 1/100
        assertEquals(l.deviationTo() / l.deviationFrom(), l.shrink(), 0);
    }

    @Test
    void columnsFollowTheRows() {
        SignLimit l = study(1);
        assertEquals(l.rows().get(2).naiveOff(), l.column(SignLimit.Row::naiveOff)[2], 0);
    }
}
