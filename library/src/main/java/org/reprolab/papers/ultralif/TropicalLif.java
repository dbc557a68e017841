package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * The ε → 0 limit of {@link UltraLif}: the ultradiscrete (max-plus, tropical) LIF neuron. Per time step,
 *
 * <pre>
 *   u_t = max(v_{t−1} + log τ, I_t)     membrane: the tropical sum of the leaked state and the input
 *   s_t = H(u_t − θ)                    spike (Heaviside, H(0) = 0)
 *   v_t = u_t · (1 − s_t)               hard reset to 0
 * </pre>
 *
 * with v_0 = 0. Each UltraLIF membrane step differs from this one by at most ε ln 2 (the
 * {@link SoftMaxPlus} bound) and, since max is 1-Lipschitz, the errors add at most ε ln 2 per step while
 * the spikes agree: |v^ε_t − v_t| ≤ t·ε·ln 2 plus reset terms that vanish like e^{−δ/ε} when u stays a
 * distance δ from θ (our corollary of the per-step bound).
 */
public final class TropicalLif {

    private TropicalLif() {}

    /** Runs the neuron on currents (B, T, N). Returns {@code {spikes, membrane}}, both (B, T, N). */
    public static NDList simulate(NDArray currents, double tau, double threshold) {
        long steps = currents.getShape().get(1);
        double logTau = Math.log(tau);
        NDArray v = currents.get(new NDIndex(":, 0")).zerosLike();
        NDList spikes = new NDList();
        NDList membrane = new NDList();
        for (int t = 0; t < steps; t++) {
            NDArray u = v.add(logTau).maximum(currents.get(new NDIndex(":, {}", t)));   // tropical sum
            NDArray s = u.gt(threshold).toType(currents.getDataType(), false);           // H(u − θ)
            v = u.mul(s.neg().add(1));                                                   // hard reset
            spikes.add(s);
            membrane.add(v);
        }
        return new NDList(NDArrays.stack(spikes, 1), NDArrays.stack(membrane, 1));
    }

    /** One step on numbers: returns {@code {s, v}}. */
    public static double[] step(double v, double current, double tau, double threshold) {
        double u = Math.max(v + Math.log(tau), current);
        double s = u > threshold ? 1 : 0;
        return new double[] {s, u * (1 - s)};
    }
}
