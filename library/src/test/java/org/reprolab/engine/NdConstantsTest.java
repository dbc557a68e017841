package org.reprolab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class NdConstantsTest {

    private static double[] d(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    @Test
    void scalarHasTheDataTypeAndManagerOfItsArray() {
        try (NDManager m = Engines.engine().newBaseManager(); NDManager sub = m.newSubManager()) {
            for (DataType t : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                NDArray x = sub.ones(new Shape(3), t);
                NDArray c = NdConstants.scalar(x, 0.1);
                assertEquals(t, c.getDataType());
                assertEquals(new Shape(), c.getShape());
                assertSame(sub, c.getManager());
                assertEquals(t == DataType.FLOAT32 ? (double) 0.1f : 0.1, c.toType(DataType.FLOAT64, false).getDouble());
                NDArray v = NdConstants.vector(x, new double[] {1, 2.5});
                assertEquals(t, v.getDataType());
                assertArrayEquals(new double[] {1, 2.5}, v.toType(DataType.FLOAT64, false).toDoubleArray(), 0);
            }
            NDArray c = NdConstants.scalar(m, DataType.FLOAT32, 2);
            assertSame(m, c.getManager());
            assertEquals(DataType.FLOAT32, c.getDataType());
        }
    }

    /** The constant must not change the arithmetic: the same kernel as DJL's number argument, bit for bit. */
    @Test
    void opsComputeWhatTheNumberArgumentsComputed() {
        Engines.seed(3);
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (DataType t : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                NDArray x = m.randomNormal(0f, 2f, new Shape(257), t);
                NDArray xp = x.abs().add(0.01);
                for (double c : new double[] {0.1, 1.0 / 3, Math.PI, -2, 0, 1e-7}) {
                    assertArrayEquals(d(x.mul(c)), d(NdConstants.mul(x, c)), 0);
                    if (c != 0) {
                        assertArrayEquals(d(x.div(c)), d(NdConstants.div(x, c)), 0);
                    }
                    assertArrayEquals(d(xp.pow(c)), d(NdConstants.pow(xp, c)), 0);
                    assertArrayEquals(d(x.maximum(c)), d(NdConstants.maximum(x, c)), 0);
                    assertArrayEquals(d(x.minimum(c)), d(NdConstants.minimum(x, c)), 0);
                }
                assertArrayEquals(d(x.pow(2)), d(NdConstants.pow(x, 2)), 0);
                assertArrayEquals(d(x.maximum(0)), d(NdConstants.maximum(x, 0)), 0);
            }
        }
    }

    @Test
    void gradientsThroughConstantsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(4);
            NDArray x = m.randomNormal(0f, 1f, new Shape(64), DataType.FLOAT32);
            x.setRequiresGradient(true);
            GcStress.assertGradientsIndependentOfGc(() -> NdConstants.div(NdConstants.mul(x, 1.7), 0.3)
                    .add(NdConstants.pow(NdConstants.maximum(x, -0.2), 2)).add(NdConstants.minimum(x, 0.4)).sum(), x);
        }
    }
}
