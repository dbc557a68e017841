package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DivideAndConcurTest {

    /** x0 XOR x1 (true when they differ). */
    private static final TruthTable XOR = TruthTable.of(2, x -> new double[] {x[0] * x[1] < 0 ? 1 : -1});

    private static DivideAndConcur formulation(BtfNetwork net, double margin, double rho, boolean bool) {
        return DivideAndConcur.builder().setNetwork(net).setTable(XOR).optMargin(margin).optWeightScale(rho)
                .optBooleanInputs(bool).build();
    }

    private static double[] randomPoint(int n, SplittableRandom rng) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = 4 * rng.nextDouble() - 2;
        }
        return z;
    }

    private static double dist2(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return d;
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void concurIsIdempotentAndMakesCopiesAgree() {
        BtfNetwork net = BtfNetwork.layered(2, new int[] {3}, 1, true);
        for (boolean bool : new boolean[] {true, false}) {
            DivideAndConcur dc = formulation(net, 0.5, 1.5, bool);
            Projection pb = dc.concur();
            double[] b = pb.apply(randomPoint(dc.size(), new SplittableRandom(4)));
            assertArrayEquals(b, pb.apply(b), 1e-12);
            for (int j = 0; j < net.nodes(); j++) {
                double[] w0 = Arrays.copyOfRange(b, dc.blockOffset(0, j), dc.blockOffset(0, j) + net.fanIn(j));
                for (int i = 0; i < w0.length - 1; i++) {
                    assertTrue(Math.abs(w0[i]) <= 1.5);                    // input weights in the box
                }
                for (int r = 1; r < XOR.rows(); r++) {
                    assertArrayEquals(w0, Arrays.copyOfRange(b, dc.blockOffset(r, j),
                            dc.blockOffset(r, j) + net.fanIn(j)), 0.0);
                }
            }
            for (int r = 0; r < XOR.rows(); r++) {
                for (int j = 0; j < 3; j++) {                              // hidden y equals its downstream copy
                    double y = b[dc.blockOffset(r, j) + 3];
                    assertEquals(y, b[dc.blockOffset(r, 3) + 4 + j], 0.0);
                    if (bool) {
                        assertEquals(1, Math.abs(y), 0.0);
                    }
                }
                assertEquals(XOR.output(r)[0], b[dc.blockOffset(r, 3) + 7], 0.0);   // output clamped
            }
        }
    }

    @Test
    void concurIsTheNearestPointAgainstBruteForce() {
        // 2 inputs → 1 hidden node → 1 output, with bias, 4 replicas. B is a product of: each weight (4 copies,
        // one common value, input weights in [−ρ, ρ], bias free), the hidden value (y and its downstream copy,
        // one common ±1 value), and the clamped output value. Brute force: a grid for each weight, both signs
        // for each value.
        BtfNetwork net = BtfNetwork.layered(2, new int[] {1}, 1, true);
        DivideAndConcur dc = formulation(net, 0.5, 0.8, true);
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < 20; t++) {
            double[] z = randomPoint(dc.size(), rng);
            double ours = dist2(z, dc.concur().apply(z));
            double brute = 0;
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < net.fanIn(j); i++) {
                    boolean isBias = i == net.fanIn(j) - 1;
                    double best = Double.POSITIVE_INFINITY;
                    for (int k = -30_000; k <= 30_000; k++) {
                        double v = k * 1e-4;                              // grid over [−3, 3]
                        if (!isBias && Math.abs(v) > 0.8) {
                            continue;
                        }
                        double c = 0;
                        for (int r = 0; r < 4; r++) {
                            c += sq(v - z[dc.blockOffset(r, j) + i]);
                        }
                        best = Math.min(best, c);
                    }
                    brute += best;
                }
            }
            for (int r = 0; r < 4; r++) {
                int yHidden = dc.blockOffset(r, 0) + 3;
                int copy = dc.blockOffset(r, 1) + 2;
                int yOut = dc.blockOffset(r, 1) + 3;
                double plus = sq(1 - z[yHidden]) + sq(1 - z[copy]);
                double minus = sq(-1 - z[yHidden]) + sq(-1 - z[copy]);
                brute += Math.min(plus, minus) + sq(XOR.output(r)[0] - z[yOut]);
            }
            assertTrue(ours <= brute + 1e-9, "brute force found a nearer point");
            assertEquals(brute, ours, 1e-6);
        }
    }

    @Test
    void divideIsIdempotentAndSatisfiesEveryBlock() {
        BtfNetwork net = BtfNetwork.layered(2, new int[] {3}, 1, true);
        for (boolean bool : new boolean[] {true, false}) {
            DivideAndConcur dc = formulation(net, 0.4, 2.0, bool);
            Projection pa = dc.divide();
            double[] a = pa.apply(randomPoint(dc.size(), new SplittableRandom(6)));
            assertArrayEquals(a, pa.apply(a), 1e-9);
            double c = 0.4 * 2.0;
            for (int r = 0; r < XOR.rows(); r++) {
                for (int j = 0; j < 3; j++) {                          // hidden: inputs are data and bias
                    int o = dc.blockOffset(r, j);
                    double pre = a[o] * XOR.input(r)[0] + a[o + 1] * XOR.input(r)[1] + a[o + 2];
                    assertEquals(1, Math.abs(a[o + 3]), 0.0);
                    assertTrue(a[o + 3] * pre >= c - 1e-9);
                }
                int o = dc.blockOffset(r, 3);                          // output: three copies and a bias
                double pre = a[o] * a[o + 4] + a[o + 1] * a[o + 5] + a[o + 2] * a[o + 6] + a[o + 3];
                assertEquals(XOR.output(r)[0], a[o + 7], 0.0);         // clamped to the target in A too
                assertTrue(a[o + 7] * pre >= c - 1e-9);
                if (bool) {
                    for (int k = 4; k < 7; k++) {
                        assertEquals(1, Math.abs(a[o + k]), 0.0);
                    }
                }
            }
        }
    }
}
