package org.reprolab.operators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.List;

/**
 * Baseline operator networks on channel-first grids ([B, C, N] or [B, C, N, N]): a plain CNN of 3-point (3×3)
 * zero-padded convolutions with GELU, and a 1-D Fourier neural operator (lifting, Fourier layers with a
 * pointwise skip, projection). {@link #parameters} counts the trainable weights of any initialised block.
 */
public final class OperatorNets {

    private OperatorNets() {}

    /**
     * A plain CNN: convolutions of kernel {@code kernel} (odd) to each width of {@code widths} in turn, GELU between
     * them (not after the last); {@code dims} is 1 or 2.
     */
    public static SequentialBlock cnn(int dims, int kernel, int... widths) {
        SequentialBlock net = new SequentialBlock();
        for (int l = 0; l < widths.length; l++) {
            net.add(conv(dims, widths[l], kernel));
            if (l < widths.length - 1) {
                net.add(Activation::gelu);
            }
        }
        return net;
    }

    /**
     * A 1-D FNO: a pointwise lifting to {@code width} channels, {@code layers} Fourier layers v ↦ GELU(K v + W v)
     * ({@link SpectralConv1d} with {@code modes} modes plus a pointwise W; no GELU after the last), and a pointwise
     * projection to {@code outChannels}.
     */
    public static SequentialBlock fno1d(int width, int modes, int layers, int outChannels) {
        SequentialBlock net = new SequentialBlock().add(conv(1, width, 1));
        for (int l = 0; l < layers; l++) {
            net.add(new ParallelBlock(OperatorNets::sum, List.of(SpectralConv1d.of(width, modes), conv(1, width, 1))));
            if (l < layers - 1) {
                net.add(Activation::gelu);
            }
        }
        return net.add(conv(1, outChannels, 1));
    }

    /**
     * The number of layers of a {@link #cnn} with {@code width} hidden channels from {@code in} to {@code out}
     * channels whose parameter count is closest to {@code parameters} (at least 2 layers).
     */
    public static int cnnDepthFor(int dims, int kernel, int in, int width, int out, long parameters) {
        long k = Math.round(Math.pow(kernel, dims));
        long ends = k * in * width + width + k * width * out + out;
        long middle = k * width * width + width;
        return 2 + (int) Math.max(0, Math.round((double) (parameters - ends) / middle));
    }

    /** The widths argument of {@link #cnn} for {@code depth} layers of {@code width} channels ending in {@code out}. */
    public static int[] cnnWidths(int depth, int width, int out) {
        int[] w = new int[depth];
        java.util.Arrays.fill(w, width);
        w[depth - 1] = out;
        return w;
    }

    /** Trainable parameters of an initialised block. */
    public static long parameters(Block block) {
        long n = 0;
        for (Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    private static NDList sum(List<NDList> branches) {
        NDArray s = branches.get(0).singletonOrThrow();
        for (int i = 1; i < branches.size(); i++) {
            s = s.add(branches.get(i).singletonOrThrow());
        }
        return new NDList(s);
    }

    private static Block conv(int dims, int filters, int kernel) {
        if (dims != 1 && dims != 2) {
            throw new IllegalArgumentException("dims must be 1 or 2, got " + dims);
        }
        return GridConv.of(filters, kernel);
    }
}
