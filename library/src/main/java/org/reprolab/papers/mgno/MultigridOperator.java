package org.reprolab.papers.mgno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.reprolab.operators.GridConv;
import java.util.ArrayList;
import java.util.List;

/**
 * MgNO's linear operator: a multichannel V-cycle W: f ↦ u from {@code in} channels (the "right-hand side" space)
 * to {@code out} channels (the "solution" space), every convolution learned (He, Liu &amp; Xu 2024, Sec. 3;
 * numbering ours). On level ℓ = 1..L, with 3-point (3×3) kernels and zero padding (Dirichlet boundary):
 *
 * <pre>
 *   u^ℓ = S^ℓ * f^ℓ                                  pre-smoothing from u^ℓ = 0            (Eq. 1)
 *   f^{ℓ+1} = R^ℓ *_{2} (f^ℓ − A^ℓ * u^ℓ)            restriction of the residual, stride 2 (Eq. 2)
 *   u^ℓ ← u^ℓ + P^ℓ *^T_{2} u^{ℓ+1}                  prolongation (transposed convolution) (Eq. 3)
 *   u^ℓ ← u^ℓ + T^ℓ * (f^ℓ − A^ℓ * u^ℓ)              post-smoothing                        (Eq. 4)
 * </pre>
 *
 * followed by a bias field (one constant per output channel). Every map is linear in f, so the block is a
 * bounded linear operator whose parameters do not depend on the grid's size. Grids have 2^k − 1 interior nodes
 * per axis so that the stride-2 restriction (no padding) and its transpose move between nested grids
 * (63 → 31 → 15 → 7). Input [B, in, N] or [B, in, N, N]; output [B, out, N] or [B, out, N, N].
 */
public final class MultigridOperator extends AbstractBlock {

    private final int outChannels;
    private final int levels;
    private final List<Parameter> a = new ArrayList<>();
    private final List<Parameter> s = new ArrayList<>();
    private final List<Parameter> t = new ArrayList<>();
    private final List<Parameter> r = new ArrayList<>();
    private final List<Parameter> p = new ArrayList<>();
    private final Parameter bias;
    private int dims;

    private MultigridOperator(int outChannels, int levels) {
        super((byte) 1);
        if (levels < 1) {
            throw new IllegalArgumentException("a V-cycle needs at least one level, got " + levels);
        }
        this.outChannels = outChannels;
        this.levels = levels;
        for (int l = 0; l < levels; l++) {
            a.add(weight("A" + l));
            s.add(weight("S" + l));
            if (l < levels - 1) {
                t.add(weight("T" + l));
                r.add(weight("R" + l));
                p.add(weight("P" + l));
            }
        }
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    /** A V-cycle to {@code outChannels} channels over {@code levels} grids. */
    public static MultigridOperator of(int outChannels, int levels) {
        return new MultigridOperator(outChannels, levels);
    }

    /** Levels of the V-cycle. */
    public int levels() {
        return levels;
    }

    private Parameter weight(String name) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build());
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        dims = in.dimension() - 2;
        long cf = in.get(1);
        long cu = outChannels;
        for (int l = 0; l < levels; l++) {
            set(a.get(l), cf, cu);
            set(s.get(l), cu, cf);
            if (l < levels - 1) {
                set(t.get(l), cu, cf);
                set(r.get(l), cf, cf);
                set(p.get(l), cu, cu);
            }
        }
        bias.setShape(new Shape(outChannels));
    }

    private void set(Parameter w, long out, long in) {
        long[] shape = new long[2 + dims];
        shape[0] = out;
        shape[1] = in;
        for (int d = 0; d < dims; d++) {
            shape[2 + d] = 3;
        }
        w.setShape(new Shape(shape));
        w.setInitializer(new NormalInitializer((float) (1 / Math.sqrt(in * Math.pow(3, dims)))));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray f = inputs.singletonOrThrow();
        List<NDArray> av = values(store, a, f, training);
        List<NDArray> sv = values(store, s, f, training);
        List<NDArray> tv = values(store, t, f, training);
        List<NDArray> rv = values(store, r, f, training);
        List<NDArray> pv = values(store, p, f, training);
        NDArray u = vCycle(f, 0, av, sv, tv, rv, pv);
        NDArray b = store.getValue(bias, f.getDevice(), training);
        long[] shape = new long[2 + dims];
        java.util.Arrays.fill(shape, 1);
        shape[1] = outChannels;
        return new NDList(u.add(b.reshape(new Shape(shape))));
    }

    private static List<NDArray> values(ParameterStore store, List<Parameter> ps, NDArray like, boolean training) {
        List<NDArray> v = new ArrayList<>();
        for (Parameter q : ps) {
            v.add(store.getValue(q, like.getDevice(), training));
        }
        return v;
    }

    private NDArray vCycle(NDArray f, int l, List<NDArray> av, List<NDArray> sv, List<NDArray> tv,
            List<NDArray> rv, List<NDArray> pv) {
        NDArray u = conv(f, sv.get(l), 1, 1);                                            // Eq. (1)
        if (l == levels - 1) {
            return u;
        }
        NDArray coarse = conv(f.sub(conv(u, av.get(l), 1, 1)), rv.get(l), 2, 0);          // Eq. (2)
        NDArray uc = vCycle(coarse, l + 1, av, sv, tv, rv, pv);
        u = u.add(conv(upsample(uc), pv.get(l), 1, 1));                                   // Eq. (3)
        return u.add(conv(f.sub(conv(u, av.get(l), 1, 1)), tv.get(l), 1, 1));             // Eq. (4)
    }

    /**
     * Zero insertion to the next finer grid (m → 2m + 1 nodes per axis, coarse node j at fine node 2j + 1): followed
     * by a 3-point convolution it is the stride-2 transposed convolution P *^T_2 (PyTorch's engine in DJL has no
     * transposed convolution; a learned kernel absorbs the flip).
     */
    private NDArray upsample(NDArray x) {
        NDArray y = x;
        for (int axis = 2; axis < 2 + dims; axis++) {
            NDArray zeros = y.zerosLike();
            long[] shape = y.getShape().getShape().clone();
            NDArray inter = zeros.expandDims(axis + 1).concat(y.expandDims(axis + 1), axis + 1);
            shape[axis] = 2 * shape[axis];
            inter = inter.reshape(new Shape(shape));
            long[] edge = shape.clone();
            edge[axis] = 1;
            y = inter.concat(y.getManager().zeros(new Shape(edge), y.getDataType()), axis);
        }
        return y;
    }

    private NDArray conv(NDArray x, NDArray w, int stride, int pad) {
        NDArray y = GridConv.conv(x, w, pad);
        if (stride == 1) {
            return y;
        }
        return dims == 1 ? y.get(":, :, ::2") : y.get(":, :, ::2, ::2");
    }

    private Shape shape(long v) {
        long[] s = new long[dims];
        java.util.Arrays.fill(s, v);
        return new Shape(s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long[] out = in.getShape().clone();
        out[1] = outChannels;
        return new Shape[] {new Shape(out)};
    }
}
