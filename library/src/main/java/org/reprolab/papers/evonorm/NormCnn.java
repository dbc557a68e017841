package org.reprolab.papers.evonorm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Preconditions;
import org.reprolab.train.GroupNorm;
import org.reprolab.train.Init;

/**
 * A small all-convolutional classifier for 28×28 grey images in which only the normalisation-activation layers
 * differ: optionally an average pooling of the input, then per stage a 3×3 convolution (the first at stride 1, the
 * others at stride 2, no bias) followed by one of {@link Norm}, then global average pooling (or a flattening of the
 * last map) and a linear output. Inputs arrive as flat rows of side² pixels.
 *
 * <pre>{@code
 * SequentialBlock net = NormCnn.builder().setChannels(8, 16, 32).setNorm(NormCnn.Norm.S0).optGroups(4).build();
 * }</pre>
 */
public final class NormCnn {

    private NormCnn() {}

    /** The normalisation-activation layer after each convolution. */
    public enum Norm {
        /** BatchNorm then ReLU. */
        BN_RELU("BN-ReLU"),
        /** GroupNorm then ReLU. */
        GN_RELU("GN-ReLU"),
        /** EvoNorm-B0. */
        B0("EvoNorm-B0"),
        /** EvoNorm-S0. */
        S0("EvoNorm-S0");

        private final String label;

        Norm(String label) {
            this.label = label;
        }

        /** The layer's usual name. */
        public String label() {
            return label;
        }

        /** Whether the layer's output for one sample depends on the other samples of the batch (in training). */
        public boolean batchDependent() {
            return this == BN_RELU || this == B0;
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The normalisation-activation block {@code norm} with {@code groups} groups where it has groups. */
    public static Block normBlock(Norm norm, int groups) {
        return switch (norm) {
            case BN_RELU -> new SequentialBlock().add(BatchNorm.builder().build()).add(Activation::relu);
            case GN_RELU -> new SequentialBlock().add(GroupNorm.builder().setGroups(groups).build())
                    .add(Activation::relu);
            case B0 -> EvoNorm.builder().setKind(EvoNorm.Kind.B0).build();
            case S0 -> EvoNorm.builder().setKind(EvoNorm.Kind.S0).optGroups(groups).build();
        };
    }

    /** Builds a {@link NormCnn}. */
    public static final class Builder {
        private int[] channels;
        private Norm norm;
        private int groups = 8;
        private int outputs = 10;
        private int side = 28;
        private int inputPool = 1;
        private boolean globalPool = true;

        /** Channels per stage (required). */
        public Builder setChannels(int... channels) {
            this.channels = channels.clone();
            return this;
        }

        /** The normalisation-activation layer (required). */
        public Builder setNorm(Norm norm) {
            this.norm = norm;
            return this;
        }

        /** Groups of GroupNorm and EvoNorm-S0; default 8 (the notes' choice for narrow networks). */
        public Builder optGroups(int groups) {
            this.groups = groups;
            return this;
        }

        /** Classes; default 10. */
        public Builder optOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Side of the square input image; default 28. */
        public Builder optSide(int side) {
            this.side = side;
            return this;
        }

        /** Average-pools the input image by this factor first (a cheaper, coarser image); default 1 (none). */
        public Builder optInputPool(int factor) {
            this.inputPool = factor;
            return this;
        }

        /**
         * Whether the head averages each channel over the map (true, the default) or flattens the last map into
         * the linear output (false: more weights, faster to train).
         */
        public Builder optGlobalPool(boolean globalPool) {
            this.globalPool = globalPool;
            return this;
        }

        /** The network (He-normal weights), not yet initialised. */
        public SequentialBlock build() {
            Preconditions.checkArgument(channels != null && channels.length > 0 && norm != null,
                    "NormCnn needs setChannels(...) and setNorm(...)");
            int s = side;
            SequentialBlock net = new SequentialBlock();
            net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 1, s, s)), "to-image"));
            if (inputPool > 1) {
                net.add(Pool.avgPool2dBlock(new Shape(inputPool, inputPool)));
            }
            for (int i = 0; i < channels.length; i++) {
                int stride = i == 0 ? 1 : 2;
                net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .optStride(new Shape(stride, stride)).setFilters(channels[i]).optBias(false).build());
                net.add(normBlock(norm, groups));
            }
            if (globalPool) {
                net.add(Pool.globalAvgPool2dBlock());
            }
            net.add(Blocks.batchFlattenBlock());
            net.add(Linear.builder().setUnits(outputs).build());
            net.setInitializer(Init.HE_NORMAL.initializer(), Parameter.Type.WEIGHT);
            return net;
        }
    }
}
