package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StdpTest {

    private final Stdp rule = new Stdp(0.01, 0.012, 20, 20, 0, 1);

    /** One pre and one post spike, Δt = t_post − t_pre, simulated online with dt = 0.1 ms. */
    private double online(double tPre, double tPost) {
        double[][] w = {{0.5}};
        double[] x = new double[1];
        double[] y = new double[1];
        double dt = 0.1;
        for (int k = 0; k <= 1000; k++) {
            double t = k * dt;
            boolean pre = Math.abs(t - tPre) < dt / 2;
            boolean post = Math.abs(t - tPost) < dt / 2;
            rule.step(w, x, y, new boolean[] {pre}, new boolean[] {post}, dt);
        }
        return w[0][0] - 0.5;
    }

    @Test
    void onlineTracesReproduceTheExponentialWindowForOnePair() {
        for (double dt : new double[] {1, 5, 20, 40}) {
            assertEquals(rule.window(dt), online(10, 10 + dt), 1e-9, "pre before post by " + dt);
            assertEquals(rule.window(-dt), online(10 + dt, 10), 1e-9, "post before pre by " + dt);
        }
        assertEquals(0.01 * Math.exp(-0.25), rule.window(5), 1e-15);
        assertEquals(-0.012 * Math.exp(-0.25), rule.window(-5), 1e-15);
    }

    @Test
    void weightsStayWithinTheirBounds() {
        Stdp strong = new Stdp(2, 2, 20, 20, 0, 1);
        double[][] w = {{0.5, 0.5}};
        double[] x = new double[2];
        double[] y = new double[1];
        strong.step(w, x, y, new boolean[] {true, false}, new boolean[] {true}, 1);
        assertEquals(1, w[0][0]);
        assertEquals(0.5, w[0][1]);
        strong.step(w, x, y, new boolean[] {false, true}, new boolean[] {false}, 1);
        assertEquals(0, w[0][1]);
    }
}
