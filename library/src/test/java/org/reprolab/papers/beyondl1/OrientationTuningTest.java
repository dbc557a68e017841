package org.reprolab.papers.beyondl1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrientationTuningTest {

    @Test
    void aGaborPrefersItsOwnOrientationAndFrequencyAndIsSelective() {
        int side = 8;
        double theta = Math.PI * 3 / 8;
        double[] g = OrientationTuning.grating(side, theta, 0.25, 0.7);
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                g[y * side + x] *= Math.exp(-((x - c) * (x - c) + (y - c) * (y - c)) / (2 * 2.0 * 2.0));
            }
        }
        OrientationTuning t = OrientationTuning.of(g, side, 8);
        assertEquals(theta, t.preferred(), 1e-6);
        assertEquals(0.25, t.frequency(), 0);
        assertTrue(t.osi() > 0.9, "OSI " + t.osi());
        assertTrue(t.vectorStrength() > 0.3 && t.vectorStrength() < t.osi(), "vector strength " + t.vectorStrength());
    }

    @Test
    void anIsotropicBlobIsNotSelective() {
        int side = 8;
        double[] dog = new double[side * side];
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double r2 = (x - c) * (x - c) + (y - c) * (y - c);
                dog[y * side + x] = Math.exp(-r2 / 2) - 0.25 * Math.exp(-r2 / 8);
            }
        }
        OrientationTuning t = OrientationTuning.of(dog, side, 8);
        assertTrue(t.osi() < 0.05 && t.vectorStrength() < 0.05, t.osi() + ", " + t.vectorStrength());
    }

    @Test
    void aGratingsEnergyIsPhaseInvariant() {
        double[] atom = OrientationTuning.grating(8, 0.3, 0.2, 1.1);
        double e = OrientationTuning.energy(atom, 8, 0.3, 0.2);
        double best = 0;
        for (int k = 0; k < 3600; k++) {
            double dot = SparseCoder.dot(atom, OrientationTuning.grating(8, 0.3, 0.2, 2 * Math.PI * k / 3600));
            best = Math.max(best, Math.abs(dot));
        }
        assertEquals(e, best, 1e-3 * e);
    }
}
