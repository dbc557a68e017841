package org.reprolab.papers.g2gnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void consecutiveUnitsFormBalancedEnsembles() {
        int[] sizes = new int[4];
        for (int i = 0; i < 10; i++) {
            sizes[Masks.ensembleOf(i, 10, 4)]++;
        }
        assertArrayEquals(new int[] {3, 2, 3, 2}, sizes);
        assertEquals(0, Masks.ensembleOf(0, 784, 4));
        assertEquals(3, Masks.ensembleOf(783, 784, 4));
        assertEquals(1, Masks.ensembleOf(196, 784, 4));
    }

    @Test
    void everyEnsembleHasKParentsAndKChildren() {
        for (int[] gk : new int[][] {{4, 1}, {4, 2}, {8, 2}, {8, 3}, {5, 5}}) {
            int[][] parents = Masks.g2gParents(gk[0], gk[1], 11);
            int[] children = new int[gk[0]];
            for (int[] p : parents) {
                assertEquals(gk[1], p.length);
                assertEquals(gk[1], Arrays.stream(p).distinct().count(), "parents must be distinct");
                for (int q : p) {
                    children[q]++;
                }
            }
            for (int c : children) {
                assertEquals(gk[1], c, "each input ensemble feeds exactly k output ensembles");
            }
        }
    }

    @Test
    void g2gMaskIsWholeBlocksWithSparsityOneMinusKOverG() {
        int out = 512;
        int in = 784;
        for (int[] gk : new int[][] {{4, 1}, {4, 2}, {8, 2}, {2, 1}}) {
            int g = gk[0];
            int k = gk[1];
            float[] m = Masks.g2g(out, in, g, k, 5);
            assertEquals(1 - (double) k / g, Masks.sparsity(m), 1e-12, "G=" + g + ", k=" + k);
            int[][] parents = Masks.g2gParents(g, k, 5);
            for (int j = 0; j < out; j++) {
                int gj = Masks.ensembleOf(j, out, g);
                for (int i = 0; i < in; i++) {
                    int gi = Masks.ensembleOf(i, in, g);
                    boolean expected = Arrays.stream(parents[gj]).anyMatch(p -> p == gi);
                    assertEquals(expected ? 1f : 0f, m[j * in + i], "entry (" + j + ", " + i + ")");
                }
            }
        }
    }

    @Test
    void smallG2gMaskIsAPermutedBlockDiagonal() {
        // 4 outputs, 6 inputs, G = 2, k = 1: output ensemble {0,1} reads one input ensemble ({0,1,2} or
        // {3,4,5}) and output ensemble {2,3} the other.
        float[] m = Masks.g2g(4, 6, 2, 1, 3);
        float[] straight = {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1};
        float[] crossed = {0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0};
        assertTrue(Arrays.equals(m, straight) || Arrays.equals(m, crossed), Arrays.toString(m));
        // Some seed gives each of the two wirings.
        boolean sawStraight = false;
        boolean sawCrossed = false;
        for (long s = 0; s < 20; s++) {
            float[] ms = Masks.g2g(4, 6, 2, 1, s);
            sawStraight |= Arrays.equals(ms, straight);
            sawCrossed |= Arrays.equals(ms, crossed);
        }
        assertTrue(sawStraight && sawCrossed);
    }

    @Test
    void randomMaskHasExactlyTheRequestedEdgesAndDependsOnlyOnItsSeed() {
        float[] a = Masks.random(512, 784, 0.25, 9);
        assertEquals(0.75, Masks.sparsity(a), 1e-12);
        assertArrayEquals(a, Masks.random(512, 784, 0.25, 9));
        assertFalse(Arrays.equals(a, Masks.random(512, 784, 0.25, 10)));
        assertEquals(0.0, Masks.sparsity(Masks.random(3, 5, 1.0, 1)), 0);
        assertEquals(1.0, Masks.sparsity(Masks.random(3, 5, 0.0, 1)), 0);
    }

    @Test
    void randomMaskFallsInsideTheG2gBlocksAtRateKOverG() {
        float[] g2g = Masks.g2g(512, 784, 4, 1, 1);
        assertEquals(1.0, Masks.fractionInside(g2g, g2g), 0);
        float[] random = Masks.random(512, 784, 0.25, 2);
        // 100,352 edges, each inside with probability 1/4: σ = √(0.25·0.75/100352) ≈ 0.0014; allow 5σ.
        assertEquals(0.25, Masks.fractionInside(random, g2g), 0.007);
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThrows(IllegalArgumentException.class, () -> Masks.g2gParents(4, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> Masks.g2gParents(4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Masks.random(0.5 + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Masks.g2g(3, 10, 4, 1, 0));
    }
}
