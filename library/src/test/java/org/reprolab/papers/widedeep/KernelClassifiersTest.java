package org.reprolab.papers.widedeep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelClassifiersTest {

    private static double[][] sphere(int n, int dim, SplittableRandom rng) {
        double[][] x = new double[n][dim];
        for (double[] row : x) {
            for (int j = 0; j < dim; j++) {
                row[j] = org.reprolab.data.Synthetic.gaussian(rng);
            }
        }
        return DeepKernel.unitRows(x);
    }

    @Test
    void hilbertKernelWithAHugeExponentIsNearestNeighbour() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] train = sphere(50, 3, rng);
        double[][] test = sphere(200, 3, rng);
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
        }
        assertArrayEquals(KernelClassifiers.nearestNeighbour(train, y, test),
                KernelClassifiers.hilbert(train, y, test, 2000), 0);
    }

    @Test
    void interpolatingWithADiagonalTrainingKernelIsTheKernelSum() {
        // K(X, X) = c·I (log space, c = e^{500}) ⇒ K⁻¹y ∝ y ⇒ interpolation = kernel sum.
        double[][] trainLog = new double[3][3];
        byte[][] trainSign = new byte[3][3];
        for (int i = 0; i < 3; i++) {
            java.util.Arrays.fill(trainLog[i], Double.NEGATIVE_INFINITY);
            trainLog[i][i] = 500;
            trainSign[i][i] = 1;
        }
        double[][] testLog = {{-900, 0.5}, {-899, 0.1}, {-901.5, 0.7}};
        byte[][] testSign = {{1, 1}, {1, 1}, {1, 1}};
        double[] y = {1, -1, 1};
        LogKernelMatrix test = new LogKernelMatrix(testLog, testSign);
        double[] interp = KernelClassifiers.interpolating(new LogKernelMatrix(trainLog, trainSign), test, y);
        assertArrayEquals(KernelClassifiers.kernelSum(test, y), interp, 0);
        // column 0: e^{-900} − e^{-899} + e^{-901.5} < 0; column 1: e^{.5} − e^{.1} + e^{.7} > 0
        assertArrayEquals(new double[] {-1, 1}, interp, 0);
    }

    @Test
    void majorityVoteAndAgreement() {
        assertArrayEquals(new double[] {-1, -1}, KernelClassifiers.majorityVote(new double[] {1, -1, -1}, 2), 0);
        assertArrayEquals(new double[] {0}, KernelClassifiers.majorityVote(new double[] {1, -1}, 1), 0);
        assertEquals(0.5, KernelClassifiers.agreement(new double[] {1, -1, 1, 0}, new double[] {1, 1, 1, 1}), 0);
    }
}
