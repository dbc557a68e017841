package org.reprolab.papers.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirichletSphereTest {

    @Test
    void uniformDirichletDensityIsTwoOnTheTwoSimplex() {
        assertEquals(Math.log(2), DirichletSphere.logDensity(new double[] {1, 1, 1}, new double[] {0.2, 0.3, 0.5}), 1e-14);
    }

    @Test
    void gammaDrawsHaveMeanAndVarianceEqualToTheShape() {
        SplittableRandom rng = new SplittableRandom(5);
        for (double shape : new double[] {0.1, 0.5, 1, 2.5, 7}) {
            int n = 200_000;
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double g = DirichletSphere.gamma(shape, rng);
                s += g;
                s2 += g * g;
            }
            double mean = s / n;
            double var = s2 / n - mean * mean;
            assertEquals(shape, mean, 5 * Math.sqrt(shape / n), "mean, shape " + shape);
            // Var of the sample variance ≈ (μ₄ − σ⁴)/n with μ₄ = 3k² + 6k for Gamma(k)
            assertEquals(shape, var, 5 * Math.sqrt((2 * shape * shape + 6 * shape) / n), "variance, shape " + shape);
        }
    }

    @Test
    void samplesLieOnTheUnitSphereAndFollowThePrior() {
        DirichletSphere task = new DirichletSphere(new double[] {2, 2, 2}, new double[] {1, 1, 3}, 0.3);
        DirichletSphere.Sample s = task.sample(20_000, new SplittableRandom(1));
        int positives = 0;
        for (int i = 0; i < s.size(); i++) {
            double n2 = 0;
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                n2 += s.x()[i][j] * s.x()[i][j];
                sum += s.simplex()[i][j];
            }
            assertEquals(1, n2, 1e-12);
            assertEquals(1, sum, 1e-12);
            positives += s.y()[i] > 0 ? 1 : 0;
        }
        assertEquals(0.3, positives / 20_000.0, 5 * Math.sqrt(0.21 / 20_000));
        // class means of Dirichlet(α) are α/Σα: (1/3, 1/3, 1/3) and (0.2, 0.2, 0.6)
        double m2 = 0;
        int c = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.y()[i] < 0) {
                m2 += s.simplex()[i][2];
                c++;
            }
        }
        assertEquals(0.6, m2 / c, 0.01);
    }
}
