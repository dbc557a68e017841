package org.reprolab.sparsity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Inference through a trained feed-forward network (a {@link SequentialBlock} of {@link Linear} layers and
 * activations, as {@link org.reprolab.train.Mlp} builds) with the input of every linear layer but the first
 * sparsified, and the relative output error a sparsifier causes in one linear map.
 */
public final class SparseInference {

    private SparseInference() {}

    /** The weight W (out, in) of a linear layer. */
    public static NDArray weight(Linear layer) {
        return layer.getParameters().get("weight").getArray();
    }

    /**
     * The network's output on {@code x} in inference mode, each linear layer after the first applied to
     * {@code sparsifier.sparsify(input, W)} instead of its input (a null sparsifier runs the dense network).
     */
    public static NDArray forward(SequentialBlock net, NDArray x, InputSparsifier sparsifier) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDArray h = x;
        boolean first = true;
        for (Block b : net.getChildren().values()) {
            if (b instanceof Linear l) {
                if (!first && sparsifier != null) {
                    h = sparsifier.sparsify(h, weight(l));
                }
                first = false;
            }
            h = b.forward(store, new NDList(h), false).singletonOrThrow();
        }
        return h;
    }

    /** The dense inputs of the linear layers after the first, in order, with those layers' weights. */
    public static List<NDList> hiddenLinearInputs(SequentialBlock net, NDArray x) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        List<NDList> inputs = new ArrayList<>();
        NDArray h = x;
        boolean first = true;
        for (Block b : net.getChildren().values()) {
            if (b instanceof Linear l) {
                if (!first) {
                    inputs.add(new NDList(h, weight(l)));
                }
                first = false;
            }
            h = b.forward(store, new NDList(h), false).singletonOrThrow();
        }
        return inputs;
    }

    /**
     * The mean over rows of ‖W x − W s(x)‖ / ‖W x‖, the relative error of the map's output (bias excluded: it
     * cancels) when its input rows x (…, in) are sparsified by {@code s}.
     */
    public static double relativeError(NDArray input, NDArray weight, InputSparsifier s) {
        NDArray wt = weight.transpose();
        NDArray dense = input.matMul(wt);
        NDArray sparse = s.sparsify(input, weight).matMul(wt);
        int last = dense.getShape().dimension() - 1;
        return dense.sub(sparse).norm(new int[] {last}).div(dense.norm(new int[] {last})).mean().getFloat();
    }

    /** The fraction of exact zeros in {@code x}. */
    public static double zeroFraction(NDArray x) {
        return x.eq(0).sum().getLong() / (double) x.size();
    }
}
