package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class ActivationSpaceTest {

    private static final List<ActivationSpace> SPACES = List.of(ActivationSpace.bspline(7, 3),
            ActivationSpace.chebyshev(9), ActivationSpace.fourier(5), ActivationSpace.gaussianRbf(10));

    @Test
    void ndarrayBasisEqualsTheDoubleBasis() {
        double[] u = new double[41];
        for (int i = 0; i < u.length; i++) {
            u[i] = -1 + 2.0 * i / 40 - (i == 40 ? 1e-12 : 0);
        }
        try (NDManager m = Engines.engine().newBaseManager()) {
            for (ActivationSpace s : SPACES) {
                double[] nd = s.basis(m.create(u, new Shape(u.length, 1))).toDoubleArray();
                assertEquals(u.length * s.size(), nd.length, s.name());
                for (int r = 0; r < u.length; r++) {
                    double[] row = s.basisRow(u[r]);
                    for (int c = 0; c < s.size(); c++) {
                        assertEquals(row[c], nd[r * s.size() + c], 1e-12, s.name() + " u=" + u[r] + " c=" + c);
                    }
                }
            }
        }
    }

    @Test
    void everySpaceHasTenFunctionsByDefault() {
        for (ActivationSpace s : SKanLayer.defaultSpaces()) {
            assertEquals(10, s.size(), s.toString());
        }
    }

    @Test
    void chebyshevPolynomialsAreCosinesOfMultipleAngles() {
        ActivationSpace t = ActivationSpace.chebyshev(9);
        for (double theta = 0; theta <= Math.PI; theta += 0.1) {
            double[] row = t.basisRow(Math.cos(theta));
            for (int n = 0; n <= 9; n++) {
                assertEquals(Math.cos(n * theta), row[n], 1e-12);
            }
        }
    }

    @Test
    void fourierModesHaveFrequenciesOfHalfPiSteps() {
        double[] row = ActivationSpace.fourier(3).basisRow(0.4);
        for (int m = 1; m <= 3; m++) {
            assertEquals(Math.sin(m * Math.PI / 2 * 0.4), row[m - 1], 1e-15);
            assertEquals(Math.cos(m * Math.PI / 2 * 0.4), row[3 + m - 1], 1e-15);
        }
    }

    @Test
    void gaussianBumpsPeakAtTheirCentres() {
        ActivationSpace rbf = ActivationSpace.gaussianRbf(5);
        double[] centres = {-1, -0.5, 0, 0.5, 1};
        for (int c = 0; c < 5; c++) {
            double[] row = rbf.basisRow(centres[c]);
            assertEquals(1, row[c], 1e-15);
            if (c > 0) {
                assertEquals(Math.exp(-1), row[c - 1], 1e-15);                       // one spacing away
            }
        }
    }

    @Test
    void bsplineSpaceIsAPartitionOfUnityOnTheDomain() {
        ActivationSpace b = ActivationSpace.bspline(7, 3);
        for (double u = -1; u < 1; u += 0.01) {
            double s = 0;
            for (double v : b.basisRow(u)) {
                s += v;
            }
            assertEquals(1, s, 1e-12);
        }
    }
}
