package org.reprolab.papers.sgntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.reprolab.math.SpecialFunctions;

class SgNtkTest {

    private static double[] point(double alpha) {
        return new double[] {Math.cos(alpha), Math.sin(alpha)};
    }

    @Test
    void oneHiddenLayerKernelEqualsTheRecursionWrittenOut() {
        // L = 1: I = σ_w²·E[φ(u)φ(v)] + σ_b² + σ_w²·Σ¹(x, y)·E[φ'(u)ψ'(v)], each expectation by quadrature.
        double sw = 1.3;
        double sb = 0.2;
        double[] x = {0.3, -1.1, 0.5};
        double[] y = {-0.4, 0.8, 1.2};
        double a = sw * sw * (0.09 + 1.21 + 0.25) / 3 + sb * sb;
        double b = sw * sw * (0.16 + 0.64 + 1.44) / 3 + sb * sb;
        double c = sw * sw * (-0.12 - 0.88 + 0.6) / 3 + sb * sb;
        Derivative truth = Derivative.erf(1);
        Derivative surrogate = Derivative.erf(0.7);
        double nngp = sw * sw * GaussianExpectations.quadrature(
                (u, v) -> SpecialFunctions.erf(u) * SpecialFunctions.erf(v), a, b, c, 64) + sb * sb;
        double dot = GaussianExpectations.quadrature((u, v) -> truth.at(u) * surrogate.at(v), a, b, c, 64);
        SgNtk k = SgNtk.builder().setActivation(Activation.erf(1)).optSurrogate(surrogate).optSigmaW(sw).optSigmaB(sb)
                .build();
        SgNtk.Entry e = k.entry(x, y);
        assertEquals(nngp, e.nngp(), 1e-9);
        assertEquals(nngp + sw * sw * c * dot, e.kernel(), 1e-9);
    }

    @Test
    void reluNtkMatchesTheKnownArcCosineFormula() {
        // σ_b = 0, unit inputs at angle θ, one hidden layer: Θ = (sin θ + (π − θ) cos θ)/(2π)·σ_w²·s
        // + σ_w²·s·cos θ·(π − θ)/(2π), with s = σ_w²/n₀ the first-layer variance.
        double theta = 1.1;
        double sw = 1;
        double s = sw * sw / 2;
        double expected = sw * sw * s / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta))
                + sw * sw * s * Math.cos(theta) * (Math.PI - theta) / (2 * Math.PI);
        SgNtk k = SgNtk.builder().setActivation(Activation.relu()).optSigmaB(0).build();
        assertEquals(expected, k.entry(point(0), point(theta)).kernel(), 1e-14);
    }

    @Test
    void naiveSignNtkIsInfiniteOnTheDiagonalAndSurrogateKernelIsFinite() {
        SgNtk naive = SgNtk.builder().setActivation(Activation.sign()).optDepth(2).build();
        assertEquals(Double.POSITIVE_INFINITY, naive.entry(point(0.3), point(0.3)).kernel());
        SgNtk sg = SgNtk.builder().setActivation(Activation.sign()).optSurrogate(Derivative.erf(2)).optDepth(2).build();
        double diag = sg.entry(point(0.3), point(0.3)).kernel();
        assertEquals(true, Double.isFinite(diag) && diag > 0);
    }

    @Test
    void steepErfSgNtkConvergesToTheSignSgNtk() {
        for (int depth = 1; depth <= 3; depth++) {
            SgNtk sign = SgNtk.builder().setActivation(Activation.sign()).optSurrogate(Derivative.erf(2)).optDepth(depth)
                    .build();
            SgNtk steep = SgNtk.builder().setActivation(Activation.erf(1e6)).optSurrogate(Derivative.erf(2))
                    .optDepth(depth).build();
            for (double alpha : new double[] {0, 0.2, 1.5, 3.0}) {
                double limit = sign.entry(point(0), point(alpha)).kernel();
                assertEquals(limit, steep.entry(point(0), point(alpha)).kernel(), 1e-4 * Math.abs(limit));
            }
        }
    }

    @Test
    void standardNtkIsSymmetricAndSgNtkIsSymmetricOnEqualNorms() {
        SgNtk ntk = SgNtk.builder().setActivation(Activation.erf(3)).optDepth(2).build();
        double[] x = {0.2, 1.4};
        double[] y = {-0.9, 0.3};
        assertEquals(ntk.entry(x, y).kernel(), ntk.entry(y, x).kernel(), 1e-13);
        SgNtk sg = SgNtk.builder().setActivation(Activation.erf(3)).optSurrogate(Derivative.erf(1)).optDepth(2).build();
        assertEquals(sg.entry(point(0.4), point(2.0)).kernel(), sg.entry(point(2.0), point(0.4)).kernel(), 1e-13);
        // Unequal norms: the SG-NTK is asymmetric.
        double diff = sg.entry(x, y).kernel() - sg.entry(y, x).kernel();
        assertEquals(true, Math.abs(diff) > 1e-3);
    }

    @Test
    void builderRejectsMissingActivationAndBadScales() {
        assertThrows(IllegalArgumentException.class, () -> SgNtk.builder().build());
        assertThrows(IllegalArgumentException.class,
                () -> SgNtk.builder().setActivation(Activation.relu()).optSigmaW(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> SgNtk.builder().setActivation(Activation.relu()).optDepth(0).build());
    }
}
