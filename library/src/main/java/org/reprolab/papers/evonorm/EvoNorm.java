package org.reprolab.papers.evonorm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.GroupNorm;

/**
 * The two EvoNorm layers, each replacing a BatchNorm-ReLU pair on a feature map x [N, C, H, W], with per-channel
 * γ (init 1), β (init 0) and v₁ (init 1), ε = 1e-5:
 *
 * <ul>
 *   <li><b>B0</b> (batch-dependent): \(y = \dfrac{x}{\max\big(\sqrt{s^2_{N,H,W}(x) + ε},\; v_1 x +
 *       \sqrt{s^2_{H,W}(x) + ε}\big)}\,γ + β\) (the paper's Table 1), with the batch variance
 *       \(s^2_{N,H,W}\) per channel replaced at inference by its moving average (decay {@link #MOMENTUM}, as in the
 *       TensorFlow implementation) and the instance variance \(s^2_{H,W}\) per sample and channel;</li>
 *   <li><b>S0</b> (batch-independent): \(y = \dfrac{x\,σ(v_1 x)}{\sqrt{s^2_{H,W,C/g}(x) + ε}}\,γ + β\), the
 *       variance over each sample's group of C/g channels ({@link GroupNorm#groupVariance}).</li>
 * </ul>
 * All variances are centred (biased); the numerators are not.
 *
 * <pre>{@code
 * Block s0 = EvoNorm.builder().setKind(EvoNorm.Kind.S0).optGroups(8).build();
 * }</pre>
 */
public class EvoNorm extends AbstractBlock {

    /** ε under the square roots. */
    public static final float EPSILON = 1e-5f;
    /** Decay of B0's moving batch variance. */
    public static final float MOMENTUM = 0.9f;

    private static final byte VERSION = 1;

    /** Which layer. */
    public enum Kind {
        /** Batch-dependent EvoNorm-B0. */
        B0,
        /** Batch-independent EvoNorm-S0. */
        S0
    }

    private final Kind kind;
    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter v1;
    private final Parameter runningVariance;

    protected EvoNorm(Builder b) {
        super(VERSION);
        this.kind = b.kind;
        this.groups = b.groups;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optInitializer(Initializer.ONES).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optInitializer(Initializer.ZEROS).build());
        this.v1 = addParameter(Parameter.builder().setName("v1").setType(Parameter.Type.OTHER)
                .optInitializer(Initializer.ONES).build());
        this.runningVariance = kind == Kind.B0 ? addParameter(Parameter.builder().setName("runningVariance")
                .setType(Parameter.Type.RUNNING_VAR).optInitializer(Initializer.ONES).optRequiresGrad(false).build())
                : null;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * EvoNorm-B0 (Table 1) given the per-channel batch variance to use, [1, C, 1, 1] (this batch's in training,
     * the moving average at inference).
     */
    public static NDArray b0(NDArray x, NDArray batchVariance, NDArray gamma, NDArray beta, NDArray v1) {
        NDArray instanceVariance = GroupNorm.variance(x, new int[] {2, 3});
        NDArray left = batchVariance.add(EPSILON).sqrt();
        NDArray right = v1.mul(x).add(instanceVariance.add(EPSILON).sqrt());
        return x.div(left.maximum(right)).mul(gamma).add(beta);                          // Table 1, B0
    }

    /** EvoNorm-S0 (Table 1) with g groups. */
    public static NDArray s0(NDArray x, int groups, NDArray gamma, NDArray beta, NDArray v1) {
        NDArray numerator = x.mul(Activation.sigmoid(v1.mul(x)));
        NDArray g = GroupNorm.grouped(numerator, groups);
        NDArray std = GroupNorm.groupVariance(GroupNorm.grouped(x, groups)).add(EPSILON).sqrt();
        return g.div(std).reshape(x.getShape()).mul(gamma).add(beta);                   // Table 1, S0
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = store.getValue(gamma, x.getDevice(), training);
        NDArray b = store.getValue(beta, x.getDevice(), training);
        NDArray v = store.getValue(v1, x.getDevice(), training);
        if (kind == Kind.S0) {
            return new NDList(s0(x, groups, g, b, v));
        }
        NDArray running = store.getValue(runningVariance, x.getDevice(), training);
        if (!training) {
            return new NDList(b0(x, running, g, b, v));
        }
        NDArray batchVariance = GroupNorm.variance(x, new int[] {0, 2, 3});
        NDArray detached = batchVariance.stopGradient();
        // running ← 0.9·running + 0.1·batch, outside the autograd graph (nothing here requires a gradient).
        running.muli(MOMENTUM).addi(detached.mul(NdConstants.scalar(detached, 1 - MOMENTUM)));
        return new NDList(b0(x, batchVariance, g, b, v));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Preconditions.checkArgument(inputShapes[0].dimension() == 4, "EvoNorm expects [N, C, H, W]");
        long c = inputShapes[0].get(1);
        Preconditions.checkArgument(kind == Kind.B0 || c % groups == 0, c + " channels, " + groups + " groups");
        Shape perChannel = new Shape(1, c, 1, 1);
        gamma.setShape(perChannel);
        beta.setShape(perChannel);
        v1.setShape(perChannel);
        if (runningVariance != null) {
            runningVariance.setShape(perChannel);
        }
    }

    /** Which layer this is. */
    public Kind kind() {
        return kind;
    }

    /** B0's moving batch variance per channel (a copy), or null for S0. */
    public float[] runningVariance() {
        return runningVariance == null ? null : runningVariance.getArray().toFloatArray();
    }

    /** Builds an {@link EvoNorm} layer. */
    public static final class Builder {
        private Kind kind;
        private int groups = 32;

        /** B0 or S0 (required). */
        public Builder setKind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /** S0's number of groups g; default 32 (the paper's; use fewer for narrow networks). */
        public Builder optGroups(int groups) {
            this.groups = groups;
            return this;
        }

        /** The layer. */
        public EvoNorm build() {
            Preconditions.checkArgument(kind != null, "EvoNorm needs setKind(B0 or S0)");
            Preconditions.checkArgument(groups >= 1, "groups must be ≥ 1");
            return new EvoNorm(this);
        }
    }
}
