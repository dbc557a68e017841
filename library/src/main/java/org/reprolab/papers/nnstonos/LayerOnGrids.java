package org.reprolab.papers.nnstonos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.EnumMap;
import java.util.Map;
import org.reprolab.operators.GridConv;
import org.reprolab.operators.PeriodicField;
import org.reprolab.operators.Resample;
import org.reprolab.operators.SpectralConv1d;

/**
 * One single-channel layer of each kind applied to one periodic function sampled on several grids: the test of
 * discretisation convergence (Berner et al. 2025, the principle of Sec. 2; numbering ours). A plain convolution
 * keeps its k taps, the kernel-interpolated one ({@link InterpolatedConv1d}) resamples them to each grid, a
 * Fourier layer acts on a fixed number of modes.
 */
public final class LayerOnGrids {

    /** The three layers. */
    public enum Kind { PLAIN, INTERPOLATED, FOURIER }

    private LayerOnGrids() {}

    /**
     * The outputs [grid][node] of each kind on {@code f} sampled on each of {@code grids} (multiples of
     * {@code base}): taps w [1, 1, k] defined at {@code base}, Fourier weights wr, wi [modes, 1, 1].
     */
    public static Map<Kind, double[][]> outputs(NDManager m, PeriodicField f, NDArray w, NDArray wr, NDArray wi,
            int base, int... grids) {
        int k = (int) w.getShape().get(2);
        Map<Kind, double[][]> out = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            out.put(kind, new double[grids.length][]);
        }
        for (int g = 0; g < grids.length; g++) {
            double[] v = f.sample(grids[g]);
            float[] vf = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                vf[i] = (float) v[i];
            }
            try (NDManager sub = m.newSubManager()) {
                NDArray x = sub.create(vf, new Shape(1, 1, grids[g]));
                out.get(Kind.INTERPOLATED)[g] = toDoubles(InterpolatedConv1d.interpolatedConv(x, w, base));
                out.get(Kind.PLAIN)[g] = toDoubles(GridConv.conv(GridConv.padCircular(x, k / 2), w, 0));
                out.get(Kind.FOURIER)[g] = toDoubles(SpectralConv1d.spectralConv(x, wr, wi));
            }
        }
        return out;
    }

    /** ‖y_{2N} − y_N‖ / ‖y_N‖ at the N shared nodes, for consecutive grids that each double the last. */
    public static double[] successiveDifferences(double[][] outputs) {
        double[] d = new double[outputs.length - 1];
        for (int g = 0; g < d.length; g++) {
            d[g] = Resample.relativeL2(Resample.subsample(outputs[g + 1], 2), outputs[g]);
        }
        return d;
    }

    /** ‖y_finest − y_coarsest‖ / ‖y_coarsest‖ at the coarsest grid's nodes: how far the output moved. */
    public static double drift(double[][] outputs) {
        double[] first = outputs[0];
        double[] last = outputs[outputs.length - 1];
        return Resample.relativeL2(Resample.subsample(last, last.length / first.length), first);
    }

    private static double[] toDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
