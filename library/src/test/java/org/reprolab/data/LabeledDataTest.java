package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabeledDataTest {

    private static LabeledData toy(int n, int classes) {
        float[] x = new float[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 3;
            y[i] = i % classes;
        }
        return new LabeledData("toy", x, y, 2, LabeledData.numberedClasses(classes));
    }

    @Test
    void splitKeepsClassProportions() {
        LabeledData.Split s = toy(100, 4).split(0.2, new SplittableRandom(1));
        assertEquals(80, s.train().size());
        assertEquals(20, s.test().size());
        for (int c : s.test().classCounts()) {
            assertEquals(5, c);
        }
    }

    @Test
    void foldsPartitionTheData() {
        List<LabeledData.Split> folds = toy(30, 3).folds(3, new SplittableRandom(2));
        int held = 0;
        for (LabeledData.Split f : folds) {
            assertEquals(30, f.train().size() + f.test().size());
            held += f.test().size();
        }
        assertEquals(30, held);
    }

    @Test
    void standardizationUsesTrainingStatistics() {
        LabeledData d = toy(10, 2);
        LabeledData z = d.standardize(d.fitStandardizer());
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 10; i++) {
            sum += z.feature(i, 0);
            sq += z.feature(i, 0) * z.feature(i, 0);
            assertEquals(0, z.feature(i, 1), 0); // a constant feature is centred, not divided by zero
        }
        assertEquals(0, sum / 10, 1e-6);
        assertEquals(1, sq / 10, 1e-5);
    }

    @Test
    void sampleIsBalancedAndSeeded() {
        LabeledData d = toy(1000, 10);
        LabeledData a = d.sample(100, new SplittableRandom(5));
        LabeledData b = d.sample(100, new SplittableRandom(5));
        for (int c : a.classCounts()) {
            assertEquals(10, c);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(a.feature(i, 0), b.feature(i, 0));
        }
    }

    @Test
    void byteBackedDataReadsAsValueOver255Everywhere() {
        byte[] px = {0, (byte) 255, (byte) 51, (byte) 128, 7, 9};
        LabeledData b = LabeledData.ofBytes("img", px, new int[] {0, 1, 1}, 2, LabeledData.numberedClasses(2));
        float[] expected = {0f, 1f, 0.2f, 128 / 255f, 7 / 255f, 9 / 255f};
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, b.featuresArray(), 1e-7f);
        LabeledData picked = b.select(new int[] {2, 0});
        assertEquals(7 / 255f, picked.feature(0, 0), 1e-7f);
        assertEquals(1f, picked.feature(1, 1), 1e-7f);
        try (ai.djl.ndarray.NDManager m = org.reprolab.engine.Engines.engine().newBaseManager()) {
            ai.djl.ndarray.NDArray nd = b.featuresNd(m);
            assertEquals(ai.djl.ndarray.types.DataType.FLOAT32, nd.getDataType());
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, nd.toFloatArray(), 1e-7f);
        }
        LabeledData z = b.standardize(b.fitStandardizer());
        assertEquals(0, (z.feature(0, 0) + z.feature(1, 0) + z.feature(2, 0)) / 3, 1e-6);
    }

    @Test
    void rejectsInconsistentShapesAndLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> new LabeledData("bad", new float[5], new int[2], 2, LabeledData.numberedClasses(2)));
        assertThrows(IllegalArgumentException.class,
                () -> new LabeledData("bad", new float[4], new int[] {0, 3}, 2, LabeledData.numberedClasses(2)));
    }
}
