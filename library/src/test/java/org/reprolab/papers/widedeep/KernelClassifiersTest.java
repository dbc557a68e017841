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
    void interpolatingWithADeepKernelUsesItsMatrices() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] train = sphere(30, 3, rng);
        double[][] test = sphere(40, 3, rng);
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = train[i][0] > 0 ? 1 : -1;
        }
        DeepKernel k = DeepKernel.builder().setDual(HermiteDual.optimalForSphere(2)).setDepth(5).build();
        assertArrayEquals(KernelClassifiers.interpolating(k.matrix(train, train), k.matrix(train, test), y),
                KernelClassifiers.interpolating(k, train, y, test), 0);
        assertArrayEquals(KernelClassifiers.interpolating(k, train, y, test),
                KernelClassifiers.network(k).predict(train, y, test), 0);
        // Interpolation: each training point gets its own label back.
        assertArrayEquals(y, KernelClassifiers.interpolating(k, train, y, train), 0);
    }

    @Test
    void signedLabelsMapClassOneToPlusOne() {
        org.reprolab.data.LabeledData d = new org.reprolab.data.LabeledData("two", new float[] {0, 1, 2},
                new int[] {1, 0, 1}, 1, java.util.List.of("a", "b"));
        assertArrayEquals(new double[] {1, -1, 1}, KernelClassifiers.signedLabels(d), 0);
        assertArrayEquals(new double[][] {{1}, {1}, {1}}, DeepKernel.unitRows(
                new org.reprolab.data.LabeledData("pos", new float[] {1, 2, 3}, new int[] {0, 1, 0}, 1,
                        java.util.List.of("a", "b"))));
    }

    @Test
    void limitIsTheClassicalClassifierOfTheRegime() {
        SplittableRandom rng = new SplittableRandom(9);
        double[][] train = sphere(40, 3, rng);
        double[][] test = sphere(60, 3, rng);
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
        }
        DualActivation s2 = HermiteDual.optimalForSphere(2);
        DualActivation hermite2 = HermiteDual.monomial(2);
        DualActivation majority = HermiteDual.fromDual(0.1, 0.3, 0, 0.6);
        assertArrayEquals(KernelClassifiers.hilbert(train, y, test, 2),
                KernelClassifiers.limit(s2).predict(train, y, test), 0);
        assertArrayEquals(KernelClassifiers.nearestNeighbour(train, y, test),
                KernelClassifiers.limit(hermite2).predict(train, y, test), 0);
        assertArrayEquals(KernelClassifiers.majorityVote(y, 60),
                KernelClassifiers.limit(majority).predict(train, y, test), 0);
        assertEquals("Hilbert α=2", KernelClassifiers.limitName(s2));
        assertEquals("1-NN", KernelClassifiers.limitName(hermite2));
        assertEquals("majority vote", KernelClassifiers.limitName(majority));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KernelClassifiers.limit(HermiteDual.monomial(1)));      // ξ = ρ: ξ′(1) = 1, no limit derived
    }

    @Test
    void predictionsOnSphereConcatenateTheTestPartsOfEverySplit() {
        // Two classes in opposite directions: after standardising and projecting, 1-NN is always right.
        int n = 40;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[2 * i] = (float) ((y[i] == 1 ? 5 : -5) + rng.nextDouble());
            x[2 * i + 1] = (float) rng.nextDouble();
        }
        org.reprolab.data.LabeledData d = new org.reprolab.data.LabeledData("two", x, y, 2,
                java.util.List.of("a", "b"));
        java.util.Map<String, KernelClassifiers.Rule> rules = new java.util.LinkedHashMap<>();
        rules.put("1-NN", KernelClassifiers::nearestNeighbour);
        rules.put("majority", (tr, ty, te) -> KernelClassifiers.majorityVote(ty, te.length));
        KernelClassifiers.Predictions p = KernelClassifiers.Predictions.onSphere(rules, d.folds(4, rng));
        assertEquals(n, p.labels().length);                                          // every point tested once
        assertEquals(1, p.accuracy("1-NN"), 0);
        assertEquals(java.util.List.of("1-NN", "majority"), java.util.List.copyOf(p.byRule().keySet()));
        double positives = java.util.Arrays.stream(p.labels()).filter(v -> v > 0).count();
        assertEquals(n / 2.0, positives, 0);
    }

    @Test
    void majorityVoteAndAgreement() {
        assertArrayEquals(new double[] {-1, -1}, KernelClassifiers.majorityVote(new double[] {1, -1, -1}, 2), 0);
        assertArrayEquals(new double[] {0}, KernelClassifiers.majorityVote(new double[] {1, -1}, 1), 0);
        assertEquals(0.5, KernelClassifiers.agreement(new double[] {1, -1, 1, 0}, new double[] {1, 1, 1, 1}), 0);
    }
}
