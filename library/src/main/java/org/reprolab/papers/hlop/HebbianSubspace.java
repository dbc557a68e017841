package org.reprolab.papers.hlop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.reprolab.math.Orthogonalization;

/**
 * HLOP's lateral subspace neurons for one layer (Xiao et al., 2024): k neurons with weights H (k × n) see the layer's
 * input x, respond y = H x and feed back x̂ = Hᵀ y; the Hebbian / anti-Hebbian (Oja subspace) rule
 *
 * <pre>
 *   ΔH = (1/B) Σ_batch y (x − Hᵀ y)ᵀ,   clipped to ±10,   m ← 0.9 m + 0.1 ΔH,   H ← H + η m
 * </pre>
 *
 * drives the rows of H to an orthonormal basis of the principal subspace of E[x xᵀ]. Per task, new neurons are added
 * and learn while the old ones stay fixed (the feedback x̂ uses all of them, so the new ones take the residual);
 * {@link #commit} freezes them. {@link #project} removes from a weight gradient G (out × n) its component in the
 * frozen subspace, G − (G Hᵀ) H, so the update leaves the old tasks' inputs' responses (nearly) unchanged. Here η is
 * divided by the batch's mean ‖x‖², which makes the rule's step size independent of the input's scale.
 */
public final class HebbianSubspace {

    private final int inputs;
    private final float learningRate;
    private NDArray frozen;
    private NDArray fresh;
    private NDArray momentum;

    /** Subspace neurons for a layer with {@code inputs} inputs and relative learning rate η. */
    public HebbianSubspace(int inputs, float learningRate) {
        this.inputs = inputs;
        this.learningRate = learningRate;
    }

    /** Frozen neurons (the old tasks' subspace dimension). */
    public int frozenSize() {
        return frozen == null ? 0 : (int) frozen.getShape().get(0);
    }

    /** Adds k new neurons with random orthonormal weights (orthogonal to the frozen ones), on {@code manager}. */
    public void begin(int k, NDManager manager, SplittableRandom rng) {
        int old = frozenSize();
        double[][] rows = new double[old + k][inputs];
        double[] f = frozen == null ? new double[0] : frozen.toType(DataType.FLOAT64, false)
                .toDoubleArray();
        for (int i = 0; i < old + k; i++) {
            for (int j = 0; j < inputs; j++) {
                rows[i][j] = i < old ? f[i * inputs + j] : rng.nextGaussian();
            }
        }
        double[][] q = Orthogonalization.orthonormalRows(rows);
        float[] init = new float[k * inputs];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < inputs; j++) {
                init[i * inputs + j] = (float) q[old + i][j];
            }
        }
        fresh = manager.create(init).reshape(k, inputs);
        momentum = fresh.zerosLike();
    }

    /** One Hebbian step of the new neurons on a batch of inputs x (B, n). */
    public void learn(NDArray x) {
        try (NDManager scope = x.getManager().newSubManager()) {
            UnaryOperator<NDArray> tmp = a -> {
                a.attach(scope);                                                   // freed when the step ends
                return a;
            };
            NDArray all = frozen == null ? fresh : tmp.apply(NDArrays.concat(new NDList(frozen, fresh), 0));
            NDArray allT = tmp.apply(all.transpose());
            NDArray y = tmp.apply(x.matMul(allT));                                   // (B, k_all)
            NDArray residual = tmp.apply(x.sub(tmp.apply(y.matMul(all))));          // x − Hᵀ y
            long k = fresh.getShape().get(0);
            NDArray yNew = tmp.apply(y.get(new NDIndex(":, {}:", all.getShape().get(0) - k)));
            long batch = x.getShape().get(0);
            float scale = tmp.apply(tmp.apply(x.square()).sum()).getFloat() / batch;     // mean ‖x‖²
            NDArray dh = tmp.apply(tmp.apply(tmp.apply(yNew.transpose()).matMul(residual)).div(batch)).clip(-10, 10);
            momentum.muli(0.9f).addi(tmp.apply(tmp.apply(dh).mul(0.1f)));
            fresh.addi(tmp.apply(momentum.mul(learningRate / Math.max(scale, 1e-12f))));
        }
    }

    /** Freezes the new neurons: they join the subspace that later gradients are projected away from. */
    public void commit() {
        if (frozen == null) {
            frozen = fresh;
        } else {
            NDArray merged = NDArrays.concat(new NDList(frozen, fresh), 0);
            merged.attach(fresh.getManager());
            frozen.close();
            fresh.close();
            frozen = merged;
        }
        momentum.close();
        fresh = null;
        momentum = null;
    }

    /** G − (G Hᵀ) H for a gradient G (out, n) and the frozen H; G itself when nothing is frozen. */
    public NDArray project(NDArray gradient) {
        if (frozen == null) {
            return gradient;
        }
        NDArray ht = frozen.transpose();
        ht.attach(gradient.getManager());                                        // a temporary of the caller's
        return gradient.sub(gradient.matMul(ht).matMul(frozen));
    }

    /** The frozen weights H (k × n), as rows. */
    public double[][] frozenRows() {
        return rows(frozen);
    }

    /** The weights of the neurons being learned (k × n), as rows. */
    public double[][] freshRows() {
        return rows(fresh);
    }

    private double[][] rows(NDArray h) {
        if (h == null) {
            return new double[0][];
        }
        int k = (int) h.getShape().get(0);
        double[] v = h.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = Arrays.copyOfRange(v, i * inputs, (i + 1) * inputs);
        }
        return out;
    }
}
