package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.train.RegressionFit;

class KanBlockTest {

    @Test
    void refiningTheNetworkKeepsItsOutputOnTheSamples() {
        Engines.seed(5);
        try (NDManager m = Engines.engine().newBaseManager()) {
            KanBlock kan = KanBlock.builder().setWidths(2, 5, 1).optGridSize(5).optNoiseScale(20).build();
            kan.initialize(m, DataType.FLOAT64, new Shape(1, 2));
            NDArray x = ToyFunction.expSinSquare().sample(m, 400, new SplittableRandom(6))[0];
            kan.updateGrid(x);
            double[] before = RegressionFit.predict(kan, x);
            KanBlock fine = kan.refine(x, 10);
            assertEquals(10, fine.gridSize());
            assertEquals(kan.trainableCount() * (10 + 3 + 2) / (5 + 3 + 2), fine.trainableCount());
            assertArrayEquals(before, RegressionFit.predict(fine, x), 1e-9);
            // layerInputs ends with the output and starts with the input.
            java.util.List<NDArray> h = fine.layerInputs(x);
            assertEquals(3, h.size());
            assertArrayEquals(before, h.get(2).toDoubleArray(), 1e-9);
            assertArrayEquals(x.toDoubleArray(), h.get(0).toDoubleArray(), 0);
        }
    }

    @Test
    void lbfgsFitsAToyFunctionAndGridExtensionLowersTheError() {
        Engines.seed(7);
        try (NDManager m = Engines.engine().newBaseManager()) {
            ToyFunction f = ToyFunction.expSinSquare();
            NDArray[] train = f.sample(m, 300, new SplittableRandom(8));
            KanBlock kan = KanBlock.builder().setWidths(2, 1, 1).optGridSize(5).build();
            kan.initialize(m, DataType.FLOAT64, new Shape(1, 2));
            RegressionFit.builder().setIterations(60).optCallback(5, 20, () -> kan.updateGrid(train[0])).build()
                    .fit(kan, train[0], train[1]);
            double coarse = RegressionFit.rmse(kan, train[0], train[1]);
            KanBlock fine = kan.refine(train[0], 10);
            RegressionFit.builder().setIterations(60).build().fit(fine, train[0], train[1]);
            double refined = RegressionFit.rmse(fine, train[0], train[1]);
            assertTrue(coarse < 0.05, "G=5 train RMSE " + coarse);
            assertTrue(refined < coarse / 3, "G=10 train RMSE " + refined + " vs G=5 " + coarse);
        }
    }
}
