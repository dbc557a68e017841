package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StraightThroughTest {

    private static double[][] zerosLike(double[][] w) {
        double[][] g = new double[w.length][];
        for (int j = 0; j < w.length; j++) {
            g[j] = new double[w[j].length];
        }
        return g;
    }

    @Test
    void singleLayerGradientEqualsFiniteDifferences() {
        // Without hidden units there is no sign to pass through: the loss is smooth and the gradient exact.
        BtfNetwork net = BtfNetwork.layered(3, new int[] {}, 2, true);
        TruthTable t = TruthTable.of(3, x -> new double[] {x[0] > 0 || x[1] > 0 ? 1 : -1, x[2]});
        SplittableRandom rng = new SplittableRandom(9);
        double[][] w = new double[2][4];
        for (double[] row : w) {
            for (int i = 0; i < 4; i++) {
                row[i] = rng.nextDouble() - 0.5;
            }
        }
        double[][] g = zerosLike(w);
        StraightThrough.lossAndGradient(net, w, t, g, null);
        double h = 1e-6;
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 4; i++) {
                double keep = w[j][i];
                w[j][i] = keep + h;
                double up = StraightThrough.lossAndGradient(net, w, t, zerosLike(w), null);
                w[j][i] = keep - h;
                double down = StraightThrough.lossAndGradient(net, w, t, zerosLike(w), null);
                w[j][i] = keep;
                assertEquals((up - down) / (2 * h), g[j][i], 1e-8);
            }
        }
    }

    @Test
    void hiddenGradientFollowsTheStraightThroughRule() {
        // One row x = (1, −1), target t = +1; hidden a1 = u·(x, 1), h = sgn a1; output a2 = v·(h, 1).
        // dL/du = −2 (1 − t a2) t · v0 · 1{|a1| ≤ 1} · (x, 1) with L = max(0, 1 − t a2)².
        BtfNetwork net = BtfNetwork.layered(2, new int[] {1}, 1, true);
        TruthTable row = new TruthTable(new double[][] {{1, -1}}, new double[][] {{1}});
        double[] u = {0.3, 0.2, -0.4};                            // a1 = 0.3 − 0.2 − 0.4 = −0.3: inside the window
        double[] v = {0.5, 0.1};                                  // a2 = −0.5 + 0.1 = −0.4
        double[][] g = {new double[3], new double[2]};
        double loss = StraightThrough.lossAndGradient(net, new double[][] {u, v}, row, g, null);
        double slack = 1 - (-0.4);
        assertEquals(slack * slack, loss, 1e-15);
        double upstream = -2 * slack * 1 * v[0];
        assertEquals(upstream * 1, g[0][0], 1e-15);
        assertEquals(upstream * -1, g[0][1], 1e-15);
        assertEquals(upstream, g[0][2], 1e-15);
        assertEquals(-2 * slack * -1, g[1][0], 1e-15);           // dL/dv0 = −2 slack t h, h = −1
        assertEquals(-2 * slack, g[1][1], 1e-15);

        double[] far = {2, 0.2, -0.4};                            // a1 = 1.4: outside the window, no gradient
        StraightThrough.lossAndGradient(net, new double[][] {far, v}, row, g, null);
        assertEquals(0, g[0][0], 0.0);
        assertEquals(0, g[0][2], 0.0);
    }

    @Test
    void learnsAndExactly() {
        BtfNetwork net = BtfNetwork.layered(2, new int[] {}, 1, true);
        TruthTable and = TruthTable.of(2, x -> new double[] {x[0] > 0 && x[1] > 0 ? 1 : -1});
        StraightThrough.Result r = StraightThrough.builder().setNetwork(net).optLearningRate(0.05).optPasses(2000)
                .build().train(and, new SplittableRandom(10));
        assertTrue(r.solved());
        assertTrue(net.computes(r.weights(), and));
    }
}
