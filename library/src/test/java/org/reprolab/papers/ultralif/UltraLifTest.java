package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class UltraLifTest {

    private static final double TAU = 0.9;
    /** A threshold never reached: no spikes, no resets, so the membrane is the bare LSE recursion. */
    private static final double NEVER = 1e9;

    private static double[][] random(int n, int steps, long seed, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][steps];
        for (double[] row : x) {
            for (int t = 0; t < steps; t++) {
                row[t] = r.nextDouble(lo, hi);
            }
        }
        return x;
    }

    private static NDArray currents(NDManager m, double[][] x) {
        return m.create(x).expandDims(2); // (B, T, 1)
    }

    @Test
    void membraneIsTheLinearLifInExponentialCoordinates() {
        // v = ε log X turns u = LSE_ε(v + log τ, I) into X_t = τ^{1/ε} X_{t−1} + e^{I_t/ε}, X_0 = 1: at ε = 1
        // exactly the linear LIF V_t = τ V_{t−1} + e^{I_t}.
        double[][] x = random(4, 12, 3, -1, 1);
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (double eps : new double[] {1.0, 0.5, 2.0}) {
                double[][] v = to2d(UltraLif.simulate(currents(m, x), TAU, eps, NEVER).get(1).squeeze(2));
                for (int b = 0; b < x.length; b++) {
                    double big = 1;
                    for (int t = 0; t < x[b].length; t++) {
                        big = Math.pow(TAU, 1 / eps) * big + Math.exp(x[b][t] / eps);
                        assertEquals(eps * Math.log(big), v[b][t], 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void tiedInputGivesErrorEpsilonLogTPlusOneExactly() {
        // I_t = t log τ ties the two LSE arguments of the tropical trajectory v_t = t log τ at every step;
        // then v^ε_t − v_t = ε ln(t + 1), linear in ε.
        int steps = 20;
        double[][] x = new double[1][steps];
        for (int t = 0; t < steps; t++) {
            x[0][t] = (t + 1) * Math.log(TAU);
        }
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (double eps : new double[] {1e-3, 0.1, 1}) {
                double[][] v = to2d(UltraLif.simulate(currents(m, x), TAU, eps, NEVER).get(1).squeeze(2));
                for (int t = 0; t < steps; t++) {
                    assertEquals(eps * Math.log(t + 2), v[0][t] - x[0][t], 1e-12);
                }
            }
        }
    }

    @Test
    void convergesToTheTropicalLifWithinTEpsilonLn2() {
        // Currents at least δ = 0.1 from the threshold θ = 0.5: the spikes agree and the trajectory error
        // stays within t·ε·ln 2 (plus reset terms ~ e^{−δ/ε}, negligible for ε ≤ δ/10).
        double theta = 0.5;
        double[][] x = random(64, 40, 11, -2, 2);
        for (double[] row : x) {
            for (int t = 0; t < row.length; t++) {
                if (Math.abs(row[t] - theta) < 0.1) {
                    row[t] = theta + Math.copySign(0.1 + Math.abs(row[t] - theta), row[t] - theta);
                }
            }
        }
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDList hard = TropicalLif.simulate(currents(m, x), TAU, theta);
            double[][] s0 = to2d(hard.get(0).squeeze(2));
            double[][] v0 = to2d(hard.get(1).squeeze(2));
            double previous = Double.POSITIVE_INFINITY;
            for (double eps : new double[] {1e-2, 3e-3, 1e-3, 1e-4}) {
                NDList soft = UltraLif.simulate(currents(m, x), TAU, eps, theta);
                double[][] s = to2d(soft.get(0).squeeze(2));
                double[][] v = to2d(soft.get(1).squeeze(2));
                double worst = 0;
                for (int b = 0; b < x.length; b++) {
                    for (int t = 0; t < x[b].length; t++) {
                        double err = Math.abs(v[b][t] - v0[b][t]);
                        assertTrue(err <= (t + 1) * eps * Math.log(2) + 1e-12, "error " + err + " at ε=" + eps);
                        assertEquals(s0[b][t], Math.rint(s[b][t]), 0, "spike differs at ε=" + eps);
                        worst = Math.max(worst, err);
                    }
                }
                assertTrue(worst < previous);
                previous = worst;
            }
        }
    }

    @Test
    void spikeGradientIsPositiveAndAtMostOneOverFourEpsilon() {
        // ∂s/∂I = σ'((u − θ)/ε)/ε · σ((I − v − log τ)/ε) ∈ (0, 1/(4ε)] at T = 1 (v = 0).
        double eps = 0.3;
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] iv = new double[401];
            for (int i = 0; i < iv.length; i++) {
                iv[i] = -4 + 0.02 * i;
            }
            NDArray in = m.create(iv).reshape(1, 1, iv.length);
            in.setRequiresGradient(true);
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                gc.backward(UltraLif.simulate(in, TAU, eps, 0).get(0).sum());
            }
            double[] g = in.getGradient().toDoubleArray();
            double max = 0;
            for (int i = 0; i < iv.length; i++) {
                double u = SoftMaxPlus.lse(Math.log(TAU), iv[i], eps);
                double s = 1 / (1 + Math.exp(-u / eps));
                double expected = s * (1 - s) / eps * SoftMaxPlus.weight(iv[i], Math.log(TAU), eps);
                assertEquals(expected, g[i], 1e-12);
                assertTrue(g[i] > 0);
                max = Math.max(max, g[i]);
            }
            assertTrue(max <= 1 / (4 * eps));
            // u = 0 needs I ≈ 0, where the LSE weight σ((0 − log τ)/ε) is 0.59: the maximum is about 0.59/(4ε)
            assertTrue(max > 0.5 / (4 * eps));
        }
    }

    @Test
    void blockLearnsEpsilonAndOnlyPlifLearnsTau() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            UltraLif lif = UltraLif.builder().build();
            UltraLif plif = UltraLif.plifBuilder().build();
            lif.initialize(m, DataType.FLOAT32, new Shape(2, 1, 3));
            plif.initialize(m, DataType.FLOAT32, new Shape(2, 1, 3));
            assertEquals(1.0, lif.epsilon(), 1e-6);
            assertEquals(0.9, lif.tau(), 1e-6);
            assertTrue(lif.getParameters().get("logEpsilon").requiresGradient());
            assertTrue(!lif.getParameters().get("logTau").requiresGradient());
            assertTrue(plif.getParameters().get("logTau").requiresGradient());
            assertEquals("UltraPLIF", plif.toString());
            lif.getParameters().get("logEpsilon").getArray().set(new float[] {(float) Math.log(1e-3)});
            assertEquals(0.1, lif.epsilon(), 1e-6); // clamped to [0.1, 20]
        }
        assertThrows(IllegalArgumentException.class, () -> UltraLif.builder().optTau(1f).build());
        assertThrows(IllegalArgumentException.class, () -> UltraLif.builder().optEpsilon(0f).build());
    }

    @Test
    void tropicalLifFollowsTheMaxPlusRecursionByHand() {
        double[][] x = {{0.5, -1, 1.2, 0.3, 0.2}};
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDList out = TropicalLif.simulate(currents(m, x), TAU, 1.0);
            double lt = Math.log(TAU);
            // v: max(0+lt, .5)=.5; max(.5+lt, −1)=.5+lt; 1.2 > θ → spike, v = 0; max(lt, .3)=.3; max(.3+lt, .2)
            double[] v = {0.5, 0.5 + lt, 0, 0.3, Math.max(0.3 + lt, 0.2)};
            assertArrayEquals(v, to2d(out.get(1).squeeze(2))[0], 1e-12);
            assertArrayEquals(new double[] {0, 0, 1, 0, 0}, to2d(out.get(0).squeeze(2))[0], 0);
            double[] sv = TropicalLif.step(0.5, 1.2, TAU, 1.0);
            assertArrayEquals(new double[] {1, 0}, sv, 0);
        }
    }

    static double[][] to2d(NDArray a) {
        long[] s = a.getShape().getShape();
        double[] flat = a.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] out = new double[(int) s[0]][(int) s[1]];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * out[i].length, out[i], 0, out[i].length);
        }
        return out;
    }

    @Test
    void spikeDerivativeAtOneStepIsTheClosedFormAndBelowOneOverFourEpsilon() {
        double[] current = {-3, -1, -0.1, 0, 0.5, 2};
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (double eps : new double[] {1, 0.3}) {
                double[] g = UltraLif.spikeDerivative(m.create(current).reshape(current.length, 1, 1), TAU, eps, 0);
                for (int i = 0; i < current.length; i++) {
                    double u = SoftMaxPlus.lse(Math.log(TAU), current[i], eps);
                    double s = 1 / (1 + Math.exp(-u / eps));
                    double want = s * (1 - s) / eps * SoftMaxPlus.weight(current[i], Math.log(TAU), eps);
                    assertEquals(want, g[i], 1e-12);
                    assertTrue(g[i] > 0 && g[i] <= 1 / (4 * eps));
                }
            }
        }
    }
}
