package org.reprolab.papers.braindynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KuramotoTest {

    @Test
    void orderParameterIsOneInPhaseAndZeroForEvenlySpreadPhases() {
        double[] r = Kuramoto.orderParameter(new double[] {0.7, 0.7, 0.7});
        assertEquals(1, r[0], 1e-15);
        assertEquals(0.7, r[1], 1e-15);
        double[] spread = new double[8];
        for (int i = 0; i < 8; i++) {
            spread[i] = 2 * Math.PI * i / 8;
        }
        assertEquals(0, Kuramoto.orderParameter(spread)[0], 1e-15);
    }

    @Test
    void meanFieldVelocityEqualsThePairwiseSum() {
        SplittableRandom random = new SplittableRandom(3);
        Kuramoto m = new Kuramoto(Kuramoto.lorentzianFrequencies(40, 0.5, random), 1.7);
        double[] theta = Kuramoto.uniformPhases(40, random);
        assertArrayEquals(m.pairwiseVelocity(theta), m.velocity(theta), 1e-12);
    }

    @Test
    void criticalCouplingOfTheLorentzianIsTwiceItsHalfWidth() {
        assertEquals(1.0, Kuramoto.criticalCoupling(Kuramoto.lorentzianAtZero(0.5)), 1e-15);
        assertEquals(Math.sqrt(0.5), Kuramoto.stationaryOrder(2.0, 0.5), 1e-15);
        assertEquals(0, Kuramoto.stationaryOrder(0.9, 0.5));
    }

    @Test
    void uncoupledPhasesAdvanceAtTheirNaturalFrequencies() {
        double[] omega = {-1.0, 0.25, 2.0};
        double[] theta = {0.1, 0.2, 0.3};
        new Kuramoto(omega, 0).orderParameterTrace(theta, 0.01, 500);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.1 * (i + 1) + omega[i] * 5, theta[i], 1e-12);
        }
    }

    @Test
    void twoOscillatorsLockWhereTheirPhaseDifferenceSolvesDeltaEqualsKSinPhi() {
        // φ = θ2 − θ1 obeys dφ/dt = Δ − K sin φ: it locks at sin φ = Δ/K, where r = cos(φ/2)
        double delta = 0.6;
        double k = 1.0;
        double[] theta = {0, 0.1};
        double[] r = new Kuramoto(new double[] {-delta / 2, delta / 2}, k).orderParameterTrace(theta, 0.01, 3000);
        double phi = Math.asin(delta / k);
        assertEquals(phi, theta[1] - theta[0], 1e-9);
        assertEquals(Math.cos(phi / 2), r[r.length - 1], 1e-9);
    }

    @Test
    void identicalOscillatorsSynchronise() {
        double[] theta = Kuramoto.uniformPhases(50, new SplittableRandom(5));
        double[] r = new Kuramoto(new double[50], 1.0).orderParameterTrace(theta, 0.05, 2000);
        assertTrue(r[r.length - 1] > 1 - 1e-9, "r = " + r[r.length - 1]);
    }

    @Test
    void lorentzianSampleHasTheRightMedianAndQuartiles() {
        double[] w = Kuramoto.lorentzianFrequencies(20_001, 0.5, new SplittableRandom(9));
        java.util.Arrays.sort(w);
        assertEquals(0, w[10_000], 0.03);
        assertEquals(-0.5, w[5_000], 0.03);   // the quartiles of a Cauchy law sit at ±γ
        assertEquals(0.5, w[15_000], 0.03);
    }
}
