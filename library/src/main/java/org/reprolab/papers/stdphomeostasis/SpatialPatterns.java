package org.reprolab.papers.stdphomeostasis;

import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;

/** Binary spatial patterns from images: binarised digits, class prototypes, noisy copies and their overlap. */
public final class SpatialPatterns {

    private SpatialPatterns() {}

    /** Pixels above {@code level} spike: the binarised image i of {@code data}. */
    public static boolean[] binarise(float[] pixels, double level) {
        boolean[] b = new boolean[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            b[i] = pixels[i] > level;
        }
        return b;
    }

    /**
     * One prototype per class: the mean image of the class over the examples in {@code data}, binarised at
     * {@code level}.
     */
    public static boolean[][] prototypes(LabeledData data, int classes, double level) {
        int f = data.features();
        double[][] sum = new double[classes][f];
        int[] count = new int[classes];
        for (int n = 0; n < data.size(); n++) {
            float[] row = data.row(n);
            int c = data.label(n);
            count[c]++;
            for (int i = 0; i < f; i++) {
                sum[c][i] += row[i];
            }
        }
        boolean[][] p = new boolean[classes][f];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < f; i++) {
                p[c][i] = sum[c][i] / Math.max(1, count[c]) > level;
            }
        }
        return p;
    }

    /** A copy of {@code pattern} with each bit flipped with probability {@code flip}. */
    public static boolean[] noisy(boolean[] pattern, double flip, SplittableRandom rng) {
        boolean[] b = pattern.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] ^= rng.nextDouble() < flip;
        }
        return b;
    }
}
