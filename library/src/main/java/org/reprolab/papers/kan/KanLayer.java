package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A Kolmogorov-Arnold layer (Liu et al. 2024, Sec. 2.2): a learnable univariate function on every edge,
 * summed at every output node,
 * \( y_j = \sum_{i} \phi_{j,i}(x_i) \) with
 * \( \phi_{j,i}(x) = s^b_{j,i}\, b(x) + s^{sp}_{j,i} \sum_{c=0}^{G+k-1} c_{j,i,c} B_c(x) \)
 * (the paper's Eqs. 2.10-2.11), where b is the residual base function (SiLU) and B_c are order-k B-splines
 * on a grid of G intervals extended by k knots per side ({@link BSpline}).
 *
 * <p>Shapes: x (B, in) → y (B, out); coefficients c (out, in, G+k); scales s^b, s^sp (out, in); knots
 * (in, G+2k+1), one grid per input, not trained. Defaults are pykan's: G = 5, k = 3, grid [−1, 1],
 * b = SiLU, s^b = s^sp = 1, coefficients drawn from U(−½, ½)·0.1/G (pykan fits such noise at the grid points;
 * for B-splines the coefficients are already close to the function's values there), grid-update mix ε = 0.02.
 *
 * <p>The grid moves in two ways, both refitting the coefficients by least squares in double precision:
 * {@link #updateGrid} puts the knots at the samples' quantiles (same G, the function approximately kept), and
 * {@link #refine} returns a layer on a finer grid G′ (the paper's grid extension, Eq. 2.16). Where the new
 * knots come from is a {@link KnotRule}: the paper's and pykan's rule by default, our nested variant on request.
 *
 * <pre>{@code
 * KanLayer layer = KanLayer.builder().setInputs(2).setOutputs(5).optGridSize(5).build();
 * layer.initialize(manager, DataType.FLOAT64, new Shape(1, 2));
 * }</pre>
 */
public final class KanLayer extends AbstractBlock {

    private final int inputs;
    private final int outputs;
    private final int gridSize;
    private final int order;
    private final double gridLo;
    private final double gridHi;
    private final double gridEps;
    private final double noiseScale;
    private final double initScaleBase;
    private final double initScaleSp;
    private final UnaryOperator<NDArray> base;
    private final Parameter knots;
    private final Parameter coef;
    private final Parameter scaleBase;
    private final Parameter scaleSp;

    private KanLayer(Builder b) {
        this.inputs = b.inputs;
        this.outputs = b.outputs;
        this.gridSize = b.gridSize;
        this.order = b.order;
        this.gridLo = b.gridLo;
        this.gridHi = b.gridHi;
        this.gridEps = b.gridEps;
        this.noiseScale = b.noiseScale;
        this.base = b.base;
        this.initScaleBase = b.scaleBase;
        this.initScaleSp = b.scaleSp;
        double[] t = BSpline.uniformKnots(gridSize, order, gridLo, gridHi);
        knots = addParameter(Parameter.builder().setName("grid").setType(Parameter.Type.OTHER)
                .optShape(new Shape(inputs, t.length)).optRequiresGrad(false)
                .optInitializer((m, shape, type) -> m.create(tile(t, inputs), shape).toType(type, false)).build());
        double noise = noiseScale / gridSize;
        coef = addParameter(Parameter.builder().setName("coef").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outputs, inputs, gridSize + order))
                .optInitializer((m, shape, type) -> m.randomUniform(-0.5f, 0.5f, shape, type).mul(noise)).build());
        double sb = b.scaleBase;
        double ss = b.scaleSp;
        scaleBase = addParameter(Parameter.builder().setName("scale_base").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outputs, inputs))
                .optInitializer((m, shape, type) -> m.ones(shape, type).mul(sb)).build());
        scaleSp = addParameter(Parameter.builder().setName("scale_sp").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outputs, inputs))
                .optInitializer((m, shape, type) -> m.ones(shape, type).mul(ss)).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** SiLU, x·σ(x): the paper's base function b(x) (Eq. 2.11). */
    public static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /**
     * The layer as a function: {@code x (B, in)} → {@code (B, out)}, Eqs. 2.10-2.11 with coefficients
     * {@code coef (out, in, G+k)}, scales {@code scaleBase, scaleSp (out, in)} and knots {@code (in, G+2k+1)}.
     */
    public static NDArray kan(NDArray x, NDArray knots, NDArray coef, NDArray scaleBase, NDArray scaleSp, int k,
            UnaryOperator<NDArray> base) {
        long batch = x.getShape().get(0);
        long in = coef.getShape().get(1);
        long n = coef.getShape().get(2);
        long out = coef.getShape().get(0);
        NDArray bsp = BSpline.basis(x, knots, k).reshape(batch, in * n);           // (B, in·n)
        NDArray w = coef.mul(scaleSp.expandDims(2)).reshape(out, in * n);         // s^sp·c  (out, in·n)
        NDArray spline = bsp.matMul(w.transpose());                               // Σ_i s^sp Σ_c c B_c  (B, out)
        NDArray residual = base.apply(x).matMul(scaleBase.transpose());           // Σ_i s^b b(x_i)      (B, out)
        return residual.add(spline);                                              // Eqs. 2.10-2.11
    }

    /**
     * Every edge's activation φ_{j,i}(x_i): {@code (B, out, in)} (pykan's "postacts"), for plotting the learned
     * functions; y_j is their sum over i.
     */
    public static NDArray edgeActivations(NDArray x, NDArray knots, NDArray coef, NDArray scaleBase,
            NDArray scaleSp, int k, UnaryOperator<NDArray> base) {
        NDArray bsp = BSpline.basis(x, knots, k).expandDims(1);                   // (B, 1, in, n)
        NDArray spline = bsp.mul(coef.expandDims(0)).sum(new int[] {3});         // (B, out, in)
        NDArray residual = base.apply(x).expandDims(1).mul(scaleBase.expandDims(0)); // (B, out, in)
        return residual.add(spline.mul(scaleSp.expandDims(0)));                   // Eq. 2.11 per edge
    }

    /** This layer's edge activations φ_{j,i}(x_i) at {@code x (B, in)}: {@code (B, out, in)}. */
    public NDArray edgeActivations(NDArray x) {
        return edgeActivations(x, knots.getArray(), coef.getArray(), scaleBase.getArray(), scaleSp.getArray(), order,
                base);
    }

    /**
     * The edge function φ_{out,in} at the points {@code at}, in double precision (every input set to the point, so
     * the values of one edge can be read off).
     */
    public double[] edgeFunction(int out, int in, double[] at) {
        double[] xs = new double[at.length * inputs];
        for (int n = 0; n < at.length; n++) {
            Arrays.fill(xs, n * inputs, (n + 1) * inputs, at[n]);
        }
        NDArray c = coef.getArray();
        double[] all;
        try (NDScope scope = new NDScope()) {
            NDArray x = c.getManager().create(xs, new Shape(at.length, inputs)).toType(c.getDataType(), false);
            all = edgeActivations(x).toType(DataType.FLOAT64, false).toDoubleArray();     // (n, out, in)
        }
        double[] v = new double[at.length];
        for (int n = 0; n < at.length; n++) {
            v[n] = all[(n * outputs + out) * inputs + in];
        }
        return v;
    }

    /**
     * Sets the spline coefficients of edge (out, in) by least squares so that the whole edge, SiLU residual
     * included, computes {@code target} at the {@code samples}: the spline fits (target − s^b·b(x)) / s^sp.
     */
    public void setEdgeFunction(int out, int in, DoubleUnaryOperator target, double[] samples) {
        double sb = scaleBase.getArray().toType(DataType.FLOAT64, false).toDoubleArray()[out * inputs + in];
        double ss = scaleSp.getArray().toType(DataType.FLOAT64, false).toDoubleArray()[out * inputs + in];
        double[] baseValues;
        NDArray c = coef.getArray();
        try (NDScope scope = new NDScope()) {
            NDArray x = c.getManager().create(samples).toType(c.getDataType(), false);
            baseValues = base.apply(x).toType(DataType.FLOAT64, false).toDoubleArray();
        }
        double[][] y = new double[1][samples.length];
        for (int n = 0; n < samples.length; n++) {
            y[0][n] = (target.applyAsDouble(samples[n]) - sb * baseValues[n]) / ss;
        }
        double[][][] all = coefficientArray();
        all[out][in] = BSpline.fit(samples, y, knotArray()[in], order)[0];
        setCoefficients(all);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray x = in.singletonOrThrow();
        return new NDList(kan(x, ps.getValue(knots, x.getDevice(), training), ps.getValue(coef, x.getDevice(),
                training),
                ps.getValue(scaleBase, x.getDevice(), training), ps.getValue(scaleSp, x.getDevice(), training), order,
                base));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }

    /**
     * Grid update from samples (Sec. 2.4; pykan {@code update_grid_from_samples}): each input's knots move to
     * its samples' quantiles mixed with the uniform grid on their range (weight ε), and the coefficients are
     * refitted by least squares to the spline's old values at the samples. {@code x (N, in)}: this layer's
     * inputs.
     */
    public void updateGrid(NDArray x) {
        double[][] cols = columns(x);
        double[][] oldKnots = knotArray();
        double[][][] oldCoef = coefficientArray();
        double[][] newKnots = new double[inputs][];
        double[][][] newCoef = new double[outputs][inputs][];
        for (int i = 0; i < inputs; i++) {
            newKnots[i] = BSpline.adaptiveKnots(cols[i], gridSize, order, gridEps);
            refit(cols[i], oldKnots[i], oldCoef, i, newKnots[i], newCoef);
        }
        setKnots(newKnots);
        setCoefficients(newCoef);
    }

    /**
     * Where the knots of an extended grid come from ({@link #refine}). All three refit the coefficients by least
     * squares to the old spline's values at the samples (Eq. 2.16); they differ in what the new spline space
     * can hold.
     */
    public enum KnotRule {
        /**
         * The paper's and pykan's rule ({@code initialize_grid_from_parent}): the new grid's G′ + 1 points
         * interpolate the old grid's points linearly at the positions i·G/G′ (the old grid read as a function of
         * its index), extended by k knots of spacing (range)/G′. When G′ is a multiple of G the new grid nests
         * the old one on its range, so the old spline is recovered there; inputs beyond the old grid's range
         * lie on extension knots that differ, and are only approximated.
         */
        PYKAN,
        /**
         * Ours ({@link #finerKnots}): nested in the old knots, extension knots included, over a range that
         * covers the old grid and the samples, so the old spline is recovered at every sample up to round-off.
         */
        NESTED,
        /** Uniform on the old grid's range, ignoring where the old knots are ({@link #uniformKnots}). */
        UNIFORM
    }

    /**
     * Grid extension (Sec. 2.4, Eq. 2.16) by the paper's rule ({@link KnotRule#PYKAN}): a new layer on
     * {@code newGridSize} intervals, its coefficients fitted by least squares to this layer's splines at the
     * samples {@code x (N, in)} (this layer's inputs); the scales are copied. Its parameters live in this
     * layer's manager.
     */
    public KanLayer refine(NDArray x, int newGridSize) {
        return refine(columns(x), newGridSize, KnotRule.PYKAN);
    }

    /** {@link #refine(NDArray, int)} with the new knots from {@code rule}. */
    public KanLayer refine(NDArray x, int newGridSize, KnotRule rule) {
        return refine(columns(x), newGridSize, rule);
    }

    /** {@link #refine(NDArray, int, KnotRule)} with the samples as columns {@code (in, N)}. */
    public KanLayer refine(double[][] cols, int newGridSize, KnotRule rule) {
        double[][] oldKnots = knotArray();
        double[][][] oldCoef = coefficientArray();
        double[][] newKnots = new double[inputs][];
        double[][][] newCoef = new double[outputs][inputs][];
        for (int i = 0; i < inputs; i++) {
            newKnots[i] = switch (rule) {
                case PYKAN -> parentKnots(oldKnots[i], order, gridSize, newGridSize);
                case NESTED -> finerKnots(oldKnots[i], order, gridSize, newGridSize,
                        Arrays.stream(cols[i]).min().orElse(0), Arrays.stream(cols[i]).max().orElse(0));
                case UNIFORM -> uniformKnots(oldKnots[i], order, gridSize, newGridSize);
            };
            refit(cols[i], oldKnots[i], oldCoef, i, newKnots[i], newCoef);
        }
        KanLayer child = toBuilder().optGridSize(newGridSize).build();
        NDArray c = coef.getArray();
        child.initialize(c.getManager(), c.getDataType(), new Shape(1, inputs));
        child.setKnots(newKnots);
        child.setCoefficients(newCoef);
        child.scaleBase.getArray().set(DoubleBuffer.wrap(scaleBase.getArray().toType(DataType.FLOAT64, false)
                .toDoubleArray()));
        child.scaleSp.getArray().set(DoubleBuffer.wrap(scaleSp.getArray().toType(DataType.FLOAT64, false)
                .toDoubleArray()));
        return child;
    }

    /**
     * The paper's and pykan's extended grid ({@link KnotRule#PYKAN}): {@code newG} + 1 points that interpolate
     * the old grid t_0 … t_G (the interior of {@code old}, which has {@code g} intervals) linearly at the
     * positions s_i = i·g/newG, i = 0 … newG, then extended by k knots of spacing (t_G − t_0)/newG.
     */
    public static double[] parentKnots(double[] old, int k, int g, int newG) {
        double[] grid = BSpline.interior(old, k);
        double[] fine = new double[newG + 1];
        for (int i = 0; i <= newG; i++) {
            double s = (double) i * g / newG;
            int j = Math.min((int) Math.floor(s), g - 1);
            fine[i] = grid[j] + (s - j) * (grid[j + 1] - grid[j]);
        }
        return BSpline.extend(fine, k);
    }

    /**
     * A knot vector with {@code newG} intervals that nests {@code old} (which has {@code g} intervals) over the
     * range covering both its grid and the samples' range [{@code lo}, {@code hi}]: the breakpoints are the
     * range's ends and every old knot inside it, and the intervals between them are split evenly, the longest
     * pieces first, until there are {@code newG}. Every spline on the old knots is then a spline on the new ones
     * over that range. When the range holds more old intervals than {@code newG}, the grid is uniform on the
     * range instead (not nested).
     */
    public static double[] finerKnots(double[] old, int k, int g, int newG, double lo, double hi) {
        double[] grid = BSpline.interior(old, k);
        double a = Math.min(grid[0], lo);
        double b = Math.max(grid[g], hi);
        List<Double> breaks = new ArrayList<>();
        breaks.add(a);
        for (double t : old) {
            if (t > a && t < b) {
                breaks.add(t);
            }
        }
        breaks.add(b);
        int q = breaks.size() - 1;
        if (q > newG) {
            return BSpline.uniformKnots(newG, k, a, b);
        }
        int[] pieces = new int[q];
        Arrays.fill(pieces, 1);
        for (int added = q; added < newG; added++) {
            int longest = 0;
            for (int i = 1; i < q; i++) {
                if (pieceLength(breaks, pieces, i) > pieceLength(breaks, pieces, longest) * (1 + 1e-12)) {
                    longest = i;
                }
            }
            pieces[longest]++;
        }
        double[] fine = new double[newG + 1];
        int at = 0;
        for (int i = 0; i < q; i++) {
            for (int s = 0; s < pieces[i]; s++) {
                fine[at++] = breaks.get(i) + (breaks.get(i + 1) - breaks.get(i)) * s / pieces[i];
            }
        }
        fine[newG] = b;
        return BSpline.extend(fine, k);
    }

    private static double pieceLength(List<Double> breaks, int[] pieces, int i) {
        return (breaks.get(i + 1) - breaks.get(i)) / pieces[i];
    }

    /** A knot vector with {@code newG} uniform intervals over the interior of {@code old} (which has {@code g}). */
    public static double[] uniformKnots(double[] old, int k, int g, int newG) {
        double[] grid = BSpline.interior(old, k);
        return BSpline.uniformKnots(newG, k, grid[0], grid[g]);
    }

    private void refit(double[] samples, double[] oldKnots, double[][][] oldCoef, int i, double[] newKnots,
            double[][][] newCoef) {
        double[][] target = new double[outputs][samples.length];
        for (int n = 0; n < samples.length; n++) {
            double[] row = BSpline.basisRow(samples[n], oldKnots, order);
            for (int j = 0; j < outputs; j++) {
                double s = 0;
                for (int c = 0; c < row.length; c++) {
                    s += oldCoef[j][i][c] * row[c];
                }
                target[j][n] = s;
            }
        }
        double[][] fitted = BSpline.fit(samples, target, newKnots, order);          // Eq. 2.16 (least squares)
        for (int j = 0; j < outputs; j++) {
            newCoef[j][i] = fitted[j];
        }
    }

    /** The knots, one row per input: {@code (in, G+2k+1)}. */
    public double[][] knotArray() {
        double[] flat = knots.getArray().toType(DataType.FLOAT64, false).toDoubleArray();
        int m = flat.length / inputs;
        double[][] out = new double[inputs][m];
        for (int i = 0; i < inputs; i++) {
            System.arraycopy(flat, i * m, out[i], 0, m);
        }
        return out;
    }

    /** The spline coefficients {@code (out, in, G+k)}. */
    public double[][][] coefficientArray() {
        double[] flat = coef.getArray().toType(DataType.FLOAT64, false).toDoubleArray();
        int n = gridSize + order;
        double[][][] out = new double[outputs][inputs][n];
        for (int j = 0; j < outputs; j++) {
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(flat, (j * inputs + i) * n, out[j][i], 0, n);
            }
        }
        return out;
    }

    /** Overwrites the knots ({@code (in, G+2k+1)}). */
    public void setKnots(double[][] values) {
        setArray(knots.getArray(), flatten(values));
    }

    /** Overwrites the spline coefficients ({@code (out, in, G+k)}). */
    public void setCoefficients(double[][][] values) {
        double[] flat = new double[outputs * inputs * (gridSize + order)];
        int p = 0;
        for (double[][] row : values) {
            for (double[] edge : row) {
                System.arraycopy(edge, 0, flat, p, edge.length);
                p += edge.length;
            }
        }
        setArray(coef.getArray(), flat);
    }

    private static void setArray(NDArray target, double[] values) {
        if (target.getDataType() == DataType.FLOAT64) {
            target.set(DoubleBuffer.wrap(values));
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            target.set(java.nio.FloatBuffer.wrap(f));
        }
    }

    /** Samples {@code x (N, in)} as columns {@code (in, N)} in double precision. */
    public double[][] columns(NDArray x) {
        if (x.getShape().dimension() != 2 || x.getShape().get(1) != inputs) {
            throw new IllegalArgumentException("expected samples (N, " + inputs + "), got " + x.getShape());
        }
        double[] flat = x.toType(DataType.FLOAT64, false).toDoubleArray();
        int n = flat.length / inputs;
        double[][] cols = new double[inputs][n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < inputs; i++) {
                cols[i][r] = flat[r * inputs + i];
            }
        }
        return cols;
    }

    private static double[] flatten(double[][] rows) {
        int m = rows[0].length;
        double[] flat = new double[rows.length * m];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * m, m);
        }
        return flat;
    }

    private static double[] tile(double[] t, int times) {
        double[] out = new double[t.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(t, 0, out, i * t.length, t.length);
        }
        return out;
    }

    /** A builder with this layer's settings. */
    public Builder toBuilder() {
        return builder().setInputs(inputs).setOutputs(outputs).optGridSize(gridSize).optSplineOrder(order)
                .optGridRange(gridLo, gridHi).optGridEps(gridEps).optNoiseScale(noiseScale).optBaseFunction(base)
                .optScaleBase(initScaleBase).optScaleSpline(initScaleSp);
    }

    /** Inputs (the number of edges into each output). */
    public int inputs() {
        return inputs;
    }

    /** Outputs. */
    public int outputs() {
        return outputs;
    }

    /** Grid intervals G. */
    public int gridSize() {
        return gridSize;
    }

    /** Spline order k. */
    public int splineOrder() {
        return order;
    }

    /** The base function b. */
    public UnaryOperator<NDArray> baseFunction() {
        return base;
    }

    /** Trainable parameters: out·in·(G + k + 2). */
    public long trainableCount() {
        return (long) outputs * inputs * (gridSize + order + 2);
    }

    @Override
    public String toString() {
        return "KanLayer(" + inputs + " → " + outputs + ", G=" + gridSize + ", k=" + order + ")";
    }

    /** Creates the manager-free description of a layer; {@link #build()} checks it. */
    public static final class Builder {
        private int inputs;
        private int outputs;
        private int gridSize = 5;
        private int order = 3;
        private double gridLo = -1;
        private double gridHi = 1;
        private double gridEps = 0.02;
        private double noiseScale = 0.1;
        private double scaleBase = 1;
        private double scaleSp = 1;
        private UnaryOperator<NDArray> base = KanLayer::silu;

        /** Input size (required). */
        public Builder setInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        /** Output size (required). */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Grid intervals G; default 5. */
        public Builder optGridSize(int gridSize) {
            this.gridSize = gridSize;
            return this;
        }

        /** Spline order k (3 = cubic); default 3. */
        public Builder optSplineOrder(int order) {
            this.order = order;
            return this;
        }

        /** The initial grid's range; default [−1, 1]. */
        public Builder optGridRange(double lo, double hi) {
            this.gridLo = lo;
            this.gridHi = hi;
            return this;
        }

        /** Grid-update mix ε between uniform (1) and quantile (0) grids; default 0.02. */
        public Builder optGridEps(double eps) {
            this.gridEps = eps;
            return this;
        }

        /** Scale of the initial coefficient noise (divided by G); default 0.1. */
        public Builder optNoiseScale(double noiseScale) {
            this.noiseScale = noiseScale;
            return this;
        }

        /** Initial s^b; default 1. */
        public Builder optScaleBase(double scaleBase) {
            this.scaleBase = scaleBase;
            return this;
        }

        /** Initial s^sp; default 1. */
        public Builder optScaleSpline(double scaleSp) {
            this.scaleSp = scaleSp;
            return this;
        }

        /** The residual base function b; default SiLU. {@code x -> x.zerosLike()} removes it. */
        public Builder optBaseFunction(UnaryOperator<NDArray> base) {
            this.base = base;
            return this;
        }

        /** The layer. */
        public KanLayer build() {
            if (inputs <= 0 || outputs <= 0) {
                throw new IllegalArgumentException("KanLayer needs setInputs(n > 0) and setOutputs(n > 0)");
            }
            if (gridSize < 1 || order < 0) {
                throw new IllegalArgumentException("KanLayer needs grid size ≥ 1 and spline order ≥ 0");
            }
            if (!(gridHi > gridLo)) {
                throw new IllegalArgumentException("KanLayer grid range must have hi > lo");
            }
            if (!(gridEps >= 0 && gridEps <= 1)) {
                throw new IllegalArgumentException("KanLayer grid eps must be in [0, 1]");
            }
            return new KanLayer(this);
        }
    }
}
