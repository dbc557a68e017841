package org.reprolab.operators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A zero-padded convolution on 1-D or 2-D grids written as one matrix product over shifted copies of the input
 * (im2col): y[b, o, i] = Σ_{c, t} w[o, c, t] x[b, c, i + t − pad] (+ bias[o]). It avoids the engine's convolution
 * kernels, which on this machine's CPU probe NNPACK and log a warning on every call, and is exact in float.
 *
 * <ul>
 *   <li>input [B, in, N] or [B, in, N, N]; weight [out, in, k] or [out, in, k, k] (k odd)</li>
 *   <li>output: same grid size with {@code pad = k/2}; N − k + 1 with {@code pad = 0}</li>
 * </ul>
 */
public final class GridConv extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final Parameter weight;
    private final Parameter bias;
    private final boolean periodic;
    private int dims;

    private GridConv(int filters, int kernel, boolean periodic) {
        super((byte) 1);
        this.filters = filters;
        this.kernel = kernel;
        this.periodic = periodic;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    /** A same-size convolution to {@code filters} channels with an odd {@code kernel} and a bias. */
    public static GridConv of(int filters, int kernel) {
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("the kernel must be odd, got " + kernel);
        }
        return new GridConv(filters, kernel, false);
    }

    /** A same-size convolution on 1-periodic 1-D grids (circular padding instead of zeros). */
    public static GridConv periodic(int filters, int kernel) {
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("the kernel must be odd, got " + kernel);
        }
        return new GridConv(filters, kernel, true);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        dims = inputShapes[0].dimension() - 2;
        long in = inputShapes[0].get(1);
        long[] shape = new long[2 + dims];
        shape[0] = filters;
        shape[1] = in;
        for (int d = 0; d < dims; d++) {
            shape[2 + d] = kernel;
        }
        weight.setShape(new Shape(shape));
        weight.setInitializer(new NormalInitializer((float) (1 / Math.sqrt(in * Math.pow(kernel, dims)))));
        bias.setShape(new Shape(filters));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        NDArray y = periodic ? conv(padCircular(x, kernel / 2), w, 0) : conv(x, w, kernel / 2);
        long[] shape = new long[2 + dims];
        java.util.Arrays.fill(shape, 1);
        shape[1] = filters;
        return new NDList(y.add(inScopeOf(x, b.reshape(new Shape(shape)))));
    }

    /**
     * Moves {@code derived} (an array computed from a parameter, so owned by the parameter's manager) to the
     * manager of the input {@code x}: results computed from it then live and die with the caller's scope instead of
     * accumulating, with their autograd graphs, for as long as the parameters live.
     */
    static NDArray inScopeOf(NDArray x, NDArray derived) {
        derived.attach(x.getManager());
        return derived;
    }

    /**
     * The functional form: x [B, in, N(, N)] convolved with w [out, in, k(, k)] after zero padding of {@code pad}
     * nodes on each side of each axis (cross-correlation, as in deep-learning libraries).
     */
    public static NDArray conv(NDArray x, NDArray w, int pad) {
        int dims = x.getShape().dimension() - 2;
        int k = (int) w.getShape().get(2);
        NDArray xp = pad == 0 ? x : padZeros(x, pad, dims);
        long b = x.getShape().get(0);
        long in = x.getShape().get(1);
        long out = w.getShape().get(0);
        if (dims == 1) {
            long n = xp.getShape().get(2) - k + 1;
            NDList shifts = new NDList();
            for (int t = 0; t < k; t++) {
                shifts.add(xp.get(":, :, " + t + ":" + (t + n)));
            }
            NDArray patches = NDArrays.stack(shifts, 2).reshape(b, in * k, n);        // [B, in·k, N]
            return inScopeOf(x, w.reshape(out, in * k)).matMul(patches);              // [B, out, N]
        }
        long n1 = xp.getShape().get(2) - k + 1;
        long n2 = xp.getShape().get(3) - k + 1;
        NDList shifts = new NDList();
        for (int t1 = 0; t1 < k; t1++) {
            for (int t2 = 0; t2 < k; t2++) {
                shifts.add(xp.get(":, :, " + t1 + ":" + (t1 + n1) + ", " + t2 + ":" + (t2 + n2)));
            }
        }
        NDArray patches = NDArrays.stack(shifts, 2).reshape(b, in * k * k, n1 * n2);
        return inScopeOf(x, w.reshape(out, in * k * k)).matMul(patches).reshape(b, out, n1, n2);
    }

    /**
     * Pads the last axis of a 1-D grid [B, C, N] periodically: {@code pad} nodes from the end before the start and
     * from the start after the end, so a convolution with {@code pad = k/2} acts on a 1-periodic function.
     */
    public static NDArray padCircular(NDArray x, int pad) {
        long n = x.getShape().get(2);
        return NDArrays.concat(new NDList(x.get(":, :, " + (n - pad) + ":"), x, x.get(":, :, 0:" + pad)), 2);
    }

    /** Pads every grid axis with {@code pad} zeros on both sides. */
    public static NDArray padZeros(NDArray x, int pad, int dims) {
        NDArray y = x;
        for (int axis = 2; axis < 2 + dims; axis++) {
            long[] s = y.getShape().getShape().clone();
            s[axis] = pad;
            NDArray z = y.getManager().zeros(new Shape(s), y.getDataType());
            y = NDArrays.concat(new NDList(z, y, z), axis);
        }
        return y;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] s = inputShapes[0].getShape().clone();
        s[1] = filters;
        return new Shape[] {new Shape(s)};
    }

    /** Alias to keep the static helpers short. */
    private static final class NDArrays {
        private NDArrays() {}

        static NDArray stack(NDList arrays, int axis) {
            return ai.djl.ndarray.NDArrays.stack(arrays, axis);
        }

        static NDArray concat(NDList arrays, int axis) {
            return ai.djl.ndarray.NDArrays.concat(arrays, axis);
        }
    }
}
