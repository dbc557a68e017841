package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocTest {

    @Test
    void perfectReversedAndTiedRankings() {
        boolean[] y = {false, false, true, true};
        assertEquals(1.0, Roc.auroc(new double[] {0.1, 0.2, 0.8, 0.9}, y), 0);
        assertEquals(0.0, Roc.auroc(new double[] {0.9, 0.8, 0.2, 0.1}, y), 0);
        assertEquals(0.5, Roc.auroc(new double[] {1, 1, 1, 1}, y), 0);
    }

    @Test
    void equalsTheFractionOfCorrectlyOrderedPairs() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] s = new double[40];
        boolean[] y = new boolean[40];
        for (int i = 0; i < s.length; i++) {
            y[i] = rng.nextDouble() < 0.3;
            s[i] = Math.round((rng.nextGaussian() + (y[i] ? 0.8 : 0)) * 4) / 4.0; // with ties
        }
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Roc.auroc(s, y), 1e-12);
    }

    @Test
    void needsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> Roc.auroc(new double[] {1, 2}, new boolean[] {true, true}));
    }
}
