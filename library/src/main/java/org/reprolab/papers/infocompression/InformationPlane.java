package org.reprolab.papers.infocompression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprolab.math.MutualInformation;
import org.reprolab.math.Stats;

/**
 * The information plane of a deterministic network with a discrete, uniformly drawn input X: for each hidden layer
 * T, {@code I(T;X) = H(T)} and {@code I(T;Y) = H(T) − Σ_y p(y) H(T|Y=y)}, with T made discrete or noisy by one of the
 * paper's adaptive estimators.
 *
 * <ul>
 *   <li>{@link #adaptiveBinning(int)}: entropy-based adaptive binning (EBAB): bin edges are the quantiles of the
 *       layer's activations pooled over units and inputs, recomputed at every measurement, so every bin holds the
 *       same number of values whatever the activation's range.</li>
 *   <li>{@link #adaptiveKde(double, int[])}: a Gaussian-noise KDE whose noise standard deviation is a fixed fraction
 *       of the layer's activation range at that moment ([recon]: the paper scales the noise to the activations'
 *       maximum), on a fixed subset of inputs (the ceiling is then {@code log2} of the subset's size).</li>
 *   <li>{@link #fixedBinning(int, double, double)}: the non-adaptive estimator the paper argues against, for
 *       comparison.</li>
 * </ul>
 */
public final class InformationPlane {

    /** One layer's point in the information plane, in bits. */
    public record Point(int layer, double ix, double iy) { }

    private enum Kind { ADAPTIVE_BINS, KDE, FIXED_BINS }

    private final Kind kind;
    private final int bins;
    private final double lo;
    private final double hi;
    private final double noiseFraction;
    private final int[] subset;

    private InformationPlane(Kind kind, int bins, double lo, double hi, double noiseFraction, int[] subset) {
        this.kind = kind;
        this.bins = bins;
        this.lo = lo;
        this.hi = hi;
        this.noiseFraction = noiseFraction;
        this.subset = subset;
    }

    /** Entropy-based adaptive binning with {@code bins} equal-mass bins (the paper uses about 30). */
    public static InformationPlane adaptiveBinning(int bins) {
        return new InformationPlane(Kind.ADAPTIVE_BINS, bins, 0, 0, 0, null);
    }

    /** Fixed-width binning: {@code bins} bins over [lo, hi]. */
    public static InformationPlane fixedBinning(int bins, double lo, double hi) {
        return new InformationPlane(Kind.FIXED_BINS, bins, lo, hi, 0, null);
    }

    /**
     * Adaptive KDE: noise standard deviation {@code noiseFraction × (max − min)} of the layer's activations, on the
     * inputs {@code subset} (indices into the full input set).
     */
    public static InformationPlane adaptiveKde(double noiseFraction, int[] subset) {
        return new InformationPlane(Kind.KDE, 0, 0, 0, noiseFraction, subset.clone());
    }

    /** The estimator's name, for tables and legends. */
    public String name() {
        return switch (kind) {
            case ADAPTIVE_BINS -> "adaptive binning (" + bins + " bins)";
            case FIXED_BINS -> "fixed binning (" + bins + " bins)";
            case KDE -> "adaptive KDE (σ = " + noiseFraction + " × range)";
        };
    }

    /** The largest possible {@code I(T;X)} in bits: log2 of the number of inputs the estimator sees. */
    public double ceilingBits(int inputs) {
        return Math.log(kind == Kind.KDE ? subset.length : inputs) / Math.log(2);
    }

    /** One layer's (I(T;X), I(T;Y)) from its activations ({@code width} columns) and the inputs' labels. */
    public Point measure(int layer, double[] activations, int width, int[] labels) {
        if (kind == Kind.KDE) {
            double[] t = new double[subset.length * width];
            int[] y = new int[subset.length];
            for (int i = 0; i < subset.length; i++) {
                System.arraycopy(activations, subset[i] * width, t, i * width, width);
                y[i] = labels[subset[i]];
            }
            double range = Stats.max(t) - Stats.min(t);
            double[] ixy = MutualInformation.kdeBits(t, width, y, noiseFraction * Math.max(range, 1e-12));
            return new Point(layer, ixy[0], ixy[1]);
        }
        int[] codes = kind == Kind.ADAPTIVE_BINS ? MutualInformation.adaptiveBinCodes(activations, width, bins)
                : MutualInformation.fixedBinCodes(activations, width, bins, lo, hi);
        return new Point(layer, MutualInformation.entropyBits(codes), MutualInformation.bits(codes, labels));
    }

    /** Every hidden layer's point, layers numbered from 1. */
    public List<Point> measure(List<double[]> layers, int[] widths, int[] labels) {
        List<Point> points = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            points.add(measure(l + 1, layers.get(l), widths[l], labels));
        }
        return points;
    }

    /**
     * Compression of a trajectory of {@code I(T;X)}: how far its last value fell below the peak reached after the
     * trajectory's lowest point before the end, as a fraction of that peak, {@code (peak − last) / peak} (0 when it
     * never fell). A layer whose I(T;X) falls from its value at initialisation and then rises again has not
     * compressed in the paper's sense, a late fall after fitting.
     */
    public static double compression(double[] ix) {
        int low = Stats.argMin(Arrays.copyOf(ix, Math.max(1, ix.length - 1)));
        double peak = Stats.max(Arrays.copyOfRange(ix, low, ix.length));
        return peak <= 0 ? 0 : (peak - ix[ix.length - 1]) / peak;
    }
}
