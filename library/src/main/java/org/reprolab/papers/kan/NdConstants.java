package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;

/**
 * Scalar constants for NDArray arithmetic on the autograd path.
 *
 * <p>DJL's {@code x.mul(2)} (likewise div, pow, maximum with a {@code Number}) wraps the number in a 0-d array
 * whose memory is a Java direct buffer handed to PyTorch without ownership, and closes that array as soon as the
 * op returns. PyTorch's autograd keeps the 0-d tensor for the backward pass (d(c·x)/dx = c), so once the JVM's
 * garbage collector frees the buffer, the backward pass reads whatever the memory then holds. Whether a collection
 * falls between a forward and its backward depends on timing, so gradients were wrong at random: runs with the
 * same seed gave different fits, now and then NaN. A constant made here lives in memory PyTorch owns, which the
 * graph keeps alive by reference counting. Use it for every constant that multiplies, divides or is compared
 * with a value that carries gradient.
 */
final class NdConstants {

    private NdConstants() {}

    /** A 0-d array holding {@code value}, in {@code like}'s data type and manager, in PyTorch-owned memory. */
    static NDArray scalar(NDArray like, double value) {
        try (NDArray wrapped = like.getManager().create(value)) {       // Java-owned memory
            NDArray owned = wrapped.duplicate();                          // clone: PyTorch allocates
            return owned.getDataType() == like.getDataType() ? owned : owned.toType(like.getDataType(), true);
        }
    }

    /** A 1-d array holding {@code values}, in {@code like}'s data type and manager, in PyTorch-owned memory. */
    static NDArray vector(NDArray like, double[] values) {
        try (NDArray wrapped = like.getManager().create(values)) {      // Java-owned memory
            NDArray owned = wrapped.duplicate();                          // clone: PyTorch allocates
            return owned.getDataType() == like.getDataType() ? owned : owned.toType(like.getDataType(), true);
        }
    }
}
