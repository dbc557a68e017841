package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.reprolab.engine.NdConstants;
import org.reprolab.math.LinearAlgebra;

/**
 * An activation-space selectable KAN layer (S-KAN, Yang et al. 2024): every output node j chooses, with
 * learned weights, among M activation spaces ({@link ActivationSpace}) for its incoming edges:
 * <pre>
 *   y_j = Σ_i [ s^b_{j,i} b(x̃_i) + Σ_m a_{j,m} Σ_c c^{(m)}_{j,i,c} ψ^{(m)}_c(u_i) ]                 Eq. (S1)
 *   a_j = softmax_m( α_{j,m} / τ )  over the spaces still kept at node j                               Eq. (S2)
 *   x̃_i = min(max(x_i, lo_i), hi_i),   u_i = 2 (x̃_i − lo_i) / (hi_i − lo_i) − 1                       Eq. (S3)
 * </pre>
 * (numbering ours; the S-KAN paper's exact equations were not retrieved). Inputs outside the domain are clipped
 * to its edge, so nothing extrapolates: a Chebyshev polynomial would explode, and a base term that the smooth
 * spaces cancel inside the domain would not be cancelled outside it. Training follows the paper's
 * three stages: all spaces trained together; selective training, in which each node repeatedly drops one
 * remaining space and the network is fine-tuned, until one space per node is left ({@link #isPruned()}); and
 * fine-tuning of the pruned network. Which space a node drops is decided either by the loss
 * ({@link SKanBlock#dropLeastUseful}: the one whose removal raises the training error least) or by magnitude
 * ({@link #dropLeastImportant}: the smallest RMS weighted contribution, as pykan prunes by activation size).
 * {@link #prune()} keeps each node's heaviest space in one go, and a temperature τ sharpens the softmax
 * ({@link #setTemperature}).
 *
 * <p>Shapes: x (B, in) → y (B, out); c^{(m)} (out, in, n_m); s^b (out, in); α and the keep mask (out, M); the
 * input domain (2, in) holds lo and hi per input and is not trained: {@link #updateDomain} moves it to the
 * samples' range and refits every space's coefficients by least squares (the analogue of KAN's grid update).
 */
public final class SKanLayer extends AbstractBlock {

    private final int inputs;
    private final int outputs;
    private final List<ActivationSpace> spaces;
    private final UnaryOperator<NDArray> base;
    private final Parameter domain;
    private final List<Parameter> coefs = new ArrayList<>();
    private final Parameter scaleBase;
    private final Parameter logits;
    private final Parameter keep;
    private double temperature = 1;

    private SKanLayer(Builder b) {
        this.inputs = b.inputs;
        this.outputs = b.outputs;
        this.spaces = List.copyOf(b.spaces);
        this.base = b.base;
        double lo = b.lo;
        double hi = b.hi;
        domain = addParameter(Parameter.builder().setName("domain").setType(Parameter.Type.OTHER)
                .optShape(new Shape(2, inputs)).optRequiresGrad(false)
                .optInitializer((m, shape, type) -> m.create(new double[] {lo, hi}).reshape(2, 1)
                        .repeat(1, inputs).toType(type, false)).build());
        for (int s = 0; s < spaces.size(); s++) {
            double noise = b.noiseScale / spaces.get(s).size();
            coefs.add(addParameter(Parameter.builder().setName("coef" + s).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(outputs, inputs, spaces.get(s).size()))
                    .optInitializer((m, shape, type) -> m.randomUniform(-0.5f, 0.5f, shape, type).mul(noise)).build()));
        }
        double sb = b.scaleBase;
        scaleBase = addParameter(Parameter.builder().setName("scale_base").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outputs, inputs))
                .optInitializer((m, shape, type) -> m.ones(shape, type).mul(sb)).build());
        logits = addParameter(Parameter.builder().setName("selection").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outputs, spaces.size()))
                .optInitializer((m, shape, type) -> m.zeros(shape, type)).build());
        keep = addParameter(Parameter.builder().setName("keep").setType(Parameter.Type.OTHER)
                .optShape(new Shape(outputs, spaces.size())).optRequiresGrad(false)
                .optInitializer((m, shape, type) -> m.ones(shape, type)).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The layer as a function (Eqs. S1-S3): {@code x (B, in)}, {@code domain (2, in)}, one coefficient array
     * {@code (out, in, n_m)} per space, {@code scaleBase (out, in)}, selection {@code logits} and {@code keep}
     * mask {@code (out, M)}, temperature τ. Spaces whose weight is zero at every node are skipped.
     */
    public static NDArray skan(NDArray x, NDArray domain, List<NDArray> coefs, NDArray scaleBase, NDArray logits,
            NDArray keep, double tau, List<ActivationSpace> spaces, UnaryOperator<NDArray> base) {
        long batch = x.getShape().get(0);
        long in = x.getShape().get(1);
        long out = scaleBase.getShape().get(0);
        NDArray lo = domain.get(0);
        NDArray hi = domain.get(1);
        NDArray xc = x.maximum(lo).minimum(hi);                                    // x clipped to the domain
        NDArray u = xc.sub(lo).div(hi.sub(lo)).mul(NdConstants.scalar(x, 2)).sub(1);  // Eq. (S3)  (B, in)
        NDArray a = selection(logits, keep, tau);                                  // Eq. (S2)  (out, M)
        float[] alive = keep.sum(new int[] {0}).toType(DataType.FLOAT32, false).toFloatArray();
        NDArray y = base.apply(xc).matMul(scaleBase.transpose());                  // Σ_i s^b b(x_i)  (B, out)
        for (int m = 0; m < spaces.size(); m++) {
            if (alive[m] == 0) {
                continue;
            }
            long n = spaces.get(m).size();
            NDArray psi = spaces.get(m).basis(u).reshape(batch, in * n);          // (B, in·n)
            NDArray w = coefs.get(m).mul(a.get(":, {}", m).reshape(out, 1, 1)).reshape(out, in * n);
            y = y.add(psi.matMul(w.transpose()));                                  // Eq. (S1)
        }
        return y;
    }

    /** Eq. (S2): a_{j,m} = softmax over the kept spaces of α_{j,m}/τ. */
    public static NDArray selection(NDArray logits, NDArray keep, double tau) {
        return logits.div(NdConstants.scalar(logits, tau)).add(keep.log()).softmax(1);
    }

    /** Mean entropy of the nodes' selection weights −Σ_m a log a (0 when every node has chosen). */
    public static NDArray selectionEntropy(NDArray weights) {
        NDArray safe = weights.add(1e-30);
        return weights.mul(safe.log()).sum(new int[] {1}).neg().mean();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray x = in.singletonOrThrow();
        List<NDArray> c = new ArrayList<>();
        for (Parameter p : coefs) {
            c.add(ps.getValue(p, x.getDevice(), training));
        }
        return new NDList(skan(x, ps.getValue(domain, x.getDevice(), training), c,
                ps.getValue(scaleBase, x.getDevice(), training), ps.getValue(logits, x.getDevice(), training),
                ps.getValue(keep, x.getDevice(), training), temperature, spaces, base));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }

    /** The selection weights a {@code (out, M)} at the current temperature. */
    public double[][] selectionWeights() {
        double[] flat = selection(logits.getArray(), keep.getArray(), temperature).toType(DataType.FLOAT64, false)
                .toDoubleArray();
        int m = spaces.size();
        double[][] out = new double[outputs][m];
        for (int j = 0; j < outputs; j++) {
            System.arraycopy(flat, j * m, out[j], 0, m);
        }
        return out;
    }

    /** Overwrites the selection logits α {@code (out, M)}, flattened (for demonstrations and tests). */
    public void setSelectionLogits(double[] alpha) {
        if (alpha.length != outputs * spaces.size()) {
            throw new IllegalArgumentException("expected " + outputs * spaces.size() + " logits, got " + alpha.length);
        }
        set(logits.getArray(), alpha);
    }

    /** Each node's heaviest space (its index in {@link #spaces()}). */
    public int[] chosen() {
        double[][] a = selectionWeights();
        int[] out = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            for (int m = 1; m < a[j].length; m++) {
                if (a[j][m] > a[j][out[j]]) {
                    out[j] = m;
                }
            }
        }
        return out;
    }

    /**
     * Stage 3: each node keeps only its heaviest space (its weight becomes exactly 1, its coefficients are scaled
     * by its old weight so its contribution is unchanged). The other spaces' coefficients stay in the block but
     * no longer act.
     */
    public void prune() {
        int[] c = chosen();
        for (int j = 0; j < outputs; j++) {
            for (int q = 0; q < spaces.size(); q++) {
                if (q != c[j] && keepMask()[j * spaces.size() + q] > 0) {
                    dropSpace(j, q);
                }
            }
        }
    }

    /**
     * Removes space {@code space} from node {@code node} and nothing else: the softmax over the remaining spaces
     * renormalises (each weight grows by 1/(1 − a_{j,m})), so their coefficients at that node are scaled by
     * (1 − a_{j,m}) to keep their contributions. The node must keep at least one space.
     */
    public void dropSpace(int node, int space) {
        int m = spaces.size();
        double[] mask = keepMask();
        if (mask[node * m + space] == 0) {
            return;
        }
        double removed = selectionWeights()[node][space];
        mask[node * m + space] = 0;
        setKeepMask(mask);
        for (int q = 0; q < m; q++) {
            if (mask[node * m + q] == 0) {
                continue;
            }
            int n = spaces.get(q).size();
            double[] c = coefs.get(q).getArray().toType(DataType.FLOAT64, false).toDoubleArray();
            for (int i = 0; i < inputs * n; i++) {
                c[node * inputs * n + i] *= 1 - removed;
            }
            set(coefs.get(q).getArray(), c);
        }
    }

    /** A copy of the keep mask and every space's coefficients, for {@link #restore}. */
    double[][] state() {
        double[][] out = new double[spaces.size() + 1][];
        out[0] = keepMask();
        for (int q = 0; q < spaces.size(); q++) {
            out[q + 1] = coefs.get(q).getArray().toType(DataType.FLOAT64, false).toDoubleArray();
        }
        return out;
    }

    /** Puts back a {@link #state()}. */
    void restore(double[][] state) {
        set(keep.getArray(), state[0]);
        for (int q = 0; q < spaces.size(); q++) {
            set(coefs.get(q).getArray(), state[q + 1]);
        }
    }

    /**
     * Importance of each space at each node over the inputs {@code x (N, in)}: the RMS over the samples of
     * a_{j,m}·Σ_i Σ_c c^{(m)}_{j,i,c} ψ^{(m)}_c(u_i), the part of y_j the space supplies; 0 for dropped spaces.
     * Returns {@code (out, M)}.
     */
    public double[][] importance(NDArray x) {
        double[][] a = selectionWeights();
        double[][] out = new double[outputs][spaces.size()];
        double[] kept = keep.getArray().toType(DataType.FLOAT64, false).toDoubleArray();
        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            NDArray d = domain.getArray();
            NDArray u = x.sub(d.get(0)).div(d.get(1).sub(d.get(0))).mul(2).sub(1).clip(-1, 1);
            long batch = x.getShape().get(0);
            for (int m = 0; m < spaces.size(); m++) {
                long n = spaces.get(m).size();
                NDArray psi = spaces.get(m).basis(u).reshape(batch, inputs * n);
                NDArray g = psi.matMul(coefs.get(m).getArray().reshape(outputs, inputs * n).transpose()); // (B, out)
                double[] rms = g.square().mean(new int[] {0}).sqrt().toType(DataType.FLOAT64, false).toDoubleArray();
                for (int j = 0; j < outputs; j++) {
                    out[j][m] = kept[j * spaces.size() + m] == 0 ? 0 : a[j][m] * rms[j];
                }
            }
        }
        return out;
    }

    /**
     * One round of selective training's elimination: every node that still has more than one space drops the
     * least important one ({@link #importance}) at the inputs {@code x}. Returns how many nodes dropped one.
     */
    public int dropLeastImportant(NDArray x) {
        double[][] imp = importance(x);
        double[] mask = keepMask();
        int m = spaces.size();
        int dropped = 0;
        for (int j = 0; j < outputs; j++) {
            int alive = 0;
            int worst = -1;
            for (int s = 0; s < m; s++) {
                if (mask[j * m + s] == 0) {
                    continue;
                }
                alive++;
                if (worst < 0 || imp[j][s] < imp[j][worst]) {
                    worst = s;
                }
            }
            if (alive > 1) {
                dropSpace(j, worst);
                dropped++;
            }
        }
        return dropped;
    }

    /** The keep mask {@code (out, M)} flattened: 1 where node j still has space m. */
    public double[] keepMask() {
        return keep.getArray().toType(DataType.FLOAT64, false).toDoubleArray();
    }

    /** Overwrites the keep mask {@code (out, M)} (flattened); every node must keep at least one space. */
    public void setKeepMask(double[] mask) {
        int m = spaces.size();
        for (int j = 0; j < outputs; j++) {
            double s = 0;
            for (int q = 0; q < m; q++) {
                s += mask[j * m + q];
            }
            if (s == 0) {
                throw new IllegalArgumentException("node " + j + " would keep no space");
            }
        }
        set(keep.getArray(), mask);
    }

    /** Whether {@link #prune()} has run (every node keeps one space). */
    public boolean isPruned() {
        double[] k = keep.getArray().toType(DataType.FLOAT64, false).toDoubleArray();
        double s = 0;
        for (double v : k) {
            s += v;
        }
        return s == outputs;
    }

    /** Sets the selection temperature τ (Eq. S2); 1 by default, lower sharpens the choice. */
    public void setTemperature(double tau) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("temperature must be > 0");
        }
        this.temperature = tau;
    }

    /** The selection temperature τ. */
    public double temperature() {
        return temperature;
    }

    /** Mean entropy of the current selection weights, as an NDArray on the parameters (for a penalty). */
    public NDArray selectionEntropy() {
        return selectionEntropy(selection(logits.getArray(), keep.getArray(), temperature));
    }

    /**
     * Moves each input's domain to the range of its samples {@code x (N, in)} and refits every space's
     * coefficients by least squares to the edge functions' old values there, so the layer's function is kept
     * (exactly for polynomials, approximately for the other spaces).
     */
    public void updateDomain(NDArray x) {
        double[] flat = x.toType(DataType.FLOAT64, false).toDoubleArray();
        int n = flat.length / inputs;
        double[] dom = domain.getArray().toType(DataType.FLOAT64, false).toDoubleArray();   // (2, in)
        double[] newDom = new double[2 * inputs];
        List<double[][][]> oldC = new ArrayList<>();
        for (int m = 0; m < spaces.size(); m++) {
            oldC.add(unflatten(coefs.get(m).getArray(), spaces.get(m).size()));
        }
        List<double[][][]> newC = new ArrayList<>();
        for (int m = 0; m < spaces.size(); m++) {
            newC.add(new double[outputs][inputs][]);
        }
        for (int i = 0; i < inputs; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double[] s = new double[n];
            for (int r = 0; r < n; r++) {
                s[r] = flat[r * inputs + i];
                lo = Math.min(lo, s[r]);
                hi = Math.max(hi, s[r]);
            }
            if (!(hi - lo > 1e-9)) {
                double mid = (hi + lo) / 2;
                lo = mid - 1e-3;
                hi = mid + 1e-3;
            }
            newDom[i] = lo;
            newDom[inputs + i] = hi;
            double oldLo = dom[i];
            double oldHi = dom[inputs + i];
            for (int m = 0; m < spaces.size(); m++) {
                ActivationSpace sp = spaces.get(m);
                double[][] design = new double[n][];
                double[][] target = new double[outputs][n];
                for (int r = 0; r < n; r++) {
                    double uOld = clip(2 * (s[r] - oldLo) / (oldHi - oldLo) - 1);          // Eq. (S3)
                    double uNew = clip(2 * (s[r] - lo) / (hi - lo) - 1);
                    double[] rowOld = sp.basisRow(uOld);
                    design[r] = sp.basisRow(uNew);
                    for (int j = 0; j < outputs; j++) {
                        double v = 0;
                        for (int c = 0; c < rowOld.length; c++) {
                            v += oldC.get(m)[j][i][c] * rowOld[c];
                        }
                        target[j][r] = v;
                    }
                }
                double[][] fitted = LinearAlgebra.leastSquares(design, target, BSpline.RELATIVE_RIDGE);
                for (int j = 0; j < outputs; j++) {
                    newC.get(m)[j][i] = fitted[j];
                }
            }
        }
        set(domain.getArray(), newDom);
        for (int m = 0; m < spaces.size(); m++) {
            double[] f = new double[outputs * inputs * spaces.get(m).size()];
            int p = 0;
            for (double[][] row : newC.get(m)) {
                for (double[] e : row) {
                    System.arraycopy(e, 0, f, p, e.length);
                    p += e.length;
                }
            }
            set(coefs.get(m).getArray(), f);
        }
    }

    private static double clip(double u) {
        return Math.max(-1, Math.min(1, u));
    }

    private double[][][] unflatten(NDArray a, int n) {
        double[] flat = a.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][][] out = new double[outputs][inputs][n];
        for (int j = 0; j < outputs; j++) {
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(flat, (j * inputs + i) * n, out[j][i], 0, n);
            }
        }
        return out;
    }

    private static void set(NDArray target, double[] values) {
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

    /** The candidate spaces, in order. */
    public List<ActivationSpace> spaces() {
        return spaces;
    }

    /** Inputs. */
    public int inputs() {
        return inputs;
    }

    /** Outputs (nodes that choose). */
    public int outputs() {
        return outputs;
    }

    /**
     * Parameters that shape the function: all spaces' coefficients, the base scales and the selection logits
     * before pruning; after it, each node's chosen space's coefficients and the base scales.
     */
    public long effectiveParameterCount() {
        long n = (long) outputs * inputs;                                     // s^b
        if (isPruned()) {
            for (int c : chosen()) {
                n += (long) inputs * spaces.get(c).size();
            }
        } else {
            for (ActivationSpace s : spaces) {
                n += (long) outputs * inputs * s.size();
            }
            n += (long) outputs * spaces.size();                               // α
        }
        return n;
    }

    @Override
    public String toString() {
        return "SKanLayer(" + inputs + " → " + outputs + ", " + spaces + ")";
    }

    /** Builds an {@link SKanLayer}. */
    public static final class Builder {
        private int inputs;
        private int outputs;
        private List<ActivationSpace> spaces = defaultSpaces();
        private UnaryOperator<NDArray> base = KanLayer::silu;
        private double noiseScale = 0.1;
        private double scaleBase = 1;
        private double lo = -1;
        private double hi = 1;

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

        /** The candidate spaces; default {@link #defaultSpaces()}. One space gives a single-space KAN. */
        public Builder optSpaces(List<ActivationSpace> spaces) {
            this.spaces = List.copyOf(spaces);
            return this;
        }

        /** Residual base function b; default SiLU (as in KAN). */
        public Builder optBaseFunction(UnaryOperator<NDArray> base) {
            this.base = base;
            return this;
        }

        /** Scale of the initial coefficient noise (divided by n_m); default 0.1. */
        public Builder optNoiseScale(double noiseScale) {
            this.noiseScale = noiseScale;
            return this;
        }

        /** Initial s^b; default 1. */
        public Builder optScaleBase(double scaleBase) {
            this.scaleBase = scaleBase;
            return this;
        }

        /** The initial input domain; default [−1, 1]. */
        public Builder optDomain(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
            return this;
        }

        /** The layer. */
        public SKanLayer build() {
            if (inputs <= 0 || outputs <= 0) {
                throw new IllegalArgumentException("SKanLayer needs setInputs(n > 0) and setOutputs(n > 0)");
            }
            if (spaces.isEmpty()) {
                throw new IllegalArgumentException("SKanLayer needs at least one activation space");
            }
            if (!(hi > lo)) {
                throw new IllegalArgumentException("SKanLayer domain must have hi > lo");
            }
            return new SKanLayer(this);
        }
    }

    /**
     * Four spaces of ten functions each: cubic B-splines on 7 intervals, Chebyshev T_0…T_9, 5 Fourier modes,
     * 10 Gaussian RBFs.
     */
    public static List<ActivationSpace> defaultSpaces() {
        return List.of(ActivationSpace.bspline(7, 3), ActivationSpace.chebyshev(9), ActivationSpace.fourier(5),
                ActivationSpace.gaussianRbf(10));
    }
}
