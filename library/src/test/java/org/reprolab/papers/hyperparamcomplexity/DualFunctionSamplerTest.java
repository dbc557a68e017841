package org.reprolab.papers.hyperparamcomplexity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DualFunctionSamplerTest {

    @Test
    void theHandWrittenGradientMatchesCentralFiniteDifferences() {
        DualFunctionSampler s = DualFunctionSampler.builder().optHidden(5).build();
        RegressionTasks t = RegressionTasks.sample(1, 12, 12, 0.1, new SplittableRandom(3));
        double[] w = s.initialWeights(new SplittableRandom(4));
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.1 * (i % 3 - 1);                        // nonzero biases too
        }
        double[] g = new double[w.length];
        double alpha = 0.3;
        s.loss(w, t.xTrain()[0], t.yTrain()[0], alpha, g);
        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (s.loss(up, t.xTrain()[0], t.yTrain()[0], alpha, null)
                    - s.loss(down, t.xTrain()[0], t.yTrain()[0], alpha, null)) / (2 * h);
            assertEquals(fd, g[i], 1e-6, "weight " + i);
        }
    }

    @Test
    void trainingLowersTheLossAndACurveDependsOnItsTaskAlone() {
        RegressionTasks tasks = RegressionTasks.sample(3, 30, 30, 0.05, new SplittableRandom(9));
        DualFunctionSampler s = DualFunctionSampler.builder().setAlphas(0, 0.5, 1).optSteps(200).build();
        double[] init = s.initialWeights(new SplittableRandom(1));
        double before = s.loss(init, tasks.xTrain()[0], tasks.yTrain()[0], 0.5, null);
        double after = s.loss(s.train(init, tasks.xTrain()[0], tasks.yTrain()[0], 0.5), tasks.xTrain()[0],
                tasks.yTrain()[0], 0.5, null);
        assertTrue(after < 0.5 * before, before + " → " + after);
        double[][] all = s.sample(tasks, 7);
        RegressionTasks first = new RegressionTasks(new double[][][] {tasks.xTrain()[0]},
                new double[][] {tasks.yTrain()[0]}, new double[][][] {tasks.xValidation()[0]},
                new double[][] {tasks.yValidation()[0]}, new double[] {tasks.teacherAlpha()[0]});
        assertArrayEquals(all[0], s.sample(first, 7)[0], 0);
    }

    @Test
    void tasksHaveTheirSizesAndTheDeviationAgainstAGivenCurveIsTheSupDistance() {
        RegressionTasks t = RegressionTasks.sample(4, 50, 10, 0, new SplittableRandom(2));
        for (int k = 0; k < 4; k++) {
            assertTrue(t.teacherAlpha()[k] >= 0 && t.teacherAlpha()[k] <= 1);
            for (double[] x : t.xTrain()[k]) {
                assertTrue(Math.abs(x[0]) <= 2 && Math.abs(x[1]) <= 2);
            }
        }
        assertEquals(50, t.yTrain()[0].length);
        assertEquals(10, t.yValidation()[3].length);
        assertEquals(0, DualFunctions.uniformDeviation(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1},
                new double[] {2, 3}), 0);
        assertEquals(1, DualFunctions.uniformDeviation(new double[][] {{1, 2}}, new int[] {0}, new double[] {2, 2}),
                0);
    }
}
