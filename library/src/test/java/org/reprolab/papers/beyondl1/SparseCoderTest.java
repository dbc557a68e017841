package org.reprolab.papers.beyondl1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseCoderTest {

    @Test
    void orthonormalDictionaryGivesTheOneStepProxOfTheAnalysisCoefficients() {
        // Φ = I: the ℓ1 problem separates, a = soft(x, λ) exactly; ISTA reaches it because η‖ΦΦᵀ‖ < 1.
        double[][] id = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        SparseCoder coder = new SparseCoder(Thresholding.SOFT, id);
        double[] a = coder.encode(new double[] {2, -0.3, 0.9}, 0.5, 2000);
        assertArrayEquals(new double[] {1.5, 0, 0.4}, a, 1e-9);
        double[] h = new SparseCoder(Thresholding.HARD, id).encode(new double[] {2, -0.3, 0.9}, 0.5, 2000);
        // η = 0.99: the hard threshold √(2ηλ) = √0.99 is above 0.9, so that coefficient never enters; 2 is kept whole.
        assertArrayEquals(new double[] {2, 0, 0}, h, 1e-9);
    }

    @Test
    void istaStepIsBelowTheInverseSpectralNorm() {
        double[][] atoms = SparseCoder.randomAtoms(32, 16, new SplittableRandom(1));
        SparseCoder coder = new SparseCoder(Thresholding.CEL0, atoms);
        double[] ev = org.reprolab.math.LinearAlgebra.symmetricEigenvalues(SparseCoder.gram(coder.atoms()));
        assertEquals(0.99 / ev[ev.length - 1], coder.eta(), 1e-5 * coder.eta());      // power iteration to 1e-6
        for (double[] row : coder.atoms()) {
            assertEquals(1, SparseCoder.dot(row, row), 1e-12);
        }
    }

    @Test
    void planted1SparseSignalsAreRecoveredByEveryOperator() {
        double[][] atoms = SparseCoder.randomAtoms(20, 16, new SplittableRandom(2));
        for (Thresholding op : Thresholding.values()) {
            SparseCoder coder = new SparseCoder(op, atoms);
            double[] x = coder.atoms()[7].clone();
            for (int i = 0; i < x.length; i++) {
                x[i] *= 3;
            }
            double[] a = coder.encode(x, 0.05, 3000);
            int best = 0;
            for (int k = 0; k < a.length; k++) {
                best = Math.abs(a[k]) > Math.abs(a[best]) ? k : best;
            }
            assertEquals(7, best, op.toString());
        }
    }

    @Test
    void activeAtErrorInterpolatesLogActiveLinearlyInError() {
        List<SparseCoder.Fit> curve = List.of(new SparseCoder.Fit(1, 4, 0.4), new SparseCoder.Fit(0.5, 16, 0.2));
        assertEquals(8, SparseCoder.activeAtError(curve, 0.3), 1e-12);
        assertTrue(Double.isNaN(SparseCoder.activeAtError(curve, 0.5)));
    }
}
