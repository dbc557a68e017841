package org.reprolab.papers.nsdim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.papers.nsdim.RandomFeatures.Activation;

class NumericalSpanTest {

    @Test
    void chebyshevPointsAreTheCosinesOfEquallySpacedAngles() {
        double[] x = RandomFeatures.chebyshevPoints(3);
        assertEquals(Math.sqrt(3) / 2, x[0], 1e-15);
        assertEquals(0, x[1], 1e-15);
        assertEquals(-Math.sqrt(3) / 2, x[2], 1e-15);
    }

    @Test
    void sigmoidIsHalfOfOnePlusTanhOfHalfTheArgument() {
        for (double z : new double[] {-3, -0.2, 0, 1.5, 7}) {
            assertEquals((1 + Math.tanh(z / 2)) / 2, Activation.SIGMOID.apply(z), 1e-15);
        }
    }

    @Test
    void tinyBoundsSpanTheTaylorPolynomialsOrderByOrder() {
        // tanh(wx + b) = (wx + b) − (wx + b)³/3 + O(B⁵): with B = 1e−3 the features span {1, x} to relative
        // accuracy B² ≈ 1e−6, and {1, x, x², x³} to relative accuracy B⁴ ≈ 1e−12.
        double[] x = RandomFeatures.chebyshevPoints(200);
        double[][] p = RandomFeatures.parameters(50, 1e-3, new SplittableRandom(5));
        double[] s = NumericalSpan.spectrum(RandomFeatures.columns(Activation.TANH, p, x));
        assertEquals(1, s[0], 0);
        assertEquals(2, NumericalSpan.dimension(s, 1e-5));
        assertEquals(4, NumericalSpan.dimension(s, 1e-9));
    }

    @Test
    void theDimensionSaturatesWithWidthAndGrowsWithTheBound() {
        double[] x = RandomFeatures.chebyshevPoints(300);
        SplittableRandom rng = new SplittableRandom(7);
        int narrow = dimension(RandomFeatures.parameters(200, 1, rng), x);
        int wide = dimension(RandomFeatures.parameters(400, 1, rng), x);
        int wider = dimension(RandomFeatures.parameters(400, 5, rng), x);
        assertTrue(Math.abs(wide - narrow) <= 2, narrow + " then " + wide);
        assertTrue(wider > wide + 10, wide + " at B = 1, " + wider + " at B = 5");
    }

    @Test
    void anElmFitsAFunctionInsideTheSpanToRoundOff() {
        // The target is itself one of the features: the least-squares fit is exact up to round-off.
        double[][] p = RandomFeatures.parameters(40, 1, new SplittableRandom(9));
        double w = p[3][0];
        double b = p[3][1];
        double rmse = NumericalSpan.elmRmse(Activation.TANH, p, t -> Math.tanh(w * t + b),
                RandomFeatures.chebyshevPoints(100), RandomFeatures.evenPoints(77), 1e-13);
        assertTrue(rmse < 1e-10, "rmse " + rmse);
    }

    private static int dimension(double[][] parameters, double[] x) {
        return NumericalSpan.dimension(NumericalSpan.spectrum(RandomFeatures.columns(Activation.TANH, parameters, x)),
                1e-10);
    }
}
