package org.reprolab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Constants for NDArray arithmetic on the autograd path, in memory that PyTorch owns.
 *
 * <p><b>Why.</b> DJL's number-argument ops ({@code x.mul(2)}, {@code x.div(tau)}, {@code x.pow(2)},
 * {@code x.maximum(0)}, {@code x.minimum(c)}, their in-place forms {@code muli}, {@code divi}, …) wrap the number
 * in a 0-d array whose memory is a Java direct buffer handed to PyTorch without ownership ({@code from_blob}), and
 * close that array as soon as the op returns. PyTorch's autograd keeps the 0-d tensor for the backward pass
 * (d(c·x)/dx = c; maximum and minimum keep both operands to build their mask), so once the JVM's garbage collector
 * frees the buffer, the backward pass reads whatever the memory then holds. Whether a collection falls between a
 * forward and its backward depends on timing: gradients were wrong at random, now and then NaN, and runs with the
 * same seed gave different numbers. A constant made here is a clone, allocated by PyTorch, which the graph keeps
 * alive by reference counting however the Java side closes or collects its handle.
 *
 * <p><b>When.</b> For every number that multiplies, divides, raises to a power, or is compared by
 * {@code maximum}/{@code minimum} with a value that carries gradient. Not needed for {@code add}/{@code sub} of a
 * number (the derivative is 1 and nothing is saved), for comparisons ({@code gt}, {@code gte}, … carry no
 * gradient), for {@code clip(lo, hi)} (DJL passes the bounds to PyTorch as values, not as arrays), nor for ops
 * outside a {@code GradientCollector} (DJL runs them with PyTorch's grad mode off). The same applies to any array
 * made by {@code manager.create(...)} (also Java memory) that is closed before the backward pass: clone it too.
 * Some DJL built-ins make the same mistake internally, so keep them off gradient paths: {@code Activation.swish}
 * ({@code x.mul(beta)}), {@code Activation.relu6} ({@code minimum(6, ·)}), {@code NDArray.scaleGradient},
 * {@code L2Loss} (·weight) and {@code SoftmaxCrossEntropyLoss} with a weight ≠ 1. Reprolab's training loops compute
 * their losses themselves ({@code TrainingLoop.crossEntropy}); DJL's relu, selu, elu, gelu, sigmoid, tanh,
 * leaky ReLU, Linear, BatchNorm and Dropout pass their numbers to PyTorch as values and are safe.
 *
 * <p><b>Arithmetic.</b> The constant has the data type of the array it is used with, which is what PyTorch
 * casts a 0-d operand to anyway when the other operand has dimensions, so {@code x.mul(NdConstants.scalar(x, c))}
 * computes exactly what {@code x.mul(c)} computed (the same tensor-tensor kernel, the same rounding). (Only for a
 * 0-d {@code x} does it differ: there DJL's {@code x.mul(0.5)} promoted float32 to float64, the constant keeps
 * float32.) Make a constant once per forward (or per layer) and reuse it, e.g. across the time steps of a
 * recurrence.
 *
 * <p><b>Memory.</b> The result belongs to {@code like}'s manager (or the given one), like the result of any op, and
 * is registered with the open {@code NDScope}, if any. Pass an array of the batch, not a long-lived parameter,
 * unless an {@code NDScope} closes the constant; otherwise use {@link #scalar(NDManager, DataType, double)}.
 *
 * <pre>{@code
 * NDArray two = NdConstants.scalar(u, 2);                 // once
 * NDArray next = u.mul(cur).mul(two).sub(prev);          // not .mul(2)
 * NDArray h = NdConstants.mul(x, alpha);                  // one-off: x·α
 * }</pre>
 */
public final class NdConstants {

    private NdConstants() {}

    /** A 0-d array holding {@code value}, in {@code like}'s data type and manager, in PyTorch-owned memory. */
    public static NDArray scalar(NDArray like, double value) {
        return scalar(like.getManager(), like.getDataType(), value);
    }

    /** A 0-d array holding {@code value} as {@code dataType}, in {@code manager}, in PyTorch-owned memory. */
    public static NDArray scalar(NDManager manager, DataType dataType, double value) {
        try (NDArray wrapped = manager.create(value)) {                  // float64, Java-owned memory
            return owned(wrapped, dataType);
        }
    }

    /** A 1-d array holding {@code values}, in {@code like}'s data type and manager, in PyTorch-owned memory. */
    public static NDArray vector(NDArray like, double[] values) {
        try (NDArray wrapped = like.getManager().create(values)) {       // float64, Java-owned memory
            return owned(wrapped, like.getDataType());
        }
    }

    /** {@code x·c} with {@code c} in PyTorch-owned memory (a new constant per call). */
    public static NDArray mul(NDArray x, double c) {
        return x.mul(scalar(x, c));
    }

    /** {@code x/c} with {@code c} in PyTorch-owned memory (a new constant per call). */
    public static NDArray div(NDArray x, double c) {
        return x.div(scalar(x, c));
    }

    /** {@code x^c} with {@code c} in PyTorch-owned memory (a new constant per call). */
    public static NDArray pow(NDArray x, double c) {
        return x.pow(scalar(x, c));
    }

    /** {@code max(x, c)} elementwise, with {@code c} in PyTorch-owned memory (a new constant per call). */
    public static NDArray maximum(NDArray x, double c) {
        return x.maximum(scalar(x, c));
    }

    /** {@code min(x, c)} elementwise, with {@code c} in PyTorch-owned memory (a new constant per call). */
    public static NDArray minimum(NDArray x, double c) {
        return x.minimum(scalar(x, c));
    }

    private static NDArray owned(NDArray wrapped, DataType dataType) {
        if (wrapped.getDataType() != dataType) {
            return wrapped.toType(dataType, true);                          // a cast allocates in PyTorch
        }
        return wrapped.duplicate();                                         // clone: PyTorch allocates
    }
}
