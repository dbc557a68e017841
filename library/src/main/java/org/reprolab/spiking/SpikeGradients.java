package org.reprolab.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.reprolab.engine.Engines;

/**
 * What the backward pass of a spiking neuron layer gives: the derivative of its spikes with respect to its input
 * currents, and the units it never passes a gradient through ("dead" units, which stop learning).
 *
 * <pre>{@code
 * float[] g = SpikeGradients.derivative(net.neuron(), net.currents(ps, x, false), ps);   // ∂s/∂I, (B·T·H)
 * int dead = SpikeGradients.deadUnits(g, 64);
 * }</pre>
 */
public final class SpikeGradients {

    private SpikeGradients() {}

    /**
     * ∂(Σ s)/∂I of a neuron layer at currents I (B, T, H), through the block in training mode as it trains (its
     * surrogate, if it has one), flattened. At T = 1 each spike depends on its own current only, so entry i is
     * ∂s_i/∂I_i.
     */
    public static float[] derivative(Block neuron, NDArray currents, ParameterStore ps) {
        NDArray in = currents.duplicate();
        in.setRequiresGradient(true);
        try (GradientCollector gc = Engines.engine().newGradientCollector()) {
            gc.backward(neuron.forward(ps, new NDList(in), true).singletonOrThrow().sum());
        }
        return in.getGradient().toFloatArray();
    }

    /** Units (the last axis, of size {@code units}) whose derivative is exactly 0 on every example. */
    public static int deadUnits(float[] derivative, int units) {
        boolean[] alive = new boolean[units];
        for (int i = 0; i < derivative.length; i++) {
            alive[i % units] |= derivative[i] != 0;
        }
        int dead = 0;
        for (boolean a : alive) {
            dead += a ? 0 : 1;
        }
        return dead;
    }

    /** How many entries are exactly 0. */
    public static long zeros(float[] derivative) {
        long z = 0;
        for (float v : derivative) {
            z += v == 0 ? 1 : 0;
        }
        return z;
    }
}
