package org.reprolab.papers.g2gnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class HebbianTest {

    // A hand-made batch of B = 5: three presynaptic units (the third constant, like a blank pixel) and two
    // postsynaptic units (the first an exact affine copy of pre unit 0, the second anti-correlated with it).
    static final float[][] PRE = {{1, 0, 2}, {2, 1, 2}, {3, 0, 2}, {4, 3, 2}, {5, 1, 2}};
    static final float[][] POST = {{3, 0.5f}, {5, 0}, {7, 1}, {9, -2}, {11, 0}};

    /** Pearson's correlation of two columns, written out (population moments). */
    static double pearson(float[][] a, int i, float[][] b, int j) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int r = 0; r < n; r++) {
            ma += a[r][i] / (double) n;
            mb += b[r][j] / (double) n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int r = 0; r < n; r++) {
            sab += (a[r][i] - ma) * (b[r][j] - mb);
            saa += (a[r][i] - ma) * (a[r][i] - ma);
            sbb += (b[r][j] - mb) * (b[r][j] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    static NDArray matrix(NDManager m, float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
        }
        return m.create(flat, new Shape(rows.length, rows[0].length));
    }

    @Test
    void scoresEqualTheAbsoluteCorrelationOfZScoredActivations() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            float[] s = Hebbian.scores(matrix(m, PRE), matrix(m, POST)).toFloatArray(); // [out=2, in=3]
            float[] c = Hebbian.correlation(matrix(m, PRE), matrix(m, POST)).toFloatArray();
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 3; i++) {
                    double expected = pearson(PRE, i, POST, j);
                    assertEquals(expected, c[j * 3 + i], 1e-5, "corr(pre " + i + ", post " + j + ")");
                    assertEquals(Math.abs(expected), s[j * 3 + i], 1e-5);
                }
            }
            assertEquals(1.0, s[0], 1e-6); // post 0 = 2·pre 0 + 1
            assertEquals(0.0, s[2], 0); // constant pre unit: score 0, not NaN
            assertEquals(0.0, s[5], 0);
        }
    }

    @Test
    void zScoresHaveMeanZeroAndUnitPopulationVariance() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray z = Hebbian.zScore(matrix(m, PRE));
            float[] mean = z.mean(new int[] {0}).toFloatArray();
            float[] var = z.square().mean(new int[] {0}).toFloatArray();
            assertEquals(0, mean[0], 1e-6);
            assertEquals(0, mean[1], 1e-6);
            assertEquals(1, var[0], 1e-5);
            assertEquals(1, var[1], 1e-5);
            assertEquals(0, var[2], 0); // the constant column
        }
    }
}
