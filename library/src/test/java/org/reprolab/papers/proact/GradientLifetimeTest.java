package org.reprolab.papers.proact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

/** The clipped ReLU and ProAct's loss must not depend on a garbage collection between forward and backward. */
class GradientLifetimeTest {

    @Test
    void clippedNetworkAndDistillationLossGradientsDoNotDependOnGarbageCollection() {
        SequentialBlock teacher = ClippedMlp.builder().setHidden(8, 4).setOutputs(3).build();
        SequentialBlock student = ClippedMlp.builder().setHidden(8, 4).setOutputs(3)
                .optClipping(ClippedMlp.Clipping.HYBRID).build();
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(21);
            teacher.initialize(m, DataType.FLOAT32, new Shape(16, 5));
            student.initialize(m, DataType.FLOAT32, new Shape(16, 5));
            ClippedMlp.clips(student).forEach(c -> c.setThresholds(0.5f));
            NDArray x = m.randomNormal(0f, 1f, new Shape(16, 5), DataType.FLOAT32);
            ProAct p = ProAct.builder().setTeacher(teacher).optPenalty(0.1f).build();
            ParameterStore ps = new ParameterStore(m, false);
            List<ClippedRelu> clips = ClippedMlp.clips(student);
            GcStress.assertGradientsIndependentOfGc(() -> p.loss(student.forward(ps, new NDList(x), true)
                    .singletonOrThrow(), teacher.forward(ps, new NDList(x), false).singletonOrThrow(), clips),
                    GcStress.trainable(student));
        }
    }
}
