package org.reprolab.papers.stdphomeostasis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.sparsity.NeuronSets;
import org.reprolab.spiking.Stdp;

class SpatialPatternLayerTest {

    private static final Stdp RULE = new Stdp(1, 1, 20, 20, 0, 1);

    @Test
    void oneTeacherPairingSetsThePatternsSynapsesToTheStdpWindow() {
        boolean[] p = {true, false, true, true, false};
        SpatialPatternLayer layer = SpatialPatternLayer.builder().setInputs(5).optStdp(RULE).optTeacherDelay(2)
                .optHomeostasis(1).build();
        layer.present(p, 0, true);
        double w = Math.exp(-2 / 20.0);
        assertArrayEquals(new double[] {w, 0, w, w, 0}, layer.weights(0), 1e-12);
        assertEquals(3 * w, layer.threshold(0), 1e-12);
    }

    @Test
    void withFullToleranceTheDetectorFiresExactlyWhenThePatternIsCovered() {
        boolean[] p = {true, false, true, true, false};
        SpatialPatternLayer layer = SpatialPatternLayer.builder().setInputs(5).optStdp(RULE).optHomeostasis(1).build();
        layer.present(p, 0, true);
        assertTrue(layer.present(p, -1, false)[0]);
        assertFalse(layer.present(new boolean[] {true, false, true, false, false}, -1, false)[0]);
        assertTrue(layer.present(new boolean[] {true, true, true, true, true}, -1, false)[0]);   // a superset
        assertFalse(layer.present(new boolean[] {false, true, false, false, true}, -1, false)[0]);
    }

    @Test
    void jaccardAndNoiseOfHandMadePatterns() {
        boolean[] a = {true, true, false, false};
        boolean[] b = {true, false, true, false};
        assertEquals(1 / 3.0, NeuronSets.jaccard(a, b), 1e-15);
        assertEquals(1, NeuronSets.jaccard(new boolean[2], new boolean[2]));
        assertArrayEquals(a, SpatialPatterns.noisy(a, 0, new java.util.SplittableRandom(1)));
        boolean[] flipped = SpatialPatterns.noisy(a, 1, new java.util.SplittableRandom(1));
        assertArrayEquals(new boolean[] {false, false, true, true}, flipped);
    }
}
