package org.reprolab.papers.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConnectomeTest {

    /** An exactly rank-2 non-negative tensor. */
    static double[][][] rankTwo() {
        double[][] a = {{1, 0}, {2, 0.5}, {0, 1}, {0.3, 2}};
        double[][] b = {{1, 0.2}, {0.5, 1}, {0, 2}};
        double[][] c = {{1, 1}, {2, 0.5}};
        double[][][] t = new double[4][3][2];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    for (int r = 0; r < 2; r++) {
                        t[i][j][k] += a[i][r] * b[j][r] * c[k][r];
                    }
                }
            }
        }
        return t;
    }

    @Test
    void halsFitsAnExactlyLowRankTensor() {
        double[][][] t = rankTwo();
        NonnegativeCp cp = NonnegativeCp.bestOf(t, 2, 2000, 3, new SplittableRandom(1));
        assertTrue(cp.finalLoss() < 1e-10, "loss " + cp.finalLoss());
        assertEquals(t[1][2][1], cp.at(1, 2, 1), 1e-5);
    }

    @Test
    void halsLossNeverIncreasesOnANoisyTensor() {
        double[][][] t = rankTwo();
        SplittableRandom random = new SplittableRandom(6);
        for (double[][] slab : t) {
            for (double[] row : slab) {
                for (int k = 0; k < row.length; k++) {
                    row[k] += 0.3 * random.nextDouble();
                }
            }
        }
        NonnegativeCp cp = NonnegativeCp.fit(t, 2, 300, random);
        assertTrue(cp.finalLoss() > 1e-4, "the noise keeps the loss away from rounding level");
        assertTrue(cp.largestLossIncrease() <= 1e-12, "increase " + cp.largestLossIncrease());
    }

    @Test
    void affinityIsTheSquaredPositiveCorrelation() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1, Affinities.affinity(x, new double[] {2, 4, 6, 8}, 0, 4), 1e-12);
        assertEquals(0, Affinities.affinity(x, new double[] {4, 3, 2, 1}, 0, 4), 0);
        assertEquals(9, Affinities.windows(500, 100, 50));
        assertEquals(435, Affinities.pairs(30));
    }

    @Test
    void pairVectorRoundTripsToASymmetricMatrix() {
        double[][] m = Affinities.matrix(new double[] {1, 2, 3}, 3);
        assertArrayEquals(new double[] {0, 1, 2}, m[0]);
        assertArrayEquals(new double[] {1, 0, 3}, m[1]);
        assertArrayEquals(new double[] {2, 3, 0}, m[2]);
    }

    @Test
    void leadingCommunityOfABlockMatrixIsTheBlock() {
        double[][] m = new double[10][10];
        for (int i = 2; i < 6; i++) {
            for (int j = 2; j < 6; j++) {
                m[i][j] = i == j ? 0 : 1;
            }
        }
        m[0][9] = 0.05;
        m[9][0] = 0.05;
        assertEquals(Set.of(2, 3, 4, 5), Affinities.leadingCommunity(m));
    }

    @Test
    void epochIndicatorIsTheFractionOfEachWindowInTheEpoch() {
        PlantedConnectome g = new PlantedConnectome(5, 1, 2, 100, 2, 0.8, 0.9, 0.8, 1);
        assertArrayEquals(new double[] {1, 0.5, 0}, g.epochIndicator(0, 100, 50), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 1}, g.epochIndicator(1, 100, 50), 1e-15);
    }

    @Test
    void plantedMembersCorrelateInTheirEpoch() {
        PlantedConnectome g = new PlantedConnectome(12, 1, 2, 4000, 4, 0.9, 0.9, 0.8, 0.1);
        PlantedConnectome.Recording rec = g.sample(new SplittableRandom(2));
        int[] c0 = rec.communities().get(0).stream().mapToInt(Integer::intValue).toArray();
        double inside = Affinities.affinity(rec.traces()[0][c0[0]], rec.traces()[0][c0[1]], 0, 4000);
        assertTrue(inside > 0.5, "affinity in epoch 0: " + inside);
    }
}
