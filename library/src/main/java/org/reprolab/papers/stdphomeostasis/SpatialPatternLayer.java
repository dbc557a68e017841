package org.reprolab.papers.stdphomeostasis;

import java.util.Arrays;
import org.reprolab.spiking.Stdp;

/**
 * A layer of LIF output neurons that learns spatial patterns (input spikes that all arrive at once) by STDP, with
 * a teacher and a homeostatic threshold, in the manner of Davies et al. A presentation lasts a short window of steps
 * dt: at step 0 the active inputs spike together and each neuron integrates
 *
 * <pre>
 *   v_j ← v_j e^{−dt/τ_m} + Σ_i w_ji s_i,     a natural spike when v_j ≥ θ_j (then v_j ← 0)
 * </pre>
 *
 * and when learning, the teacher makes the target neuron spike {@code teacherDelay} ms later, so pre-before-post
 * STDP ({@link Stdp}) potentiates exactly its synapses from the active inputs; natural spikes of other neurons
 * potentiate theirs too. The homeostatic threshold [our reconstruction] follows the neuron's own total weight,
 * θ_j = h Σ_i w_ji: the neuron fires when the input carries at least a fraction h of its weight mass, so the factor h
 * sets how much overlap it tolerates. Without homeostasis θ_j = θ₀ is fixed for all neurons.
 *
 * <pre>{@code
 * SpatialPatternLayer layer = SpatialPatternLayer.builder().setInputs(64).setNeurons(10).optHomeostasis(0.8).build();
 * layer.present(pattern, 3, true);          // teach neuron 3
 * boolean[] fired = layer.present(noisy, -1, false);
 * }</pre>
 */
public final class SpatialPatternLayer {

    private final int inputs;
    private final int neurons;
    private final Stdp stdp;
    private final double tauMembrane;
    private final double dt;
    private final int teacherDelay;
    private final int window;
    private final double homeostasis;
    private final double fixedThreshold;
    private final double[][] w;

    private SpatialPatternLayer(Builder b) {
        this.inputs = b.inputs;
        this.neurons = b.neurons;
        this.stdp = b.stdp;
        this.tauMembrane = b.tauMembrane;
        this.dt = b.dt;
        this.teacherDelay = b.teacherDelay;
        this.window = b.teacherDelay + 5;
        this.homeostasis = b.homeostasis;
        this.fixedThreshold = b.fixedThreshold;
        this.w = new double[neurons][inputs];
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The weight one teacher pairing gives a synapse from 0: A₊ e^{−delay/τ₊} (clipped). */
    public static double learnedWeight(Stdp stdp, double delayMs) {
        return stdp.clip(stdp.window(delayMs));
    }

    /** The threshold θ_j: h Σ_i w_ji with homeostasis, θ₀ without. */
    public double threshold(int j) {
        if (Double.isNaN(homeostasis)) {
            return fixedThreshold;
        }
        return homeostasis * Arrays.stream(w[j]).sum();
    }

    /** Whether the homeostatic threshold is on. */
    public boolean homeostatic() {
        return !Double.isNaN(homeostasis);
    }

    /** A copy of neuron j's weights. */
    public double[] weights(int j) {
        return w[j].clone();
    }

    /**
     * Presents one spatial pattern for a window of steps and returns which neurons spiked of their own accord (the
     * teacher's forced spike does not count). With {@code learn}, STDP updates the weights and {@code teacher} ≥ 0
     * names the neuron the teacher makes spike; {@code teacher} = −1 for none.
     */
    public boolean[] present(boolean[] pattern, int teacher, boolean learn) {
        double[] v = new double[neurons];
        double[] preTrace = new double[inputs];
        double[] postTrace = new double[neurons];
        boolean[] fired = new boolean[neurons];
        boolean[] none = new boolean[inputs];
        double[] theta = new double[neurons];
        for (int j = 0; j < neurons; j++) {
            theta[j] = threshold(j);                     // fixed during the presentation
        }
        double leak = Math.exp(-dt / tauMembrane);
        for (int k = 0; k < window; k++) {
            boolean[] pre = k == 0 ? pattern : none;
            boolean[] post = new boolean[neurons];
            for (int j = 0; j < neurons; j++) {
                double drive = 0;
                if (k == 0) {
                    for (int i = 0; i < inputs; i++) {
                        drive += pattern[i] ? w[j][i] : 0;
                    }
                }
                v[j] = v[j] * leak + drive;
                if (v[j] > 0 && v[j] >= theta[j]) {     // a natural spike
                    post[j] = true;
                    fired[j] = true;
                    v[j] = 0;
                }
                if (learn && j == teacher && k == teacherDelay) {
                    post[j] = true;                      // the teacher's spike
                    v[j] = 0;
                }
            }
            if (learn) {
                stdp.step(w, preTrace, postTrace, pre, post, dt);
            }
        }
        return fired;
    }

    /** Builds {@link SpatialPatternLayer}. */
    public static final class Builder {
        private int inputs;
        private int neurons = 1;
        private Stdp stdp = new Stdp(1, 1, 20, 20, 0, 1);
        private double tauMembrane = 20;
        private double dt = 1;
        private int teacherDelay = 2;
        private double homeostasis = Double.NaN;
        private double fixedThreshold = 1;

        /** Input neurons (required). */
        public Builder setInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        /** Output neurons; default 1. */
        public Builder setNeurons(int neurons) {
            this.neurons = neurons;
            return this;
        }

        /** The STDP rule; default A₊ = A₋ = 1, τ₊ = τ₋ = 20 ms, w in [0, 1]. */
        public Builder optStdp(Stdp stdp) {
            this.stdp = stdp;
            return this;
        }

        /** The homeostatic factor h in (0, 1]: θ_j = h Σ_i w_ji; default off (NaN). */
        public Builder optHomeostasis(double h) {
            this.homeostasis = h;
            return this;
        }

        /** The fixed threshold θ₀ used without homeostasis; default 1. */
        public Builder optFixedThreshold(double theta) {
            this.fixedThreshold = theta;
            return this;
        }

        /** Steps (ms) from the pattern to the teacher's spike; default 2. */
        public Builder optTeacherDelay(int steps) {
            this.teacherDelay = steps;
            return this;
        }

        /** Membrane time constant τ_m (ms); default 20. */
        public Builder optTauMembrane(double tau) {
            this.tauMembrane = tau;
            return this;
        }

        /** The layer. */
        public SpatialPatternLayer build() {
            if (inputs < 1 || neurons < 1 || teacherDelay < 1 || !(tauMembrane > 0)
                    || !(Double.isNaN(homeostasis) || homeostasis > 0 && homeostasis <= 1)) {
                throw new IllegalArgumentException("SpatialPatternLayer needs inputs, neurons ≥ 1, delay ≥ 1, "
                        + "τ_m > 0 and 0 < h ≤ 1");
            }
            return new SpatialPatternLayer(this);
        }
    }
}
