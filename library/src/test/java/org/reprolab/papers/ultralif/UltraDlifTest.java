package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class UltraDlifTest {

    @Test
    void neighboursWrapAroundTheRing() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDList n = UltraDlif.neighbours(m.create(new double[] {1, 2, 3, 4}).reshape(1, 4));
            assertArrayEquals(new double[] {4, 1, 2, 3}, n.get(0).toDoubleArray(), 0);
            assertArrayEquals(new double[] {2, 3, 4, 1}, n.get(2).toDoubleArray(), 0);
        }
    }

    @Test
    void stepTendsToMaxOfNeighboursPlusCurrent() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] v = {-1, -0.5, -3, -2, -0.2};
            double[] in = {0.1, -0.4, 0.3, -0.2, 0.0};
            double theta = 100; // no spikes: the membrane is the bare diffusion update
            for (double eps : new double[] {1, 0.1, 1e-3}) {
                NDArray e = m.create(eps);
                double[] u = UltraDlif.step(m.create(v).reshape(1, 5), m.create(in).reshape(1, 5), e, (float) theta)
                        .get(1).toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    double max = Math.max(v[(i + 4) % 5], Math.max(v[i], v[(i + 1) % 5])) + in[i];
                    assertTrue(u[i] - max >= 0 && u[i] - max <= eps * Math.log(3) + 1e-12);
                    if (eps == 1e-3) {
                        assertEquals(max, u[i], 1e-9);
                    }
                }
            }
        }
    }
}
