package org.reprolab.sparsity;

import ai.djl.ndarray.NDArray;

/**
 * Zeroes entries of a linear map's input before the map is applied: {@code y ≈ W (m ⊙ x)}, with the mask m chosen
 * per row of x (per token). Given the input x (…, in) and the map's weight W (out, in), it returns m ⊙ x.
 */
@FunctionalInterface
public interface InputSparsifier {

    /** The sparsified input m ⊙ x, same shape as {@code input}; {@code weight} is the next map's W (out, in). */
    NDArray sparsify(NDArray input, NDArray weight);

    /** Keeps each row's top {@code 1 − sparsity} fraction of entries by magnitude |x_j| (TEAL's rule). */
    static InputSparsifier magnitude(double sparsity) {
        return scored(sparsity, (x, w) -> x.abs());
    }

    /** Keeps each row's top {@code 1 − sparsity} fraction of entries by the given score (…, in). */
    static InputSparsifier scored(double sparsity, InputSparsifier score) {
        return (x, w) -> {
            int n = (int) x.getShape().get(x.getShape().dimension() - 1);
            return x.mul(TopK.mask(score.sparsify(x, w), TopK.keep(n, sparsity)));
        };
    }
}
