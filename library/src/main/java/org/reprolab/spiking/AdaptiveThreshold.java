package org.reprolab.spiking;

/**
 * A homeostatic (adaptive) firing threshold: θ = θ₀ + a, where the adaptation a jumps by Δ at each spike of the
 * neuron and relaxes to 0 with time constant τ_θ, a ← a e^{−dt/τ_θ}. A neuron that fires more than its peers raises
 * its own threshold and yields to them, so no few neurons take every input (the homeostasis of Diehl and Cook, 2015,
 * and of many STDP networks). With Δ = 0 the threshold is fixed.
 */
public final class AdaptiveThreshold {

    private final double base;
    private final double increment;
    private final double tau;
    private final double[] adaptation;

    /**
     * Thresholds of {@code neurons} neurons.
     *
     * @param base θ₀
     * @param increment Δ added at each spike (0: no homeostasis)
     * @param tau τ_θ (ms); {@code Double.POSITIVE_INFINITY} keeps the adaptation for good
     */
    public AdaptiveThreshold(int neurons, double base, double increment, double tau) {
        if (neurons < 1 || increment < 0 || !(tau > 0)) {
            throw new IllegalArgumentException("AdaptiveThreshold needs neurons ≥ 1, Δ ≥ 0 and τ > 0");
        }
        this.base = base;
        this.increment = increment;
        this.tau = tau;
        this.adaptation = new double[neurons];
    }

    /** The threshold θ₀ + a of neuron j. */
    public double threshold(int j) {
        return base + adaptation[j];
    }

    /** The adaptation a of neuron j. */
    public double adaptation(int j) {
        return adaptation[j];
    }

    /** Advances one step of length dt: decays every adaptation, then adds Δ for each neuron that spiked. */
    public void step(boolean[] spiked, double dt) {
        double decay = Double.isInfinite(tau) ? 1 : Math.exp(-dt / tau);
        for (int j = 0; j < adaptation.length; j++) {
            adaptation[j] = adaptation[j] * decay + (spiked[j] ? increment : 0);
        }
    }
}
