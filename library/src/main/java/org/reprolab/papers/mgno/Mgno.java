package org.reprolab.papers.mgno;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;

/**
 * The MgNO network: layers O(u) = σ(W u + B) whose linear part W is a {@link MultigridOperator} (a V-cycle) and
 * σ is GELU, with no lifting or projection layer: the first V-cycle maps the input channels to the width and the
 * last one maps the width to the output channels (He, Liu &amp; Xu 2024, Eq. (2.2) in their layout; numbering
 * ours).
 *
 * <pre>{@code
 * SequentialBlock net = Mgno.builder().setChannels(1, 8, 1).optLevels(4).build();
 * }</pre>
 */
public final class Mgno {

    private Mgno() {}

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an MgNO network. */
    public static final class Builder {
        private int[] channels;
        private int levels = 4;
        private boolean nonlinear = true;

        /** Channels from input to output, e.g. {@code 1, 8, 1}: one V-cycle layer per consecutive pair. */
        public Builder setChannels(int... channels) {
            this.channels = channels.clone();
            return this;
        }

        /** Grids per V-cycle (default 4: 63 → 31 → 15 → 7 nodes per axis). */
        public Builder optLevels(int levels) {
            this.levels = levels;
            return this;
        }

        /** Whether GELU acts between the layers (default true; false gives one linear operator). */
        public Builder optNonlinear(boolean nonlinear) {
            this.nonlinear = nonlinear;
            return this;
        }

        /** The network. */
        public SequentialBlock build() {
            if (channels == null || channels.length < 2) {
                throw new IllegalArgumentException("setChannels needs input and output channels at least");
            }
            SequentialBlock net = new SequentialBlock();
            for (int l = 1; l < channels.length; l++) {
                net.add(MultigridOperator.of(channels[l], levels));
                if (nonlinear && l < channels.length - 1) {
                    net.add(Activation::gelu);
                }
            }
            return net;
        }
    }
}
