package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.reprolab.engine.Engines;
import org.reprolab.engine.NdConstants;

/**
 * The UltraLIF neuron (Miñoza 2026, Sec. 4): the leaky integrate-and-fire neuron ultradiscretized, so the
 * membrane update is a soft max-plus sum and the spike a sigmoid of temperature ε. Per time step t,
 *
 * <pre>
 *   u_t = LSE_ε(v_{t−1} + log τ, I_t)        membrane: leak (+ log τ) then soft max with the input current
 *   s_t = σ((u_t − θ)/ε)                    spike
 *   v_t = u_t · (1 − s_t)                   soft reset
 * </pre>
 *
 * with v_0 = 0. At ε = 1 the membrane update is the linear LIF V_t = τ V_{t−1} + e^{I_t} written for
 * v = log V; as ε → 0 it tends to the max-plus (tropical) LIF of {@link TropicalLif}, within ε ln 2 per step.
 * The same smooth function is used forward and backward: no surrogate gradient. ε is learned through
 * log ε and clamped to [0.1, 20] (a fixed ε is used as given); with
 * {@link Builder#optLearnableTau(boolean) optLearnableTau(true)} the neuron is UltraPLIF, which also learns
 * log τ (τ clamped to [0.01, 0.99]).
 *
 * <p>Shapes: input currents (B, T, N) → spikes (B, T, N). ε and τ are scalars shared by the layer.
 */
public final class UltraLif extends AbstractBlock {

    /** The paper's fixed leak τ. */
    public static final float TAU = 0.9f;
    /** Initial temperature ε. */
    public static final float EPSILON = 1.0f;
    /** Clamp of the learned ε. */
    public static final float EPS_MIN = 0.1f;
    /** Clamp of the learned ε. */
    public static final float EPS_MAX = 20f;
    /** Clamp of the learned τ (UltraPLIF). */
    public static final float TAU_MIN = 0.01f;
    /** Clamp of the learned τ (UltraPLIF). */
    public static final float TAU_MAX = 0.99f;

    private final float threshold;
    private final boolean learnTau;
    private final boolean learnEpsilon;
    private final Parameter logEpsilon;
    private final Parameter logTau;

    private UltraLif(Builder b) {
        this.threshold = b.threshold;
        this.learnTau = b.learnTau;
        this.learnEpsilon = b.learnEpsilon;
        this.logEpsilon = addParameter(Parameter.builder().setName("logEpsilon").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer((float) Math.log(b.epsilon)))
                .optRequiresGrad(b.learnEpsilon).build());
        this.logTau = addParameter(Parameter.builder().setName("logTau").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer((float) Math.log(b.tau)))
                .optRequiresGrad(b.learnTau).build());
    }

    /** A builder for UltraLIF (fixed τ = 0.9, learnable ε starting at 1, threshold θ = 0). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for UltraPLIF: UltraLIF with a learnable τ. */
    public static Builder plifBuilder() {
        return new Builder().optLearnableTau(true);
    }

    /**
     * One time step. Returns {@code {s_t, v_t}}: the spike and the membrane after the soft reset.
     *
     * @param v membrane v_{t−1}, (B, N)
     * @param current input current I_t, (B, N)
     * @param logTau log τ (broadcasts)
     * @param eps temperature ε (broadcasts)
     * @param threshold θ
     */
    public static NDList step(NDArray v, NDArray current, NDArray logTau, NDArray eps, float threshold) {
        NDArray u = SoftMaxPlus.lse(v.add(logTau), current, eps);          // Eq. (membrane), numbering ours
        NDArray s = Activation.sigmoid(u.sub(threshold).div(eps));          // spike s = σ((u − θ)/ε)
        return new NDList(s, u.mul(s.neg().add(1)));                        // soft reset v = u (1 − s)
    }

    /**
     * Runs the neuron over time. Returns {@code {spikes, membrane}}, both (B, T, N); the membrane is v_t
     * after the reset.
     */
    public static NDList simulate(NDArray currents, NDArray logTau, NDArray eps, float threshold) {
        long steps = currents.getShape().get(1);
        NDArray v = currents.get(new NDIndex(":, 0")).zerosLike();
        NDList spikes = new NDList();
        NDList membrane = new NDList();
        for (int t = 0; t < steps; t++) {
            NDList sv = step(v, currents.get(new NDIndex(":, {}", t)), logTau, eps, threshold);
            spikes.add(sv.get(0));
            v = sv.get(1);
            membrane.add(v);
        }
        return new NDList(NDArrays.stack(spikes, 1), NDArrays.stack(membrane, 1));
    }

    /** {@link #simulate(NDArray, NDArray, NDArray, float)} at fixed τ and ε, in the currents' data type. */
    public static NDList simulate(NDArray currents, double tau, double eps, double threshold) {
        NDArray logTau = NdConstants.scalar(currents, Math.log(tau));
        NDArray e = NdConstants.scalar(currents, eps);
        return simulate(currents, logTau, e, (float) threshold);
    }

    /**
     * ∂(Σ s)/∂I of UltraLIF at fixed τ and ε, in the currents' data type (float64 for an exact check), flattened; at
     * T = 1 entry i is ∂s_i/∂I_i = s(1 − s)/ε · σ((I − log τ)/ε), in (0, 1/(4ε)].
     */
    public static double[] spikeDerivative(NDArray currents, double tau, double eps, double threshold) {
        NDArray in = currents.duplicate();
        in.setRequiresGradient(true);
        try (GradientCollector gc = Engines.engine().newGradientCollector()) {
            gc.backward(simulate(in, tau, eps, threshold).get(0).sum());
        }
        return in.getGradient().toDoubleArray();
    }

    /** The spikes (B, T, N) of UltraLIF driven by {@code currents} (B, T, N). */
    public static NDArray ultraLif(NDArray currents, NDArray logTau, NDArray eps, float threshold) {
        return simulate(currents, logTau, eps, threshold).get(0);
    }

    /** The current ε of an initialised block. */
    public double epsilon() {
        double le = logEpsilon.getArray().getFloat();
        return Math.exp(learnEpsilon ? clamp(le, Math.log(EPS_MIN), Math.log(EPS_MAX)) : le);
    }

    /** ε of an initialised UltraLIF/UltraPLIF/UltraDLIF layer, NaN for any other block. */
    public static double epsilonOf(Block neuron) {
        if (neuron instanceof UltraLif u) {
            return u.epsilon();
        }
        if (neuron instanceof UltraDlif d) {
            return d.epsilon();
        }
        return Double.NaN;
    }

    /** The current τ of an initialised block. */
    public double tau() {
        double lt = logTau.getArray().getFloat();
        return Math.exp(learnTau ? clamp(lt, Math.log(TAU_MIN), Math.log(TAU_MAX)) : lt);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** The threshold θ. */
    public float threshold() {
        return threshold;
    }

    /** Whether τ is learned (UltraPLIF). */
    public boolean learnsTau() {
        return learnTau;
    }

    /** Clamps a log-parameter to [lo, hi] when learnable; the result belongs to {@code batch}. */
    static NDArray clampedLog(NDArray param, boolean learnable, double lo, double hi, NDManager batch) {
        // Ops attach their results (and scalar helpers) to the first operand's manager: copy the parameter
        // into the batch's manager first, so nothing accumulates next to the long-lived parameter.
        NDArray local = param.reshape(param.getShape());   // a differentiable view (duplicate() detaches)
        local.attach(batch);
        return learnable ? local.clip(lo, hi) : local;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager batch = x.getManager();
        NDArray eps = clampedLog(ps.getValue(logEpsilon, x.getDevice(), training), learnEpsilon, Math.log(EPS_MIN),
                Math.log(EPS_MAX), batch).exp();
        NDArray lt = clampedLog(ps.getValue(logTau, x.getDevice(), training), learnTau, Math.log(TAU_MIN),
                Math.log(TAU_MAX), batch);
        return new NDList(ultraLif(x, lt, eps, threshold));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return learnTau ? "UltraPLIF" : "UltraLIF";
    }

    /** Builds {@link UltraLif}. */
    public static final class Builder {
        private float tau = TAU;
        private float epsilon = EPSILON;
        private float threshold = 0f;
        private boolean learnEpsilon = true;
        private boolean learnTau;

        /** Leak τ in (0, 1) (the initial value when learnable); default 0.9. */
        public Builder optTau(float tau) {
            this.tau = tau;
            return this;
        }

        /** Learn log τ (UltraPLIF); default false. */
        public Builder optLearnableTau(boolean learn) {
            this.learnTau = learn;
            return this;
        }

        /** Temperature ε (the initial value when learnable); default 1. */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** Learn log ε; default true. */
        public Builder optLearnableEpsilon(boolean learn) {
            this.learnEpsilon = learn;
            return this;
        }

        /** Spike threshold θ; default 0 (the paper's ablation neurons use 1). */
        public Builder optThreshold(float threshold) {
            this.threshold = threshold;
            return this;
        }

        /** The block. */
        public UltraLif build() {
            if (!(tau > 0 && tau < 1)) {
                throw new IllegalArgumentException("UltraLIF needs 0 < τ < 1, got " + tau);
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("UltraLIF needs ε > 0, got " + epsilon);
            }
            return new UltraLif(this);
        }
    }
}
