package org.reprolab.papers.nnstonos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.reprolab.operators.GridConv;

/**
 * A convolution turned into a neural operator by kernel interpolation (Berner et al. 2025, Sec. on CNNs; numbering
 * ours): the kernel κ has k taps at a base resolution N₀ and is a function of physical offset; on a 1-periodic grid
 * of N = s·N₀ nodes it is sampled at k′ = s(k − 1) + 1 taps by linear interpolation and divided by k′/k, the
 * quadrature normalisation of the paper's code ({@code models/unet_kernel_interp.py} divides 2-D kernels by
 * k′²/k²), so that the layer approximates an integral (κ ⋆ v)(x) = ∫ κ(y) v(x + y) dy at every resolution
 * (Eq. 1):
 *
 * <pre>
 *   y(x_i) = Σ_{j′} κ(j′/s − (k−1)/2) v(x_{i + j′ − (k′−1)/2}) · k / k′
 * </pre>
 *
 * A plain convolution keeps its k taps at every N, so its physical receptive field shrinks as the grid refines
 * and its output has no limit. Input [B, in, N] with N a multiple of N₀ and circular padding (periodic functions).
 */
public final class InterpolatedConv1d extends AbstractBlock {

    private final int filters;
    private final int kernel;
    private final int baseResolution;
    private final Parameter weight;
    private final Parameter bias;

    private InterpolatedConv1d(int filters, int kernel, int baseResolution) {
        super((byte) 1);
        this.filters = filters;
        this.kernel = kernel;
        this.baseResolution = baseResolution;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    /** A layer to {@code filters} channels whose {@code kernel} (odd) taps are defined at {@code baseResolution}. */
    public static InterpolatedConv1d of(int filters, int kernel, int baseResolution) {
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("the kernel must be odd, got " + kernel);
        }
        return new InterpolatedConv1d(filters, kernel, baseResolution);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(1);
        weight.setShape(new Shape(filters, in, kernel));
        weight.setInitializer(new NormalInitializer((float) (1 / Math.sqrt(in * kernel))));
        bias.setShape(new Shape(filters));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        return new NDList(interpolatedConv(x, w, baseResolution).add(b.reshape(1, filters, 1)));
    }

    /**
     * The functional form: x [B, in, N] convolved (periodically) with the kernel w [out, in, k] defined at
     * {@code baseResolution} and interpolated to N's spacing (Eq. 1).
     */
    public static NDArray interpolatedConv(NDArray x, NDArray w, int baseResolution) {
        int n = (int) x.getShape().get(2);
        if (n % baseResolution != 0) {
            throw new IllegalArgumentException("resolution " + n + " is not a multiple of " + baseResolution);
        }
        int s = n / baseResolution;
        int k = (int) w.getShape().get(2);
        NDArray wk = s == 1 ? w : w.matMul(x.getManager().create(interpolation(k, s), new Shape(k, s * (k - 1) + 1)));
        return GridConv.conv(GridConv.padCircular(x, s * (k - 1) / 2), wk, 0);
    }

    /**
     * The k × k′ matrix M with (w M)_{j′} the linear interpolant of taps w at position j′/s, divided by k′/k
     * (quadrature normalisation), k′ = s(k − 1) + 1.
     */
    public static float[] interpolation(int k, int s) {
        int kk = s * (k - 1) + 1;
        float[] m = new float[k * kk];
        for (int jj = 0; jj < kk; jj++) {
            int lo = jj / s;
            double frac = (double) (jj % s) / s;
            double norm = (double) k / kk;
            m[lo * kk + jj] += (float) ((1 - frac) * norm);
            if (frac > 0) {
                m[(lo + 1) * kk + jj] += (float) (frac * norm);
            }
        }
        return m;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), filters, s.get(2))};
    }
}
