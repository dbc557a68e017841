package org.reprolab.train;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import java.util.function.Supplier;

/**
 * A fully connected classifier: {@code depth} hidden layers of {@code width} units, then a linear output.
 * Each hidden layer is Linear → [BatchNorm] → activation → [dropout]. The input size is inferred on
 * initialisation, as DJL does.
 *
 * <pre>{@code
 * Block net = Mlp.builder().setWidth(256).setDepth(8).setOutputs(10).optActivation(Act.SELU).build();
 * }</pre>
 */
public final class Mlp {

    private Mlp() {}

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Mlp}. */
    public static final class Builder {
        private int width;
        private int depth = -1;
        private int outputs;
        private Act activation = Act.RELU;
        private Init init;
        private boolean batchNorm;
        private float dropout;
        private Supplier<Block> dropoutBlock;
        private Supplier<Block> activationBlock;

        /** Hidden units per layer (required). */
        public Builder setWidth(int width) {
            this.width = width;
            return this;
        }

        /** Number of hidden layers (required; 0 gives a linear model). */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** Output units: the number of classes (required). */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Hidden activation; default ReLU. */
        public Builder optActivation(Act activation) {
            this.activation = activation;
            return this;
        }

        /**
         * A custom activation block (e.g. one with its own trainable parameters), a new one per hidden layer,
         * instead of {@link #optActivation}'s function; the initialisation stays {@link #optActivation}'s usual one
         * unless {@link #optInit} says otherwise.
         */
        public Builder optActivationBlock(Supplier<Block> block) {
            this.activationBlock = block;
            return this;
        }

        /** Weight initialisation; default: the activation's usual one (LeCun for SELU, He for ReLU). */
        public Builder optInit(Init init) {
            this.init = init;
            return this;
        }

        /** Batch normalisation after every hidden Linear; default off. */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /** Standard dropout after every hidden activation; default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** A custom dropout block (e.g. alpha-dropout for SELU) after every hidden activation. */
        public Builder optDropoutBlock(Supplier<Block> block) {
            this.dropoutBlock = block;
            return this;
        }

        /** The network, not yet initialised. */
        public SequentialBlock build() {
            if (outputs <= 0) {
                throw new IllegalArgumentException("Mlp needs setOutputs(n > 0)");
            }
            if (depth < 0 || (depth > 0 && width <= 0)) {
                throw new IllegalArgumentException("Mlp needs setDepth(d ≥ 0) and, for d > 0, setWidth(w > 0)");
            }
            SequentialBlock net = new SequentialBlock();
            for (int i = 0; i < depth; i++) {
                net.add(Linear.builder().setUnits(width).build());
                if (batchNorm) {
                    net.add(BatchNorm.builder().build());
                }
                Act a = activation;
                net.add(activationBlock != null ? activationBlock.get()
                        : new LambdaBlock(x -> new NDList(a.apply(x.singletonOrThrow())), a.name().toLowerCase()));
                if (dropoutBlock != null) {
                    net.add(dropoutBlock.get());
                } else if (dropout > 0) {
                    net.add(Dropout.builder().optRate(dropout).build());
                }
            }
            net.add(Linear.builder().setUnits(outputs).build());
            net.setInitializer((init != null ? init : activation.usualInit()).initializer(), Parameter.Type.WEIGHT);
            return net;
        }
    }
}
