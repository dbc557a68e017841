package org.reprolab.papers.beyondl1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThresholdingTest {

    /** The closed forms against the definition argmin ½(v − u)² + η·R(v; λ), by brute force on a fine grid. */
    @Test
    void everyClosedFormIsTheMinimiserOfItsPenalisedObjective() {
        double eta = 0.4;
        double lambda = 0.7;
        for (Thresholding op : Thresholding.values()) {
            for (double u = -3; u <= 3; u += 0.0137) {
                double closed = op.prox(u, eta, lambda);
                double brute = op.proxByGridSearch(u, eta, lambda, 200_000);
                double cost = objective(op, closed, u, eta, lambda);
                double bruteCost = objective(op, brute, u, eta, lambda);
                // Same minimiser, or (exactly at a jump) the same minimal cost.
                assertEquals(bruteCost, cost, 1e-9, op + " at u = " + u);
                if (Math.abs(closed - brute) > 1e-4) {
                    assertEquals(bruteCost, cost, 1e-12, op + " at u = " + u + ": two minimisers must tie");
                }
            }
        }
    }

    private static double objective(Thresholding op, double v, double u, double eta, double lambda) {
        return 0.5 * (v - u) * (v - u) + eta * op.penalty(v, lambda);
    }

    @Test
    void thresholdsAreTheHandComputedOnes() {
        double eta = 0.5;
        double lambda = 0.5;                                         // ηλ = 1/4
        assertEquals(0, Thresholding.SOFT.prox(0.25, eta, lambda), 0);
        assertEquals(0.75, Thresholding.SOFT.prox(1, eta, lambda), 1e-15);
        assertEquals(0, Thresholding.HARD.prox(Math.sqrt(0.5) - 1e-9, eta, lambda), 0);   // √(2ηλ) = √½
        assertEquals(0.71, Thresholding.HARD.prox(0.71, eta, lambda), 0);
        double half = 1.5 * Math.pow(0.25, 2.0 / 3);                 // (3/2)(ηλ)^⅔
        assertEquals(0, Thresholding.HALF.prox(half - 1e-9, eta, lambda), 0);
        // At the threshold arccos((μ/8)(|u|/3)^−3/2) = π/4, so the jump lands on (2/3)·u.
        assertEquals(2.0 / 3 * half, Thresholding.HALF.prox(half + 1e-12, eta, lambda), 1e-9);
        // CEL0: zero below η√(2λ) = 1/2, identity above √(2λ) = 1, linear (|u| − ½)/(1 − ½) in between.
        assertEquals(0, Thresholding.CEL0.prox(0.5, eta, lambda), 1e-15);
        assertEquals(0.5, Thresholding.CEL0.prox(0.75, eta, lambda), 1e-15);
        assertEquals(-2, Thresholding.CEL0.prox(-2, eta, lambda), 0);
    }

    @Test
    void cel0PenaltyIsContinuousAndReachesLambdaAtTheHardThreshold() {
        double lambda = 0.3;
        double t = Math.sqrt(2 * lambda);
        assertEquals(0, Thresholding.CEL0.penalty(0, lambda), 1e-15);
        assertEquals(lambda, Thresholding.CEL0.penalty(t, lambda), 1e-15);
        assertEquals(lambda, Thresholding.CEL0.penalty(5 * t, lambda), 0);
    }
}
