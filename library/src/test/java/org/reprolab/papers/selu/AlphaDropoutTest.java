package org.reprolab.papers.selu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class AlphaDropoutTest {

    @Test
    void affineCoefficientsMatchTheReferenceFormula() {
        double[] q90 = AlphaDropout.affine(0.1);
        assertEquals(0.921285, q90[0], 1e-6);
        assertEquals(0.161971, q90[1], 1e-6);
        double[] q95 = AlphaDropout.affine(0.05);
        assertEquals(0.954844, q95[0], 1e-6);
        assertEquals(0.083936, q95[1], 1e-6);
    }

    @Test
    void isTheIdentityAtInference() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {1, -2, 3});
            assertSame(x, AlphaDropout.alphaDropout(x, 0.5f, false));
        }
    }

    @Test
    void droppedUnitsTakeTheSaturationValueThenTheAffineMap() {
        Engines.seed(3);
        try (NDManager m = Engines.engine().newBaseManager()) {
            float[] x = m.ones(new ai.djl.ndarray.types.Shape(10_000)).mul(2).toFloatArray();
            float[] y = AlphaDropout.alphaDropout(m.create(x), 0.3f, true).toFloatArray();
            double[] ab = AlphaDropout.affine(0.3);
            float kept = (float) (ab[0] * 2 + ab[1]);
            float dropped = (float) (ab[0] * AlphaDropout.ALPHA_PRIME + ab[1]);
            int drops = 0;
            for (float v : y) {
                assertTrue(Math.abs(v - kept) < 1e-5 || Math.abs(v - dropped) < 1e-5, "value " + v);
                if (Math.abs(v - dropped) < 1e-5) {
                    drops++;
                }
            }
            assertEquals(0.3, drops / 10_000.0, 0.02);
        }
    }

    @Test
    void rejectsRatesOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> AlphaDropout.builder().optRate(1f).build());
        assertThrows(IllegalArgumentException.class, () -> AlphaDropout.builder().optRate(-0.1f).build());
    }

    @Test
    void sampleMomentsKeepZeroOneForAlphaDropoutButNotForStandardDropout() {
        // 200,000 samples: the mean's standard error is about 0.0022, the variance's about 0.004.
        Engines.seed(5);
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] alpha = AlphaDropout.sampleMoments(m, 0.1f, 200_000, true);
            assertEquals(0, alpha[0], 0.01);
            assertEquals(1, alpha[1], 0.02);
            double[] plain = AlphaDropout.sampleMoments(m, 0.1f, 200_000, false);
            assertEquals(0, plain[0], 0.01);
            assertEquals(1 / 0.9, plain[1], 0.02); // inverted dropout scales the variance by 1 / (1 − rate)
        }
    }
}
