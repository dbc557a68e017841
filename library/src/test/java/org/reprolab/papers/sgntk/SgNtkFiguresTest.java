package org.reprolab.papers.sgntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprolab.report.Charts;
import tech.tablesaw.api.Table;

class SgNtkFiguresTest {

    private static SgNtk kernel(Activation a, Derivative d) {
        return SgNtk.builder().setActivation(a).optSurrogate(d).build();
    }

    @Test
    void entriesNameTheUpdateAndShowTheInfiniteNaiveDiagonalOfSign() {
        Table t = SgNtkFigures.entries("t", CircleInputs.point(0), CircleInputs.point(1), List.of(
                kernel(Activation.sign(), null), kernel(Activation.sign(), Derivative.erf(2))));
        assertTrue(t.stringColumn(1).get(0).contains("true: NTK"));
        assertTrue(t.stringColumn(1).get(1).contains("surrogate: SG-NTK"));
        assertTrue(Double.isInfinite(t.doubleColumn(3).get(0)));
        assertTrue(Double.isFinite(t.doubleColumn(3).get(1)));
    }

    @Test
    void diagonalFactorsEndWithTheSignLimits() {
        Table t = SgNtkFigures.diagonalFactors(1.01, 2, 1, 10);
        assertEquals(3, t.rowCount());
        assertEquals(GaussianExpectations.deltaErfBump(2, 1.01, 1.01, 1.01), t.doubleColumn(2).get(2), 0);
    }

    @Test
    void chartsRenderHeadless() {
        Map<String, SgNtk> ks = new LinkedHashMap<>();
        ks.put("sign", kernel(Activation.sign(), Derivative.erf(2)));
        double[] a = CircleInputs.angles(4);
        KernelRegression.Prediction gp = new KernelRegression.Prediction(new double[4], new double[] {1, 1, 1, 1});
        for (var c : List.of(SgNtkFigures.slices("t", ks, true, 16), SgNtkFigures.slice("t", new double[4],
                Map.of("n", new double[4])), SgNtkFigures.errorVsWidth("t", new int[] {1, 4}, Map.of("k",
                new double[] {0.5, 0.25})), SgNtkFigures.naiveVsSg("t", new double[] {1, 10}, Map.of("l",
                new double[] {1, 10}), "p", new double[] {1}, new double[] {2}), SgNtkFigures.sgl("t", a,
                new double[4], gp, Map.of("m", new double[4]), new double[] {0.1}, new double[] {0}))) {
            assertTrue(Charts.png(c).length > 1000);
        }
    }
}
