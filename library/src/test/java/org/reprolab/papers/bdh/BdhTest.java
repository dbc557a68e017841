package org.reprolab.papers.bdh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.train.RegressionFit;

class BdhTest {

    @Test
    void parameterCountMatchesTheClosedFormAndTheBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            Bdh bdh = Bdh.builder().setDim(16).optHeads(2).setNeuronsPerHead(32).setLayers(3).build();
            bdh.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            assertEquals(3L * 2 * 32 * 16 + 2L * 256 * 16, bdh.parameterCount());
            assertEquals(RegressionFit.countTrainable(bdh), bdh.parameterCount());
        }
    }

    @Test
    void frequenciesArePairedAndDecreasing() {
        double[] f = Bdh.frequencies(8);
        assertEquals(1 / (2 * Math.PI), f[0], 1e-15);
        assertEquals(f[0], f[1], 0);
        assertEquals(Math.pow(Bdh.THETA, -2.0 / 8) / (2 * Math.PI), f[2], 1e-15);
        assertTrue(f[4] < f[2]);
    }

    @Test
    void ropeRotatesPairsAndKeepsInnerProductsRelative() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = m.create(new float[] {1, 2, -0.5f, 3});
            NDArray k = m.create(new float[] {0.3f, -1, 2, 0.7f});
            NDArray[] at = Bdh.phases(m, 4, 0, 8);
            // ⟨R(t) q, R(s) k⟩ depends on t − s only: (5, 2) and (6, 3)
            double a = dot(rope(q, at, 5), rope(k, at, 2));
            double b = dot(rope(q, at, 6), rope(k, at, 3));
            assertEquals(a, b, 1e-5);
            // a rotation keeps the norm, and R(0) is the identity
            assertEquals(dot(q, q), dot(rope(q, at, 7), rope(q, at, 7)), 1e-5);
            assertTrue(rope(q, at, 0).sub(q).abs().max().getFloat() < 1e-7f);
        }
    }

    @Test
    void parallelAndRecurrentFormsAgree() {
        Engines.seed(11);
        try (NDManager m = NDManager.newBaseManager()) {
            Bdh bdh = Bdh.builder().setDim(16).optHeads(2).setNeuronsPerHead(32).setLayers(2).build();
            bdh.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            NDArray ids = m.create(new long[] {72, 101, 108, 108, 111, 32, 119, 111, 3, 250, 0, 17, 17, 17, 9, 8},
                    new Shape(2, 8));
            assertTrue(bdh.recurrenceGap(ids) < 1e-5, "gap " + bdh.recurrenceGap(ids));
        }
    }

    @Test
    void activationsAreNonNegativeAndTheFirstPositionAttendsToNothing() {
        Engines.seed(12);
        try (NDManager m = NDManager.newBaseManager()) {
            Bdh bdh = Bdh.builder().setDim(16).optHeads(2).setNeuronsPerHead(32).setLayers(2).build();
            bdh.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            Bdh.Trace trace = bdh.trace(m.create(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 8)));
            assertEquals(0, Math.min(Bdh.smallest(trace.xSparse()), Bdh.smallest(trace.ySparse())), 0);
            // position 0 has no past: a = 0, so LN(a) = 0 and y_s = ReLU(0) = 0
            assertEquals(0, trace.ySparse().get(0).get(":, :, 0, :").abs().max().getFloat(), 0);
            double f = Bdh.activeFraction(trace.xSparse().get(0));
            assertTrue(f > 0 && f < 1);
        }
    }

    @Test
    void activeFractionCountsPositiveEntries() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(0.5, Bdh.activeFraction(m.create(new float[] {0, 1, 0, 2})), 0);
            assertEquals(0, Bdh.smallest(List.of(m.create(new float[] {0, 3}))), 0);
        }
    }

    private static NDArray rope(NDArray v, NDArray[] phases, int t) {
        return Bdh.rope(v, phases[0].get(t), phases[1].get(t));
    }

    private static double dot(NDArray a, NDArray b) {
        return a.mul(b).sum().getFloat();
    }
}
