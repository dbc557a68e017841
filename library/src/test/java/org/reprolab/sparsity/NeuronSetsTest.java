package org.reprolab.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeuronSetsTest {

    @Test
    void jaccardOfHandPickedSets() {
        assertEquals(1.0 / 3, NeuronSets.jaccard(new boolean[] {true, true, false}, new boolean[] {false, true, true}),
                1e-15);
        assertEquals(1, NeuronSets.jaccard(new boolean[2], new boolean[2]), 0);
    }

    @Test
    void jaccardOfIndexSetsCountsSharedOverUnion() {
        assertEquals(2.0 / 4, NeuronSets.jaccard(Set.of(1, 2, 3), Set.of(2, 3, 4)), 1e-15);
        assertEquals(1, NeuronSets.jaccard(Set.of(), Set.of()), 0);
        assertEquals(0, NeuronSets.jaccard(Set.of(1), Set.of(2)), 0);
    }

    @Test
    void randomSubsetsHaveTheirSizeAndTheExpectedOverlap() {
        SplittableRandom rng = new SplittableRandom(3);
        double sum = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            boolean[] a = NeuronSets.random(200, 80, rng);
            assertEquals(80, NeuronSets.size(a));
            sum += NeuronSets.jaccard(a, NeuronSets.random(200, 80, rng));
        }
        // E|A ∩ B| = 32: 32 / 128 = 0.25.
        assertEquals(0.25, NeuronSets.randomJaccard(200, 80), 1e-15);
        assertEquals(0.25, sum / trials, 0.005);
    }
}
