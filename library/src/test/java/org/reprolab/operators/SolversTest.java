package org.reprolab.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.math.LinearAlgebra;

class SolversTest {

    @Test
    void poissonIsExactOnDiscreteEigenvectorsAndSecondOrderOnSine() {
        int n = 31;
        double[] x = Poisson1d.nodes(n);
        double[] f = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.sin(3 * Math.PI * x[i]);
            f[i] = Poisson1d.eigenvalue(n, 3) * e[i];
        }
        assertArrayEquals(e, Poisson1d.solve(f), 1e-12);
        // −u″ = π² sin(πx) has u = sin(πx); the scheme's error is O(h²): quartering it when h halves.
        double e1 = sineError(31);
        double e2 = sineError(63);
        assertEquals(4, e1 / e2, 0.1);
    }

    private static double sineError(int n) {
        double[] x = Poisson1d.nodes(n);
        double[] f = new double[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.sin(Math.PI * x[i]);
            f[i] = Math.PI * Math.PI * u[i];
        }
        return Resample.relativeL2(Poisson1d.solve(f), u);
    }

    @Test
    void darcyMatchesADenseSolveOfTheSameStencil() {
        int n = 7;
        SplittableRandom rng = new SplittableRandom(3);
        double[][] a = RandomFields.thresholdedField(n, 4, 2, 3, 3, 12, rng);
        double[][] f = new double[n][n];
        for (double[] row : f) {
            java.util.Arrays.fill(row, 1);
        }
        double[][] u = Darcy2d.solve(a, f);
        assertTrue(Darcy2d.residual(a, f, u) < 1e-10);
        // Oracle: assemble the same five-point matrix densely and solve by LU.
        int size = n * n;
        double[][] dense = new double[size][size];
        double inv = (n + 1.0) * (n + 1.0);
        int[][] nb = {{0, -1}, {0, 1}, {-1, 0}, {1, 0}};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int[] d : nb) {
                    int ii = i + d[0];
                    int jj = j + d[1];
                    boolean inside = ii >= 0 && ii < n && jj >= 0 && jj < n;
                    double w = inside ? 2 * a[i][j] * a[ii][jj] / (a[i][j] + a[ii][jj]) : a[i][j];
                    dense[i * n + j][i * n + j] += w * inv;
                    if (inside) {
                        dense[i * n + j][ii * n + jj] -= w * inv;
                    }
                }
            }
        }
        double[] rhs = new double[size];
        java.util.Arrays.fill(rhs, 1);
        double[] oracle = LinearAlgebra.solve(dense, rhs);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(oracle[i * n + j], u[i][j], 1e-12);
            }
        }
    }

    @Test
    void darcyWithUnitCoefficientIsExactOnAnEigenvector() {
        int n = 15;
        double[] y = Poisson1d.nodes(n);
        double[][] a = new double[n][n];
        double[][] f = new double[n][n];
        double lam = Poisson1d.eigenvalue(n, 1) + Poisson1d.eigenvalue(n, 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 1;
                f[i][j] = lam * Math.sin(2 * Math.PI * y[i]) * Math.sin(Math.PI * y[j]);
            }
        }
        double[][] u = Darcy2d.solve(a, f);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(Math.sin(2 * Math.PI * y[i]) * Math.sin(Math.PI * y[j]), u[i][j], 1e-12);
            }
        }
    }

    @Test
    void heatDecaysEachModeByItsExponentAndFourierInterpolationIsExactForBandLimited() {
        PeriodicField u0 = new PeriodicField(new double[] {0, 1}, new double[] {1, 0});
        PeriodicField ut = u0.heat(0.01, 1);
        assertEquals(Math.exp(-4 * Math.PI * Math.PI * 0.01), ut.sin()[0], 1e-15);
        assertEquals(Math.exp(-16 * Math.PI * Math.PI * 0.01), ut.cos()[1], 1e-15);
        PeriodicField g = PeriodicField.gaussian(5, 2, 3, new SplittableRandom(1));
        assertArrayEquals(g.sample(64), Resample.fourier(g.sample(16), 64), 1e-12);
        assertArrayEquals(g.sample(16), Resample.subsample(g.sample(64), 4), 1e-15);
    }
}
