package org.reprolab.papers.infocompression;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;

/**
 * The 12-bit task of Shwartz-Ziv and Tishby as the paper uses it: all {@code 2^12 = 4096} binary inputs, each equally
 * likely, with a binary label. Our stand-in labels an input by a fixed random quadratic form
 * {@code q(x) = xᵀAx + bᵀx} (x in ±1) thresholded at its median, so that both labels are equally frequent.
 */
public final class TishbyTask {

    /** Input bits. */
    public static final int BITS = 12;

    private TishbyTask() {}

    /** All 4096 inputs (coordinates ±1) with their labels, the task drawn from {@code seed}. */
    public static LabeledData generate(long seed) {
        int n = 1 << BITS;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = new double[BITS][BITS];
        double[] b = new double[BITS];
        for (int i = 0; i < BITS; i++) {
            b[i] = Synthetic.gaussian(rng);
            for (int j = 0; j <= i; j++) {
                a[i][j] = Synthetic.gaussian(rng);
                a[j][i] = a[i][j];
            }
        }
        float[] x = new float[n * BITS];
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < BITS; i++) {
                x[k * BITS + i] = ((k >> i) & 1) == 1 ? 1f : -1f;
            }
            for (int i = 0; i < BITS; i++) {
                q[k] += b[i] * x[k * BITS + i];
                for (int j = 0; j < BITS; j++) {
                    q[k] += x[k * BITS + i] * a[i][j] * x[k * BITS + j];
                }
            }
        }
        double[] sorted = q.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            y[k] = q[k] >= median ? 1 : 0;
        }
        return new LabeledData("12-bit task", x, y, BITS, List.of("0", "1"));
    }
}
