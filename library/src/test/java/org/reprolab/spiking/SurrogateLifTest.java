package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class SurrogateLifTest {

    @Test
    void forwardIsTheHeaviside() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] x = {-2, -1e-6, 0, 1e-6, 3};
            assertArrayEquals(new double[] {0, 0, 1, 1, 1}, SurrogateLif.spike(m.create(x), 4f).toDoubleArray(), 0);
        }
    }

    @Test
    void backwardEqualsTheSurrogateDerivative() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            double[] xv = new double[81];
            for (int i = 0; i < xv.length; i++) {
                xv[i] = -2 + 0.05 * i;
            }
            for (float alpha : new float[] {1f, 4f, 10f}) {
                NDArray x = m.create(xv);
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                    gc.backward(SurrogateLif.spike(x, alpha).sum());
                }
                double[] g = x.getGradient().toDoubleArray();
                for (int i = 0; i < xv.length; i++) {
                    assertEquals(SurrogateLif.surrogateDerivative(xv[i], alpha), g[i], 1e-12);
                }
                assertEquals(alpha / 4.0, SurrogateLif.surrogateDerivative(0, alpha), 1e-15);
            }
        }
    }

    @Test
    void lifIntegratesLeaksFiresAndResets() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            // τ = 0.5, θ = 1: u = 0.6; 0.3 + 0.6 = 0.9; 0.45 + 0.6 = 1.05 → spike, v = 0; 0 + 0.6 = 0.6
            NDArray in = m.create(new double[] {0.6, 0.6, 0.6, 0.6}).reshape(1, 4, 1);
            double[] s = SurrogateLif.lif(in, 0.5f, 1f, 4f).toDoubleArray();
            assertArrayEquals(new double[] {0, 0, 1, 0}, s, 0);
        }
    }
}
