package org.reprolab.operators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The Fourier layer of the Fourier neural operator (Li et al. 2021), on a 1-periodic grid of any size N:
 * (K v)(x) = Re Σ_{k=0}^{K−1} c_k R_k v̂_k e^{2πikx}, with v̂_k = (1/N) Σ_j v(x_j) e^{−2πikx_j} the first K Fourier
 * coefficients of each input channel, R_k ∈ ℂ^{out×in} learned per mode, and c_0 = 1, c_k = 2. The transforms are
 * real matrix products with cos/sin tables built for the input's N, so one set of weights acts on every
 * resolution: the layer is defined on functions, not on grids.
 *
 * <ul>
 *   <li>input: [B, in, N]; output: [B, out, N]</li>
 *   <li>weights: real and imaginary parts, each [K, in, out]</li>
 * </ul>
 */
public final class SpectralConv1d extends AbstractBlock {

    private final int outChannels;
    private final int modes;
    private final Parameter real;
    private final Parameter imag;

    private SpectralConv1d(int outChannels, int modes) {
        super((byte) 1);
        this.outChannels = outChannels;
        this.modes = modes;
        real = addParameter(Parameter.builder().setName("real").setType(Parameter.Type.WEIGHT).build());
        imag = addParameter(Parameter.builder().setName("imag").setType(Parameter.Type.WEIGHT).build());
    }

    /** A Fourier layer to {@code outChannels} channels keeping {@code modes} modes (0..modes−1). */
    public static SpectralConv1d of(int outChannels, int modes) {
        return new SpectralConv1d(outChannels, modes);
    }

    /** Modes kept. */
    public int modes() {
        return modes;
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(1);
        Shape w = new Shape(modes, in, outChannels);
        real.setShape(w);
        imag.setShape(w);
        double sd = 1 / Math.sqrt(in);
        real.setInitializer(new NormalInitializer((float) sd));
        imag.setInitializer(new NormalInitializer((float) sd));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray wr = store.getValue(real, x.getDevice(), training);
        NDArray wi = store.getValue(imag, x.getDevice(), training);
        return new NDList(spectralConv(x, wr, wi));
    }

    /** The functional form: x [B, in, N], wr and wi [K, in, out] to [B, out, N]. */
    public static NDArray spectralConv(NDArray x, NDArray wr, NDArray wi) {
        int n = (int) x.getShape().get(2);
        int k = (int) wr.getShape().get(0);
        if (k > n / 2 + 1) {
            throw new IllegalArgumentException(k + " modes need at least " + (2 * k - 2) + " grid points, got " + n);
        }
        NDManager m = x.getManager();
        float[] analysisCos = new float[n * k];
        float[] analysisSin = new float[n * k];
        float[] synthCos = new float[k * n];
        float[] synthSin = new float[k * n];
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < k; q++) {
                double t = 2 * Math.PI * q * j / n;
                double w = q == 0 || 2 * q == n ? 1 : 2;
                analysisCos[j * k + q] = (float) (Math.cos(t) / n);
                analysisSin[j * k + q] = (float) (-Math.sin(t) / n);
                synthCos[q * n + j] = (float) (w * Math.cos(t));
                synthSin[q * n + j] = (float) (-w * Math.sin(t));
            }
        }
        NDArray ac = m.create(analysisCos, new Shape(n, k));
        NDArray as = m.create(analysisSin, new Shape(n, k));
        NDArray sc = m.create(synthCos, new Shape(k, n));
        NDArray ss = m.create(synthSin, new Shape(k, n));
        // Coefficients: [B, in, K] -> [K, B, in].
        NDArray re = x.matMul(ac).transpose(2, 0, 1);
        NDArray im = x.matMul(as).transpose(2, 0, 1);
        // Per-mode complex channel mixing: [K, B, in] x [K, in, out] -> [K, B, out].
        NDArray outRe = re.matMul(wr).sub(im.matMul(wi)).transpose(1, 2, 0); // [B, out, K]
        NDArray outIm = re.matMul(wi).add(im.matMul(wr)).transpose(1, 2, 0);
        return outRe.matMul(sc).add(outIm.matMul(ss));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), outChannels, s.get(2))};
    }
}
