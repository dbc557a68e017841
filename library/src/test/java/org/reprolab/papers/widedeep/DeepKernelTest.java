package org.reprolab.papers.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeepKernelTest {

    @Test
    void depthOneEqualsTheClosedForm() {
        // S² dual ξ = ρ/2 + ρ³/2: K₁ = ξ(ρ) + ρ·ξ′(ρ) = ρ + 2ρ³.
        DualActivation s2 = HermiteDual.optimalForSphere(2);
        // ReLU: K₁ = (√(1−ρ²) + (π − arccos ρ)ρ)/π + ρ(π − arccos ρ)/π.
        DualActivation relu = Duals.relu();
        for (double rho : new double[] {-0.9, -0.2, 0, 0.3, 0.99}) {
            assertEquals(rho + 2 * rho * rho * rho, DeepKernel.ntk(s2, 1, rho).value(), 1e-15);
            double theta = Math.acos(rho);
            double relu1 = (Math.sqrt(1 - rho * rho) + (Math.PI - theta) * rho) / Math.PI + rho * (Math.PI - theta) / Math.PI;
            assertEquals(relu1, DeepKernel.ntk(relu, 1, rho).value(), 1e-15);
            assertEquals(s2.xi(rho), DeepKernel.nngp(s2, 1, rho).value(), 1e-15);
            assertEquals(rho, DeepKernel.ntk(s2, 0, rho).value(), 1e-15);
        }
    }

    @Test
    void logSpaceKernelEqualsThePlainRecursionWhereThatDoesNotOverflow() {
        List<DualActivation> duals = List.of(HermiteDual.optimalForSphere(1), HermiteDual.optimalForSphere(2),
                HermiteDual.optimalForSphere(4), HermiteDual.optimalForSphere(8), Duals.erf(), Duals.relu(),
                Duals.sine(2.676), HermiteDual.monomial(2), HermiteDual.fromDual(0.1, 0.3, 0, 0.6));
        for (DualActivation d : duals) {
            for (int depth : new int[] {2, 7, 30, 120}) {
                for (double rho : new double[] {-0.95, -0.3, 0.05, 0.5, 0.9, 0.999}) {
                    double plain = DeepKernel.ntkReference(d, depth, rho);
                    if (Math.abs(plain) > 1e-290 && Math.abs(plain) < 1e290) {
                        assertEquals(plain, DeepKernel.ntk(d, depth, rho).value(), 1e-9 * Math.abs(plain),
                                d.name() + " NTK L=" + depth + " ρ=" + rho);
                    }
                    double plainNngp = DeepKernel.nngpReference(d, depth, rho);
                    if (Math.abs(plainNngp) > 1e-290) {
                        assertEquals(plainNngp, DeepKernel.nngp(d, depth, rho).value(), 1e-9 * Math.abs(plainNngp),
                                d.name() + " NNGP L=" + depth + " ρ=" + rho);
                    }
                }
            }
        }
    }

    @Test
    void diagonalIsTheGeometricSumOfXiPrimeAtOne() {
        // K_L(1) = Σ_{j=0}^{L} ξ′(1)^j; for the S² dual ξ′(1) = 2: 2^{L+1} − 1.
        DualActivation s2 = HermiteDual.optimalForSphere(2);
        assertEquals(Math.pow(2, 11) - 1, DeepKernel.ntk(s2, 10, 1).value(), 1e-9);
        assertEquals(5001 * Math.log(2), DeepKernel.ntk(s2, 5000, 1).log(), 1e-9);
        assertEquals(1001, DeepKernel.ntk(Duals.relu(), 1000, 1).value(), 1e-9);
        assertEquals(0, DeepKernel.nngp(s2, 5000, 1).log(), 0);
    }

    @Test
    void hermiteTwoKernelHasItsClosedFormFarBelowDoubleRange() {
        // ξ = ρ²: ρ_L = ρ^{2^L} and K_L = (2^{L+1} − 1)·ρ^{2^L} (induction: K_L = ρ^{2^L} + K_{L−1}·2ρ^{2^{L−1}}).
        DualActivation h2 = HermiteDual.monomial(2);
        for (int depth : new int[] {5, 30, 60}) {
            for (double rho : new double[] {0.3, -0.7, 0.999}) {
                double logRho = Math.pow(2, depth) * Math.log(Math.abs(rho));
                SignedLog k = DeepKernel.ntk(h2, depth, rho);
                SignedLog nngp = DeepKernel.nngp(h2, depth, rho);
                assertEquals(1, k.sign());
                assertEquals(Math.log(Math.pow(2, depth + 1) - 1) + logRho, k.log(), 1e-9 * Math.abs(logRho) + 1e-12);
                assertEquals(logRho, nngp.log(), 1e-12 * Math.abs(logRho));
            }
        }
    }

    @Test
    void closedFormTailEqualsTheRecursionContinuedInLogSpace() {
        // For ξ′(0) = c > 0 the tail after |ρ| < 1e-12 is K_{l+m} = cᵐ(K_l + mρ_l); compare with stepping
        // the exact recursion (in SignedLog) for 3000 layers.
        DualActivation s4 = HermiteDual.optimalForSphere(4);
        for (double rho : new double[] {0.2, 0.97, -0.6}) {
            int depth = 3000;
            SignedLog r = SignedLog.of(rho);
            SignedLog k = SignedLog.of(rho);
            for (int l = 0; l < depth; l++) {
                double rv = r.value();
                SignedLog x = r.log() < -600 ? r.times(SignedLog.of(s4.slopeAtZero())) : SignedLog.of(s4.xi(rv));
                SignedLog d = r.log() < -600 ? SignedLog.of(s4.slopeAtZero()) : SignedLog.of(s4.xiPrime(rv));
                k = x.plus(k.times(d));
                r = x;
            }
            SignedLog fast = DeepKernel.ntk(s4, depth, rho);
            assertEquals(k.sign(), fast.sign());
            assertEquals(k.log(), fast.log(), 1e-9 * Math.abs(k.log()));
        }
    }

    @Test
    void limitingKernelHasTheSingularExponent() {
        // Normalised by the value at ρ = 0, the deep kernel behaves like (1 − ρ)^{−α/2}: the local slope
        // of ln K against ln(1 − ρ) over 1 − ρ ∈ [1e-4, 1e-3] is −α/2 with α = 2 ln(1/ξ′(0))/ln ξ′(1).
        for (DualActivation d : List.of(HermiteDual.optimalForSphere(1), HermiteDual.optimalForSphere(2),
                HermiteDual.optimalForSphere(4), HermiteDual.optimalForSphere(8), Duals.erf())) {
            for (DeepKernel.Kind kind : DeepKernel.Kind.values()) {
                int depth = kind == DeepKernel.Kind.NTK ? 1_000_000 : 200;
                DeepKernel k = DeepKernel.builder().setDual(d).setDepth(depth).optKind(kind).build();
                double slope = (k.at(1 - 1e-3).log() - k.at(1 - 1e-4).log()) / Math.log(10);
                assertEquals(-d.singularExponent() / 2, slope, 0.03 * d.singularExponent() / 2, d.name() + " " + kind);
            }
        }
    }

    @Test
    void fittedExponentIsZeroForASmoothKernelAndTwoForTheDeepS2Kernel() {
        // At depth 0 the kernel is K₀ = ρ, smooth at ρ = 1 (α̂ ≈ 0); at L = 10⁶ the S² NTK is the Hilbert kernel of
        // S², ‖x − z‖^{−2} (α̂ = 2).
        DeepKernel flat = DeepKernel.builder().setDual(HermiteDual.optimalForSphere(2)).setDepth(0).build();
        assertEquals(0, flat.fittedExponent(1e-4, 1e-2, 21), 0.03);          // ln ρ ≈ −ε: slope ≈ 0
        DeepKernel deep = DeepKernel.builder().setDual(HermiteDual.optimalForSphere(2)).setDepth(1_000_000).build();
        assertEquals(2, deep.fittedExponent(1e-4, 1e-2, 21), 0.1);
        // Two points give the secant slope of the previous test's local exponent.
        double secant = -2 * (deep.at(1 - 1e-3).log() - deep.at(1 - 1e-4).log()) / Math.log(10);
        assertEquals(secant, deep.fittedExponent(1e-4, 1e-3, 2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> deep.fittedExponent(1e-2, 1e-4, 21));
    }

    @Test
    void majorityDualOffDiagonalTendsToTheFixedPointConstant() {
        // ξ = 0.1 + 0.3ρ + 0.6ρ³ has an attracting fixed point ρ* ≈ 0.145 with ξ′(ρ*) = d < 1, so for every
        // ρ < 1 the NTK tends to ρ*/(1 − d).
        DualActivation d = HermiteDual.fromDual(0.1, 0.3, 0, 0.6);
        double r = 0.1;
        for (int i = 0; i < 200; i++) {
            r = d.xi(r);
        }
        double limit = r / (1 - d.xiPrime(r));
        for (double rho : new double[] {-0.99, -0.2, 0.4, 0.999}) {
            assertEquals(limit, DeepKernel.ntk(d, 400, rho).value(), 1e-10 * limit);
            assertEquals(r, DeepKernel.nngp(d, 400, rho).value(), 1e-12);
        }
    }

    @Test
    void medianOffDiagonalRatioOfAKnownMatrix() {
        // K = [[2, 1, −1], [1, 2, 0.5], [−1, 0.5, 2]]: ratios K_ij/K_ii over i < j are 0.5, −0.5, 0.25; median 0.25.
        double[][] k = {{2, 1, -1}, {1, 2, 0.5}, {-1, 0.5, 2}};
        double[][] log = new double[3][3];
        byte[][] sign = new byte[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                log[i][j] = Math.log(Math.abs(k[i][j]));
                sign[i][j] = (byte) Math.signum(k[i][j]);
            }
        }
        assertEquals(0.25, new LogKernelMatrix(log, sign).medianOffDiagonalRatio(), 1e-15);
    }

    @Test
    void matrixIsSymmetricWithTheDiagonalOnIt() {
        double[][] x = {{1, 0, 0}, {0.6, 0.8, 0}, {0, 3, 4}};
        DeepKernel k = DeepKernel.builder().setDual(HermiteDual.optimalForSphere(2)).setDepth(40).build();
        LogKernelMatrix m = k.matrix(x, x);
        for (int i = 0; i < 3; i++) {
            assertEquals(k.diagonal().log(), m.log()[i][i], 0);
            for (int j = 0; j < 3; j++) {
                assertEquals(m.log()[i][j], m.log()[j][i], 0);
            }
        }
        assertEquals(k.at(0.6).log(), m.log()[0][1], 1e-12);
        assertEquals(k.at(0.48).log(), m.log()[1][2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> DeepKernel.builder().setDepth(3).build());
    }
}
