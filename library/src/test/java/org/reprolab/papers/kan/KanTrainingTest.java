package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.train.RegressionFit;

class KanTrainingTest {

    @Test
    void mlpParameterCountIsTheClosedFormAndTheClosestWidth() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (long target : new long[] {13, 37, 500}) {
                Block mlp = KanTraining.mlp(m, 2, target);
                long n = RegressionFit.countTrainable(mlp);
                int w = (int) Math.round((-(2 + 2) + Math.sqrt(16 - 4 * (1 - n))) / 2);   // n = w² + 4w + 1 for d = 2
                assertEquals(n, KanTraining.mlpParameters(2, w), "width " + w);
                assertTrue(Math.abs(n - target) <= Math.abs(KanTraining.mlpParameters(2, w + 1) - target));
                assertTrue(w == 1 || Math.abs(n - target) <= Math.abs(KanTraining.mlpParameters(2, w - 1) - target));
            }
        }
    }

    @Test
    void aSweepMustStartAtTheNetworksGrid() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanBlock net = KanTraining.kan(m, 5, 1, 1);
            NDArray[] d = ToyFunction.sinPi().sample(m, 20, new SplittableRandom(1));
            assertThrows(IllegalArgumentException.class,
                    () -> KanTraining.extendAndFit(net, d, d, new int[] {3, 6}, 5, "bad"));
        }
    }

    @Test
    void aSweepRecordsEveryGridAndTheFinerGridFitsBetter() {
        Engines.seed(11);
        try (NDManager m = Engines.engine().newBaseManager()) {
            ToyFunction f = ToyFunction.sinPi();
            NDArray[] train = f.sample(m, 200, new SplittableRandom(2));
            NDArray[] test = f.sample(m, 200, new SplittableRandom(3));
            List<KanTraining.GridStep> sweep = KanTraining.extendAndFit(KanTraining.kan(m, 3, 1, 1), train, test,
                    new int[] {3, 6}, 40, "sin");
            assertEquals(2, sweep.size());
            assertEquals(3, sweep.get(0).grid());
            assertEquals(6, sweep.get(1).grid());
            assertEquals(1 * (6 + 3 + 2), sweep.get(1).parameters());
            assertEquals(6, sweep.get(1).net().gridSize());
            assertTrue(sweep.get(1).trainRmse() < sweep.get(0).trainRmse() / 2, sweep.toString());
            assertTrue(sweep.get(1).testRootMedian() <= sweep.get(1).testRmse());
            assertEquals(RegressionFit.rmse(sweep.get(1).net(), test[0], test[1]), sweep.get(1).testRmse(), 1e-12);
        }
    }

    @Test
    void extensionChangeIsRoundOffOnTheTrainingInputsWhenTheyLieOnTheGrid() {
        Engines.seed(16);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanBlock net = KanBlock.builder().setWidths(2, 3, 1).optGridSize(5).optNoiseScale(20).build();
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT64, new ai.djl.ndarray.types.Shape(1, 2));
            ToyFunction f = ToyFunction.expSinSquare();
            NDArray x = f.sample(m, 300, new SplittableRandom(6))[0];
            NDArray test = f.sample(m, 300, new SplittableRandom(7))[0];
            net.updateGrid(x);                                  // every layer's training inputs inside its grid
            for (KanLayer.KnotRule rule : new KanLayer.KnotRule[] {KanLayer.KnotRule.PYKAN, KanLayer.KnotRule.NESTED}) {
                KanTraining.ExtensionChange c = KanTraining.extensionChange(net, x, test, 10, rule);
                assertTrue(c.maxTrain() < 1e-9, rule + " " + c);
                assertTrue(c.rmsTest() <= c.maxTest(), rule + " " + c);
            }
            assertTrue(KanTraining.extensionChange(net, x, test, 10, KanLayer.KnotRule.UNIFORM).maxTrain() > 1e-6);
        }
    }
}
