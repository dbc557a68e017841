package org.reprolab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;
import org.reprolab.engine.NdConstants;

/**
 * Group normalisation (Wu and He 2018) of a feature map [N, C, H, W]: the channels form g groups, each sample is
 * normalised by the mean and (biased) variance of its own group over (C/g, H, W), then scaled and shifted per
 * channel, \(y = γ\,(x - μ_g)/\sqrt{σ_g^2 + ε} + β\). Batch-independent: a sample's output does not depend on
 * the other samples. {@link #groupVariance} is the statistic EvoNorm-S0 and others reuse.
 *
 * <pre>{@code
 * Block gn = GroupNorm.builder().setGroups(8).build();
 * }</pre>
 */
public class GroupNorm extends AbstractBlock {

    /** ε under the square root, as in the common implementations. */
    public static final float EPSILON = 1e-5f;

    private static final byte VERSION = 1;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    protected GroupNorm(Builder b) {
        super(VERSION);
        this.groups = b.groups;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optInitializer(Initializer.ONES).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optInitializer(Initializer.ZEROS).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** x [N, C, H, W] seen as [N, g, C/g, H, W]. */
    public static NDArray grouped(NDArray x, int groups) {
        Shape s = x.getShape();
        Preconditions.checkArgument(s.dimension() == 4 && s.get(1) % groups == 0,
                "expected [N, C, H, W] with C divisible by " + groups + ", got " + s);
        return x.reshape(s.get(0), groups, s.get(1) / groups, s.get(2), s.get(3));
    }

    /**
     * The mean of x over {@code axes}, kept as size-1 axes (PyTorch's engine takes one axis per mean in DJL: this is
     * a sum times 1/count, the constant in PyTorch-owned memory, so it is safe on the autograd path).
     */
    public static NDArray mean(NDArray x, int[] axes) {
        long count = 1;
        for (int a : axes) {
            count *= x.getShape().get(a);
        }
        return x.sum(axes, true).mul(NdConstants.scalar(x, 1.0 / count));
    }

    /** The centred, biased variance of x over {@code axes}, kept as size-1 axes. */
    public static NDArray variance(NDArray x, int[] axes) {
        return mean(x.sub(mean(x, axes)).square(), axes);
    }

    /** The biased variance of each sample's group, [N, g, 1, 1, 1], of a grouped map {@link #grouped}. */
    public static NDArray groupVariance(NDArray grouped) {
        return variance(grouped, new int[] {2, 3, 4});
    }

    /** γ (x − μ_g)/√(σ_g² + ε) + β with γ, β of shape [1, C, 1, 1]. */
    public static NDArray groupNorm(NDArray x, int groups, NDArray gamma, NDArray beta) {
        NDArray g = grouped(x, groups);
        NDArray centred = g.sub(mean(g, new int[] {2, 3, 4}));
        NDArray normed = centred.div(groupVariance(g).add(EPSILON).sqrt()).reshape(x.getShape());
        return normed.mul(gamma).add(beta);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(groupNorm(x, groups, store.getValue(gamma, x.getDevice(), training),
                store.getValue(beta, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        long c = inputShapes[0].get(1);
        Preconditions.checkArgument(c % groups == 0, "channels " + c + " not divisible by " + groups + " groups");
        gamma.setShape(new Shape(1, c, 1, 1));
        beta.setShape(new Shape(1, c, 1, 1));
    }

    /** Builds a {@link GroupNorm}. */
    public static final class Builder {
        private int groups = 32;

        /** Number of groups g; default 32 (Wu and He's). */
        public Builder setGroups(int groups) {
            this.groups = groups;
            return this;
        }

        /** The block. */
        public GroupNorm build() {
            Preconditions.checkArgument(groups >= 1, "groups must be ≥ 1");
            return new GroupNorm(this);
        }
    }
}
