package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RrrTest {

    private static final TruthTable AND = TruthTable.of(2, x -> new double[] {x[0] > 0 && x[1] > 0 ? 1 : -1});

    @Test
    void findsTheIntersectionOfTwoLines() {
        // A: the line y = 0; B: the line y = 2x − 2. They meet at (1, 0).
        Projection a = (z, out) -> {
            out[0] = z[0];
            out[1] = 0;
        };
        Projection b = (z, out) -> {
            double t = (z[0] + 2 * (z[1] + 2)) / 5;              // nearest point of {(t, 2t − 2)}
            out[0] = t;
            out[1] = 2 * t - 2;
        };
        Rrr.Result r = Rrr.builder().setA(a).setB(b).optBeta(0.5).optMaxIterations(10_000).optTolerance(1e-12)
                .build().solve(new double[] {-3, 5});
        assertTrue(r.converged());
        assertArrayEquals(new double[] {1, 0}, r.solutionA(), 1e-10);
        assertTrue(r.errors()[0] > r.finalError());
    }

    @Test
    void fixedPointOnATinyBtfInstanceIsASolution() {
        // One BTF node with a bias learns AND with normalised margin 0.9 (the best possible is 1: w = (1, 1, −1)).
        BtfNetwork net = BtfNetwork.layered(2, new int[] {}, 1, true);
        DivideAndConcur dc = DivideAndConcur.builder().setNetwork(net).setTable(AND).optMargin(0.9)
                .optWeightScale(2).build();
        Rrr rrr = Rrr.builder().setA(dc.divide()).setB(dc.concur()).optTolerance(1e-11).build();
        Rrr.Result r = rrr.solve(dc.randomStart(new SplittableRandom(7)));
        assertTrue(r.converged());
        double[] x = r.solutionA();
        // The fixed point lies in A and in B: both projections leave it (nearly) where it is.
        assertArrayEquals(x, dc.divide().apply(x), 1e-9);
        assertArrayEquals(x, dc.concur().apply(x), 1e-9);
        double[][] w = dc.weightsOfFirstReplica(x);
        assertTrue(net.computes(w, AND));
        assertTrue(net.margin(w, AND) >= 0.9 - 1e-9);
    }

    @Test
    void solverLearnsXorThroughAHiddenLayer() {
        // XOR needs two hidden BTF units; RRR on the Boolean divide-and-concur formulation finds such a network.
        TruthTable xor = TruthTable.of(2, x -> new double[] {x[0] * x[1] < 0 ? 1 : -1});
        BtfNetwork net = BtfNetwork.layered(2, new int[] {2}, 1, true);
        BtfSolver solver = BtfSolver.builder().setNetwork(net).optMaxIterations(3000).build();
        int solved = 0;
        for (BtfSolver.Result r : solver.solve(xor, 5, new SplittableRandom(13))) {
            if (r.solved()) {
                solved++;
                assertTrue(net.computes(r.weights(), xor));
            }
        }
        assertTrue(solved >= 3, solved + " of 5 restarts solved XOR");
    }

    @Test
    void restartsAreIndependentAndSeeded() {
        BtfNetwork net = BtfNetwork.layered(2, new int[] {}, 1, true);
        DivideAndConcur dc = DivideAndConcur.builder().setNetwork(net).setTable(AND).build();
        Rrr rrr = Rrr.builder().setA(dc.divide()).setB(dc.concur()).build();
        List<Rrr.Result> one = rrr.solve(3, dc::randomStart, new SplittableRandom(8));
        List<Rrr.Result> two = rrr.solve(3, dc::randomStart, new SplittableRandom(8));
        assertEquals(3, one.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(one.get(i).errors(), two.get(i).errors(), 0.0);
        }
        assertFalse(one.get(0).errors()[0] == one.get(1).errors()[0]);
    }
}
