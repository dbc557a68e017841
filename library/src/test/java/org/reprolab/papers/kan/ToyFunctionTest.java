package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class ToyFunctionTest {

    @Test
    void besselJ0MatchesTabulatedValues() {
        // Abramowitz and Stegun Table 9.1 / standard values.
        assertEquals(1, ToyFunction.besselJ0(0), 1e-15);
        assertEquals(0.7651976865579666, ToyFunction.besselJ0(1), 1e-14);
        assertEquals(0.2238907791412357, ToyFunction.besselJ0(2), 1e-14);
        assertEquals(-0.2459357644513483, ToyFunction.besselJ0(10), 1e-14);
        assertEquals(0.1670246643405831, ToyFunction.besselJ0(20), 1e-14);
        assertEquals(0, ToyFunction.besselJ0(2.404825557695773), 1e-14);          // first zero
        assertEquals(ToyFunction.besselJ0(7.3), ToyFunction.besselJ0(-7.3), 0);
    }

    @Test
    void toyFunctionsHaveThePapersFormulas() {
        assertEquals(Math.exp(Math.sin(Math.PI * 0.3) + 0.25), ToyFunction.expSinSquare().apply(0.3, 0.5), 1e-15);
        assertEquals(-0.12, ToyFunction.product().apply(0.3, -0.4), 1e-15);
        assertEquals(Math.exp(0.5 * (Math.sin(Math.PI * 0.5) + Math.sin(Math.PI * 0.25))),
                ToyFunction.fourD().apply(0.5, 0.5, 0.5, 0), 1e-15);
        assertEquals(Math.exp(0.5), ToyFunction.expMeanSin(2).apply(1, 0), 1e-15);
    }

    @Test
    void samplesAreUniformOnTheCubeAndReproducible() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray[] a = ToyFunction.product().sample(m, 2000, new SplittableRandom(3));
            NDArray[] b = ToyFunction.product().sample(m, 2000, new SplittableRandom(3));
            assertArrayEquals(a[0].toDoubleArray(), b[0].toDoubleArray(), 0);
            double[] x = a[0].toDoubleArray();
            double mean = 0;
            for (double v : x) {
                assertEquals(0, v, 1);
                mean += v / x.length;
            }
            assertEquals(0, mean, 0.03);
            double[] y = a[1].toDoubleArray();
            assertEquals(x[0] * x[1], y[0], 1e-15);
        }
    }
}
