package org.reprolab.papers.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TeachersTest {

    @Test
    void hiddenGatesAreAndOrOfTwoOrThreeLiteralsWithIntegerThresholds() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 50; t++) {
            double[][] w = Teachers.randomGates(6, 3, rng);
            for (int j = 0; j < 3; j++) {
                int literals = 0;
                for (int i = 0; i < 6; i++) {
                    assertTrue(w[j][i] == 0 || Math.abs(w[j][i]) == 1);
                    literals += w[j][i] != 0 ? 1 : 0;
                }
                assertTrue(literals == 2 || literals == 3);
                assertEquals(literals - 1, Math.abs(w[j][6]), 0.0);          // AND or OR threshold
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(1, Math.abs(w[3][j]), 0.0);                      // signed majority
            }
            assertEquals(0, w[3][3], 0.0);
        }
    }

    @Test
    void anAndGateOfTwoLiteralsIsTrueOnAQuarterOfTheRows() {
        // A hidden unit with bias −1 and two literals is an AND: +1 on exactly 16 of the 64 rows.
        BtfNetwork net = BtfNetwork.layered(6, new int[] {3}, 1, true);
        SplittableRandom rng = new SplittableRandom(11);
        for (int t = 0; t < 50; t++) {
            double[][] w = Teachers.randomGates(6, 3, rng);
            TruthTable table = net.truthTable(w);
            for (int j = 0; j < 3; j++) {
                int literals = 0;
                for (int i = 0; i < 6; i++) {
                    literals += w[j][i] != 0 ? 1 : 0;
                }
                int on = 0;
                for (int r = 0; r < 64; r++) {
                    on += net.forward(w, table.input(r))[j] > 0 ? 1 : 0;
                }
                int expected = 64 >> literals;                                  // AND: all literals true
                assertEquals(w[j][6] < 0 ? expected : 64 - expected, on);      // OR: not all false
            }
        }
    }

    @Test
    void sameHiddenGatesIgnoresOrderAndNegationButNotOtherGates() {
        BtfNetwork net = BtfNetwork.layered(6, new int[] {3}, 1, true);
        double[][] w = Teachers.randomGates(6, 3, new SplittableRandom(5));
        TruthTable table = net.truthTable(w);
        double[][] permuted = {negate(w[2]), w[0], w[1], {-w[3][2], w[3][0], w[3][1], 0}};
        assertTrue(net.computes(permuted, table));
        assertTrue(Teachers.sameHiddenGates(net, w, permuted, table));
        double[][] other = w.clone();
        other[0] = new double[] {1, 1, 1, 1, 1, 1, 0};                        // a majority of six, not a gate of w
        assertFalse(Teachers.sameHiddenGates(net, w, other, table));
    }

    private static double[] negate(double[] v) {
        double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }
}
