package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * The UltraDLIF neuron (Miñoza 2026, Sec. 4): the ultradiscretized diffusion (gap-junction) equation. Each
 * neuron's membrane takes the soft max-plus of its own and its two neighbours' potentials (neurons on a
 * ring), then adds its input current:
 *
 * <pre>
 *   u_{t,i} = LSE_ε(v_{t−1,i−1}, v_{t−1,i}, v_{t−1,i+1}) + I_{t,i}
 *   s_{t,i} = σ((u_{t,i} − θ)/ε),     v_{t,i} = u_{t,i} (1 − s_{t,i})
 * </pre>
 *
 * with v_0 = 0; ε is learned through log ε (clamped to [0.1, 20]). As ε → 0 the coupling becomes
 * max(v_{i−1}, v_i, v_{i+1}), within ε ln 3 per step. Shapes: currents (B, T, N) → spikes (B, T, N).
 */
public final class UltraDlif extends AbstractBlock {

    private final float threshold;
    private final boolean learnEpsilon;
    private final Parameter logEpsilon;

    private UltraDlif(Builder b) {
        this.threshold = b.threshold;
        this.learnEpsilon = b.learnEpsilon;
        this.logEpsilon = addParameter(Parameter.builder().setName("logEpsilon").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer((float) Math.log(b.epsilon)))
                .optRequiresGrad(b.learnEpsilon).build());
    }

    /** A builder (learnable ε starting at 1, threshold θ = 0). */
    public static Builder builder() {
        return new Builder();
    }

    /** v with its left and right ring neighbours: {@code {v_{i−1}, v_i, v_{i+1}}} along the last axis. */
    public static NDList neighbours(NDArray v) {
        NDArray left = v.get(new NDIndex("..., -1:")).concat(v.get(new NDIndex("..., :-1")), -1);  // v_{i−1}
        NDArray right = v.get(new NDIndex("..., 1:")).concat(v.get(new NDIndex("..., :1")), -1);   // v_{i+1}
        return new NDList(left, v, right);
    }

    /** One time step: returns {@code {s_t, v_t}} for membrane v (B, N) and current (B, N). */
    public static NDList step(NDArray v, NDArray current, NDArray eps, float threshold) {
        NDArray u = SoftMaxPlus.lse(neighbours(v), eps).add(current);     // Eq. (diffusion), numbering ours
        NDArray s = Activation.sigmoid(u.sub(threshold).div(eps));
        return new NDList(s, u.mul(s.neg().add(1)));
    }

    /** The spikes (B, T, N) of UltraDLIF driven by currents (B, T, N). */
    public static NDArray ultraDlif(NDArray currents, NDArray eps, float threshold) {
        long steps = currents.getShape().get(1);
        NDArray v = currents.get(new NDIndex(":, 0")).zerosLike();
        NDList spikes = new NDList();
        for (int t = 0; t < steps; t++) {
            NDList sv = step(v, currents.get(new NDIndex(":, {}", t)), eps, threshold);
            spikes.add(sv.get(0));
            v = sv.get(1);
        }
        return NDArrays.stack(spikes, 1);
    }

    /** The current ε of an initialised block. */
    public double epsilon() {
        double le = logEpsilon.getArray().getFloat();
        return Math.exp(learnEpsilon
                ? Math.max(Math.log(UltraLif.EPS_MIN), Math.min(Math.log(UltraLif.EPS_MAX), le)) : le);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray eps = UltraLif.clampedLog(ps.getValue(logEpsilon, x.getDevice(), training), learnEpsilon,
                Math.log(UltraLif.EPS_MIN), Math.log(UltraLif.EPS_MAX), x.getManager()).exp();
        return new NDList(ultraDlif(x, eps, threshold));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "UltraDLIF";
    }

    /** Builds {@link UltraDlif}. */
    public static final class Builder {
        private float epsilon = UltraLif.EPSILON;
        private float threshold = 0f;
        private boolean learnEpsilon = true;

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

        /** Spike threshold θ; default 0. */
        public Builder optThreshold(float threshold) {
            this.threshold = threshold;
            return this;
        }

        /** The block. */
        public UltraDlif build() {
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("UltraDLIF needs ε > 0, got " + epsilon);
            }
            return new UltraDlif(this);
        }
    }
}
