package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SKanComparisonTest {

    private static KanTraining.Comparison c(double b, double cheb, double f, double rbf, double skan, double mlp) {
        return new KanTraining.Comparison(new double[] {b, cheb, f, rbf}, skan, mlp, List.of(List.of("x")), 45, 11, 13);
    }

    @Test
    void bestSpacesAndPerSeedGeometricMeansFollowTheRecordedErrors() {
        SKanComparison cmp = new SKanComparison(SKanLayer.defaultSpaces(),
                List.of(ToyFunction.sinPi(), ToyFunction.abs()), 2);
        // sin(πx): Chebyshev best at both seeds; |x|: Fourier best at seed 1, B-spline at seed 2, Fourier overall.
        cmp.record(0, 0, c(4e-3, 1e-4, 2e-3, 5e-3, 4e-4, 1e-2));
        cmp.record(0, 1, c(4e-3, 4e-4, 2e-3, 5e-3, 1e-4, 1e-2));
        cmp.record(1, 0, c(2e-2, 3e-2, 1e-2, 4e-2, 1e-2, 4e-2));
        cmp.record(1, 1, c(1.5e-2, 3e-2, 1.6e-2, 4e-2, 4e-2, 1e-2));
        assertEquals(1, cmp.bestSpace(0));
        assertEquals(2, cmp.bestSpace(1));                                  // √(1e-2·1.6e-2) < √(2e-2·1.5e-2)
        assertArrayEquals(new double[] {2, 2}, cmp.differentBestSpaces(), 0);
        assertArrayEquals(new double[] {Math.sqrt(4e-4 * 1e-2), Math.sqrt(1e-4 * 4e-2)}, cmp.skanOverTasks(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(1e-4 * 1e-2), Math.sqrt(4e-4 * 1.6e-2)}, cmp.bestSingleOverTasks(),
                1e-15);
        assertArrayEquals(new double[] {Math.sqrt(1e-2 * 4e-2), Math.sqrt(1e-2 * 1e-2)}, cmp.mlpOverTasks(), 1e-15);
        assertEquals(List.of("sin(πx): Chebyshev", "|x|: Fourier"), cmp.bestSpaceNames());
        assertEquals(6 + 1, cmp.table().columnCount());
        assertEquals(4, cmp.choices().rowCount());
    }
}
