package org.reprolab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    @Test
    void minimisesTheRosenbrockFunction() {
        Lbfgs.Objective rosen = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        Lbfgs.State s = Lbfgs.builder().build().start(rosen, new double[] {-1.2, 1});
        for (int i = 0; i < 200 && s.step(); i++) {
            // iterate
        }
        assertArrayEquals(new double[] {1, 1}, s.x(), 1e-6);
        assertTrue(s.iterations() < 100, "iterations " + s.iterations());
    }

    @Test
    void solvesAConvexQuadratic() {
        int n = 10;
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1 + i;                                     // condition number 10
            b[i] = Math.sin(i + 1);
        }
        Lbfgs.Objective q = (x, g) -> {
            double f = 0;
            for (int i = 0; i < n; i++) {
                g[i] = a[i][i] * x[i] - b[i];
                f += 0.5 * a[i][i] * x[i] * x[i] - b[i] * x[i];
            }
            return f;
        };
        Lbfgs.State s = Lbfgs.builder().build().start(q, new double[n]);
        for (int i = 0; i < 100 && s.step(); i++) {
            // iterate
        }
        // f is only resolved to ~1e-16, so x to ~√1e-16: the line search cannot see finer progress.
        for (int i = 0; i < n; i++) {
            assertEquals(b[i] / a[i][i], s.x()[i], 1e-7);
        }
    }

    @Test
    void cubicInterpolationFindsTheMinimiserOfACubic() {
        // f(x) = x³ − 3x has its local minimum at x = 1; the cubic through (0, 0, −3) and (2, 2, 9) is f itself.
        assertEquals(1, Lbfgs.cubicMin(0, 0, -3, 2, 2, 9, 0, 2), 1e-12);
        assertEquals(1, Lbfgs.cubicMin(2, 2, 9, 0, 0, -3, 0, 2), 1e-12);
        // Clamped to the bounds.
        assertEquals(0.5, Lbfgs.cubicMin(0, 0, -3, 2, 2, 9, 0, 0.5), 1e-12);
    }

    @Test
    void stopsAtAStationaryPointAndSaysWhy() {
        Lbfgs.State s = Lbfgs.builder().build().start((x, g) -> {
            g[0] = 0;
            return 1;
        }, new double[] {3});
        assertTrue(!s.step());
        assertEquals("gradient below tolerance", s.stopReason());
    }

    @Test
    void rejectsInconsistentWolfeConstants() {
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.builder().optWolfe(0.9, 0.1).build());
    }
}
