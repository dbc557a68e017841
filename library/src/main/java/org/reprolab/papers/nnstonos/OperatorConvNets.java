package org.reprolab.papers.nnstonos;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import org.reprolab.operators.GridConv;

/**
 * The CNN and its neural-operator version side by side: the same layers (kernel k, GELU between), with every
 * convolution either plain (k taps at every resolution, periodic padding) or kernel-interpolated from the training
 * resolution ({@link InterpolatedConv1d}).
 */
public final class OperatorConvNets {

    private OperatorConvNets() {}

    /** A CNN of periodic convolutions with {@code kernel} taps to each of {@code widths} in turn. */
    public static SequentialBlock plain(int kernel, int... widths) {
        SequentialBlock net = new SequentialBlock();
        for (int l = 0; l < widths.length; l++) {
            net.add(GridConv.periodic(widths[l], kernel));
            if (l < widths.length - 1) {
                net.add(Activation::gelu);
            }
        }
        return net;
    }

    /** The same CNN with kernel-interpolated convolutions defined at {@code baseResolution}. */
    public static SequentialBlock interpolated(int kernel, int baseResolution, int... widths) {
        SequentialBlock net = new SequentialBlock();
        for (int l = 0; l < widths.length; l++) {
            net.add(InterpolatedConv1d.of(widths[l], kernel, baseResolution));
            if (l < widths.length - 1) {
                net.add(Activation::gelu);
            }
        }
        return net;
    }
}
