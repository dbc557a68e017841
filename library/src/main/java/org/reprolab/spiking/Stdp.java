package org.reprolab.spiking;

/**
 * Pair-based spike-timing-dependent plasticity with exponential windows, in its online (trace) form. For a
 * presynaptic spike at t_pre and a postsynaptic spike at t_post, Δt = t_post − t_pre:
 *
 * <pre>
 *   Δw = A₊ exp(−Δt / τ₊)      for Δt &gt; 0  (pre before post: potentiation)
 *   Δw = −A₋ exp(Δt / τ₋)      for Δt ≤ 0  (post before pre: depression)
 * </pre>
 *
 * with w kept in [w_min, w_max]. Online, each synapse keeps a presynaptic trace x (x ← x e^{−dt/τ₊}, +1 per pre
 * spike) and each neuron a postsynaptic trace y (y ← y e^{−dt/τ₋}, +1 per post spike): a post spike adds A₊ x, a
 * pre spike subtracts A₋ y, which sums the window over all pairs.
 *
 * @param aPlus potentiation amplitude A₊
 * @param aMinus depression amplitude A₋
 * @param tauPlus potentiation time constant τ₊ (ms)
 * @param tauMinus depression time constant τ₋ (ms)
 * @param wMin lower weight bound
 * @param wMax upper weight bound
 */
public record Stdp(double aPlus, double aMinus, double tauPlus, double tauMinus, double wMin, double wMax) {

    /** Checks the parameters. */
    public Stdp {
        if (!(aPlus >= 0 && aMinus >= 0 && tauPlus > 0 && tauMinus > 0 && wMin <= wMax)) {
            throw new IllegalArgumentException("Stdp needs A ≥ 0, τ > 0 and w_min ≤ w_max");
        }
    }

    /** The weight change of one pair with Δt = t_post − t_pre (ms). */
    public double window(double dt) {
        return dt > 0 ? aPlus * Math.exp(-dt / tauPlus) : -aMinus * Math.exp(dt / tauMinus);
    }

    /** w + Δw clipped to [w_min, w_max]. */
    public double clip(double w) {
        return Math.max(wMin, Math.min(wMax, w));
    }

    /** The decay factor of the presynaptic trace over a step dt. */
    public double preDecay(double dt) {
        return Math.exp(-dt / tauPlus);
    }

    /** The decay factor of the postsynaptic trace over a step dt. */
    public double postDecay(double dt) {
        return Math.exp(-dt / tauMinus);
    }

    /**
     * Online update of a weight matrix w[post][pre] for one time step: decays the traces, adds this step's spikes to
     * them, then potentiates the synapses of every neuron that spiked by A₊ x_pre and depresses those of every input
     * that spiked by A₋ y_post (pairs in the same step count as pre before post: the trace of a pre spike is added
     * first).
     */
    public void step(double[][] w, double[] preTrace, double[] postTrace, boolean[] pre, boolean[] post, double dt) {
        double dp = preDecay(dt);
        double dq = postDecay(dt);
        for (int i = 0; i < preTrace.length; i++) {
            preTrace[i] = preTrace[i] * dp + (pre[i] ? 1 : 0);
        }
        for (int j = 0; j < postTrace.length; j++) {
            postTrace[j] *= dq;
        }
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < preTrace.length; i++) {
                double dw = (post[j] ? aPlus * preTrace[i] : 0) - (pre[i] ? aMinus * postTrace[j] : 0);
                if (dw != 0) {
                    w[j][i] = clip(w[j][i] + dw);
                }
            }
        }
        for (int j = 0; j < postTrace.length; j++) {
            postTrace[j] += post[j] ? 1 : 0;
        }
    }
}
