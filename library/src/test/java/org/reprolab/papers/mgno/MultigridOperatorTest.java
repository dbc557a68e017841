package org.reprolab.papers.mgno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.operators.FieldData;
import org.reprolab.train.RegressionLoop;

class MultigridOperatorTest {

    @Test
    void vCycleIsAffineAndKeepsTheGridInOneAndTwoDimensions() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(5);
            MultigridOperator w = MultigridOperator.of(3, 3);
            w.initialize(m, DataType.FLOAT32, new Shape(2, 2, 15));
            NDArray f = m.randomNormal(new Shape(2, 2, 15));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray wf = w.forward(ps, new NDList(f), false).singletonOrThrow();
            assertEquals(new Shape(2, 3, 15), wf.getShape());
            NDArray lhs = w.forward(ps, new NDList(f.get("0:1").mul(3f).sub(f.get("1:2").mul(2f))), false)
                    .singletonOrThrow();
            NDArray rhs = wf.get("0:1").mul(3f).sub(wf.get("1:2").mul(2f));
            assertArrayEquals(rhs.toFloatArray(), lhs.toFloatArray(), 1e-4f);
            MultigridOperator w2 = MultigridOperator.of(1, 3);
            w2.initialize(m, DataType.FLOAT32, new Shape(1, 1, 15, 15));
            assertEquals(new Shape(1, 1, 15, 15), w2.forward(ps, new NDList(m.ones(new Shape(1, 1, 15, 15))), false)
                    .singletonOrThrow().getShape());
        }
    }

    @Test
    void trainingOneLinearVCycleOnPoissonAtLeastHalvesItsError() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(11);
            FieldData d = FieldData.poisson1d(160, 15, 6, 1, new SplittableRandom(2));
            NDArray x = d.inputsNd(m, 1 / d.inputRms());
            NDArray y = d.targetsNd(m, 1 / d.targetRms());
            SequentialBlock net = Mgno.builder().setChannels(1, 1).optLevels(3).build();
            double[] curve = RegressionLoop.builder().setSteps(300).setBatchSize(32).optAdam(1e-2f).build()
                    .fit(net, x.get(":128"), y.get(":128"), m);
            double test = org.reprolab.math.Stats.mean(RegressionLoop.relativeL2(net, x.get("128:"), y.get("128:"),
                    m));
            assertTrue(curve[0] > 0.5, "an untrained V-cycle is far from the inverse: " + curve[0]);
            assertTrue(test < curve[0] / 2, "test relative L2 " + test + " against " + curve[0] + " untrained");
        }
    }
}
