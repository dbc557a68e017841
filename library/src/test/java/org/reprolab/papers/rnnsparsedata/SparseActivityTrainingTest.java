package org.reprolab.papers.rnnsparsedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseActivityTrainingTest {

    private static final ReachTask TASK = new ReachTask(4, 12, 3, 2);

    @Test
    void backpropagationThroughTimeMatchesCentralFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        RateRnn teacher = RateRnn.random(6, 2, 2, 1.3, 0.3, rng);
        RateRnn student = RateRnn.random(6, 2, 2, 1.0, 0.3, rng);
        student.bias()[2] = 0.3;
        RateRnn.Trajectory tr = teacher.run(TASK.input(1));
        double[][] recorded = new double[tr.rates().length][2];
        for (int t = 0; t < recorded.length; t++) {
            recorded[t][0] = tr.rates()[t][4];
            recorded[t][1] = tr.rates()[t][1];
        }
        SparseActivityTraining trainer = SparseActivityTraining.builder().setIterations(1).setActivityWeight(0.7)
                .build();
        double[][][] params = {student.w(), student.b(), {student.bias()}, student.c()};
        double[][][] g = {new double[6][6], new double[6][2], new double[1][6], new double[2][6]};
        trainer.lossAndGradient(student, TASK.input(1), tr.outputs(), recorded, g);
        double h = 1e-6;
        for (int a = 0; a < params.length; a++) {
            for (int i = 0; i < params[a].length; i++) {
                for (int j = 0; j < params[a][i].length; j++) {
                    double keep = params[a][i][j];
                    params[a][i][j] = keep + h;
                    double up = trainer.lossAndGradient(student, TASK.input(1), tr.outputs(), recorded, zeros());
                    params[a][i][j] = keep - h;
                    double down = trainer.lossAndGradient(student, TASK.input(1), tr.outputs(), recorded, zeros());
                    params[a][i][j] = keep;
                    assertEquals((up - down) / (2 * h), g[a][i][j], 1e-7, "parameter group " + a + " [" + i + "]["
                            + j + "]");
                }
            }
        }
    }

    @Test
    void theTeacherItselfHasZeroLossAndTrainingReducesTheLoss() {
        SplittableRandom rng = new SplittableRandom(4);
        RateRnn teacher = RateRnn.random(8, 2, 2, 1.2, 0.3, rng);
        double[][][] u = new double[2][][];
        double[][][] z = new double[2][][];
        double[][][] r = new double[2][][];
        for (int k = 0; k < 2; k++) {
            u[k] = TASK.input(k * 2);
            RateRnn.Trajectory tr = teacher.run(u[k]);
            z[k] = tr.outputs();
            r[k] = tr.rates();
        }
        SparseActivityTraining.Result self = SparseActivityTraining.builder().setIterations(1).optLearningRate(0)
                .build().train(teacher, u, z, r);
        assertEquals(0, self.loss()[0], 1e-30);
        SparseActivityTraining.Result fit = SparseActivityTraining.builder().setIterations(200).build()
                .train(RateRnn.random(8, 2, 2, 1.0, 0.3, rng), u, z, new double[2][12][0]);
        assertTrue(fit.loss()[199] < 0.1 * fit.loss()[0], "loss " + fit.loss()[0] + " -> " + fit.loss()[199]);
    }

    @Test
    void rSquaredIsOneForAPerfectFitAndZeroForTheMean() {
        double[][][] target = {{{1, 2}, {3, 4}}, {{5, 0}, {-1, 2}}};
        assertEquals(1, ReachTask.rSquared(target, target), 1e-15);
        double[][][] mean = {{{2, 2}, {2, 2}}, {{2, 2}, {2, 2}}};
        assertEquals(0, ReachTask.rSquared(mean, target), 1e-15);
        assertTrue(TASK.heldOut(1) && TASK.heldOut(3) && !TASK.heldOut(0));
        assertEquals(0, TASK.input(0)[3][0], 0);
        assertEquals(1, TASK.input(0)[2][0], 0);
    }

    private static double[][][] zeros() {
        return new double[][][] {new double[6][6], new double[6][2], new double[1][6], new double[2][6]};
    }
}
