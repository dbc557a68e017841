package org.reprolab.papers.snnplacerecognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlaceRecognitionTest {

    @Test
    void poolingAveragesTwoByTwoAndNormalisationKeepsThePositivePartScaledToOne() {
        double[] img = new double[16];
        for (int i = 0; i < 16; i++) {
            img[i] = (i / 4 < 2 && i % 4 < 2) ? 1 : 0;                 // top-left 2×2 block lit
        }
        double[] p = AppearanceChange.poolAndNormalise(img, 4);
        assertEquals(4, p.length);
        assertEquals(1.0, p[0], 1e-12);                              // the lit pooled pixel, scaled to 1
        assertEquals(0.0, p[1] + p[2] + p[3], 1e-12);                // below the mean: set to 0
    }

    @Test
    void changeWithoutShiftNoiseOrBrightnessRangeScalesTheImage() {
        float[] img = {0.1f, 0.2f, 0.3f, 0.4f};
        double[] c = AppearanceChange.change(img, 2, 0, 0.5, 0.5, 0, new SplittableRandom(1));
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5 * img[i], c[i], 1e-7);
        }
    }

    @Test
    void aModuleTrainedOnTwoDisjointBarsAssignsNeuronsToBoth() {
        double[][] bars = new double[2][64];
        for (int i = 0; i < 32; i++) {
            bars[0][i] = 1;
            bars[1][i + 32] = 1;
        }
        SplittableRandom rng = new SplittableRandom(2);
        PlaceModule module = new PlaceModule(64, 4, 40, rng);
        module.train(bars, 20, rng);
        int[] a = module.assign(bars, new int[] {0, 1}, rng);
        assertTrue(java.util.Arrays.stream(a).anyMatch(p -> p == 0) && java.util.Arrays.stream(a).anyMatch(p -> p == 1),
                java.util.Arrays.toString(a));
    }

    @Test
    void calibratedRemovalNeverDoesWorseThanNoRemovalOnItsOwnQueries() {
        int n = 64;
        double[][] refs = new double[4][n];
        for (int p = 0; p < 4; p++) {
            for (int i = p * 16; i < (p + 1) * 16; i++) {
                refs[p][i] = 1;                                        // four disjoint bars
            }
        }
        SplittableRandom rng = new SplittableRandom(3);
        PlaceEnsemble ens = new PlaceEnsemble(refs, 2, 6, 40, 20, rng);
        assertEquals(2, ens.outOfRegionResponses().size());
        List<List<int[]>> responses = new ArrayList<>();
        int[] truth = {0, 1, 2, 3};
        int hits = 0;
        for (int p = 0; p < 4; p++) {
            responses.add(ens.responses(refs[p], rng));
            hits += ens.predict(responses.get(p)) == p ? 1 : 0;
        }
        ens.calibrate(responses, truth);
        int after = 0;
        for (int p = 0; p < 4; p++) {
            after += ens.predict(responses.get(p)) == p ? 1 : 0;
        }
        assertTrue(after >= hits, "calibration never does worse than no removal on its own queries");
    }
}
