package org.reprolab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

class GroupNormTest {

    @Test
    void eachSamplesGroupHasMeanZeroAndVarianceOne() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(5);
            NDArray x = m.randomNormal(3f, 2f, new Shape(2, 6, 4, 4), DataType.FLOAT32);
            GroupNorm gn = GroupNorm.builder().setGroups(3).build();
            gn.initialize(m, DataType.FLOAT32, x.getShape());
            float[] y = gn.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow()
                    .toFloatArray();
            int per = 2 * 16;                                   // C/g channels × H × W, contiguous per group
            for (int start = 0; start < y.length; start += per) {
                double mean = 0;
                double sq = 0;
                for (int i = start; i < start + per; i++) {
                    mean += y[i] / per;
                }
                for (int i = start; i < start + per; i++) {
                    sq += (y[i] - mean) * (y[i] - mean) / per;
                }
                assertEquals(0, mean, 1e-5);
                assertEquals(1, sq, 1e-3);                      // ε = 1e-5 against a variance near 4
            }
        }
    }

    @Test
    void gradientsDoNotDependOnGarbageCollection() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(6);
            NDArray x = m.randomNormal(0f, 1f, new Shape(2, 4, 3, 3), DataType.FLOAT32);
            GroupNorm gn = GroupNorm.builder().setGroups(2).build();
            gn.initialize(m, DataType.FLOAT32, x.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            NDArray w = m.randomNormal(0f, 1f, x.getShape(), DataType.FLOAT32);
            GcStress.assertGradientsIndependentOfGc(() -> gn.forward(ps, new NDList(x), true).singletonOrThrow()
                    .mul(w).sum(), GcStress.trainable(gn));
        }
    }
}
