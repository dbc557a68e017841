package org.reprolab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class RegressionFitTest {

    private static NDArray[] line(NDManager m) {
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = -1 + 2.0 * i / 49;
            y[i] = 2 * x[i] + 1;
        }
        return new NDArray[] {m.create(x, new Shape(50, 1)), m.create(y, new Shape(50, 1))};
    }

    @Test
    void lbfgsFitsALinearModelExactly() {
        Engines.seed(21);
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray[] d = line(m);
            Linear lin = Linear.builder().setUnits(1).build();
            lin.initialize(m, DataType.FLOAT64, new Shape(1, 1));
            RegressionFit.Result r = RegressionFit.builder().setIterations(30).build().fit(lin, d[0], d[1]);
            assertEquals(0, RegressionFit.rmse(lin, d[0], d[1]), 1e-9);
            assertEquals(2, lin.getParameters().get("weight").getArray().getDouble(0, 0), 1e-9);
            assertEquals(1, lin.getParameters().get("bias").getArray().getDouble(0), 1e-9);
            assertTrue(r.evaluations() >= r.loss().length);
            assertEquals(2, RegressionFit.countTrainable(lin));
        }
    }

    @Test
    void adamLowersTheLoss() {
        Engines.seed(22);
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray[] d = line(m);
            Linear lin = Linear.builder().setUnits(1).build();
            lin.initialize(m, DataType.FLOAT64, new Shape(1, 1));
            RegressionFit.Result r = RegressionFit.builder().setIterations(300).optAdam(0.05).build().fit(lin, d[0], d[1]);
            assertTrue(r.finalLoss() < r.loss()[0] / 100, r.loss()[0] + " → " + r.finalLoss());
        }
    }

    @Test
    void callbackRunsOnItsScheduleOnly() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray[] d = line(m);
            Linear lin = Linear.builder().setUnits(1).build();
            lin.initialize(m, DataType.FLOAT64, new Shape(1, 1));
            List<Integer> calls = new ArrayList<>();
            int[] counter = {0};
            RegressionFit.builder().setIterations(20).optAdam(0.01).optCallback(5, 12, () -> calls.add(++counter[0]))
                    .build().fit(lin, d[0], d[1]);
            assertEquals(List.of(1, 2), calls);                     // after iterations 5 and 10, not 15 or 20
        }
    }

    @Test
    void aPenaltyIsAddedToTheObjective() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray[] d = line(m);
            Linear lin = Linear.builder().setUnits(1).build();
            lin.initialize(m, DataType.FLOAT64, new Shape(1, 1));
            RegressionFit.builder().setIterations(40).build().fit(lin, d[0], d[1]);
            NDArray w = lin.getParameters().get("weight").getArray();
            // Penalty w² at the exact fit w = 2: the first reported objective is 0 + 4.
            RegressionFit.Result r = RegressionFit.builder().setIterations(1).optAdam(1e-12)
                    .optPenalty(() -> w.square().sum()).build().fit(lin, d[0], d[1]);
            assertEquals(4, r.loss()[0], 1e-9);
        }
    }

    @Test
    void weightDecayAddsTheSquaredNormToTheObjective() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray[] d = line(m);
            Linear lin = Linear.builder().setUnits(1).build();
            lin.initialize(m, DataType.FLOAT64, new Shape(1, 1));
            RegressionFit.builder().setIterations(40).build().fit(lin, d[0], d[1]);
            // At the exact fit (w, b) = (2, 1) one more evaluation with decay λ reports λ·(4 + 1).
            RegressionFit.Result r = RegressionFit.builder().setIterations(1).optAdam(1e-12).optWeightDecay(0.01).build()
                    .fit(lin, d[0], d[1]);
            assertEquals(0.05, r.loss()[0], 1e-9);
        }
    }
}
