package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdaptiveThresholdTest {

    @Test
    void adaptationJumpsAtSpikesAndDecaysExponentially() {
        AdaptiveThreshold theta = new AdaptiveThreshold(2, 1, 0.5, 10);
        theta.step(new boolean[] {true, false}, 1);
        assertEquals(1.5, theta.threshold(0), 1e-12);
        assertEquals(1, theta.threshold(1), 1e-12);
        for (int k = 0; k < 10; k++) {
            theta.step(new boolean[] {false, false}, 1);
        }
        assertEquals(0.5 * Math.exp(-1), theta.adaptation(0), 1e-12);
    }

    @Test
    void steadyAdaptationOfARegularSpikerIsTheGeometricSum() {
        // A spike every step of dt: a* = Δ / (1 − e^{−dt/τ}).
        AdaptiveThreshold theta = new AdaptiveThreshold(1, 0, 0.1, 5);
        for (int k = 0; k < 2000; k++) {
            theta.step(new boolean[] {true}, 1);
        }
        assertEquals(0.1 / (1 - Math.exp(-0.2)), theta.adaptation(0), 1e-9);
    }
}
