package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

    @Test
    void threeWellSeparatedBlobsAreRecoveredWithTheirMeans() {
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[300][];
        for (int i = 0; i < x.length; i++) {
            double[] c = centres[i % 3];
            x[i] = new double[] {c[0] + 0.5 * r.nextGaussian(), c[1] + 0.5 * r.nextGaussian()};
        }
        KMeans km = KMeans.fit(x, 3, 100, new SplittableRandom(1));
        for (int i = 3; i < x.length; i++) {
            assertEquals(km.assignment()[i % 3], km.assignment()[i], "point " + i);
        }
        assertNotEquals(km.assignment()[0], km.assignment()[1]);
        assertNotEquals(km.assignment()[1], km.assignment()[2]);
        for (int j = 0; j < 3; j++) {
            double[] mean = new double[2];
            for (int i = j; i < x.length; i += 3) {
                mean[0] += x[i][0] / 100;
                mean[1] += x[i][1] / 100;
            }
            assertArrayEquals(mean, km.centroids()[km.assignment()[j]], 1e-12);
        }
    }

    @Test
    void fivePointsOnALineSplitIntoTheHandComputedGroups() {
        double[][] x = {{0}, {1}, {3}, {20}, {21}};
        KMeans km = KMeans.fit(x, 2, 50, new SplittableRandom(2));
        int a = km.assignment()[0];
        assertEquals(a, km.assignment()[1]);
        assertEquals(a, km.assignment()[2]);
        assertNotEquals(a, km.assignment()[3]);
        assertEquals(4.0 / 3, km.centroids()[a][0], 1e-12);
        assertEquals(42.0 / 9 + 0.5, km.inertia(), 1e-12);                 // (16 + 1 + 25)/9 + 2·(1/2)²
        assertArrayEquals(new int[] {1, 0, 2}, km.closestMembers(x, a, 3));  // distances 1/3, 4/3, 5/3
        assertEquals(a, km.nearest(new double[] {5}));
    }

    @Test
    void bestOfRestartsKeepsTheLowestInertiaOfTheSameSequenceOfFits() {
        SplittableRandom r = new SplittableRandom(8);
        double[][] x = new double[60][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {3 * (i % 4) + r.nextGaussian(), 2 * (i % 3) + r.nextGaussian()};
        }
        SplittableRandom same = new SplittableRandom(11);
        double lowest = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < 6; restart++) {
            lowest = Math.min(lowest, KMeans.fit(x, 5, 100, same).inertia());
        }
        assertEquals(lowest, KMeans.bestOf(x, 5, 100, 6, new SplittableRandom(11)).inertia(), 0);
    }
}
