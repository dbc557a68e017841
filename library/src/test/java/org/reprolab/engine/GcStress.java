package org.reprolab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A test utility for the bug class {@link NdConstants} fixes: gradients must not depend on when the JVM collects
 * garbage. {@link #assertGradientsIndependentOfGc} runs a forward and backward pass once undisturbed, then three
 * times with a forced collection between forward and backward that also overwrites the freed native memory
 * ({@link #collectAndOverwriteFreedMemory}); the gradients must agree bit for bit. A forward pass that hands
 * autograd a constant in Java-owned memory (DJL's {@code x.mul(2)}, {@code x.maximum(0)}, …) fails it, mostly with
 * NaN.
 *
 * <pre>{@code
 * GcStress.assertGradientsIndependentOfGc(() -> block.forward(ps, new NDList(x), true).singletonOrThrow().sum(),
 *         GcStress.trainable(block));
 * }</pre>
 */
public final class GcStress {

    private GcStress() {}

    /**
     * Runs the collector until freed direct buffers are released, then allocates many small direct buffers filled
     * with 0xFF bytes, so that a freed block the backward pass still reads now holds NaN (a float constant) or −1
     * (an integer one, e.g. the 0 of {@code x.maximum(0)}), or at least not its old value. (NaN doubles would not
     * do: their low four bytes are 0, which an int32 zero survives.)
     */
    public static void collectAndOverwriteFreedMemory() {
        for (int k = 0; k < 3; k++) {
            System.gc();
            try {
                Thread.sleep(30);                                   // the Cleaner thread frees the buffers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            ByteBuffer b = ByteBuffer.allocateDirect(8 * (1 + k % 16));
            while (b.hasRemaining()) {
                b.put((byte) 0xFF);                                     // NaN as float32/64, −1 as an integer
            }
            junk.add(b);
        }
        assertEquals(2000, junk.size());                                // keep the buffers alive until here
    }

    /**
     * One forward and backward pass: {@code loss} runs the forward pass inside a gradient collector, then (if
     * {@code stress}) {@link #collectAndOverwriteFreedMemory}, then the backward pass. Returns the gradients of
     * {@code leaves}, concatenated in float64, and zeroes them (PyTorch accumulates). Temporaries live in an
     * {@link NDScope} closed at the end.
     */
    public static double[] gradients(Supplier<NDArray> loss, boolean stress, List<NDArray> leaves) {
        List<Double> out = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                NDArray l = loss.get();
                if (stress) {
                    collectAndOverwriteFreedMemory();
                }
                gc.backward(l);
            }
            for (NDArray leaf : leaves) {
                NDArray g = leaf.getGradient();
                for (double v : g.toType(DataType.FLOAT64, false).toDoubleArray()) {
                    out.add(v);
                }
                g.muli(0);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Asserts that the gradients of {@code leaves} from {@code loss} are the same, bit for bit, with a garbage
     * collection and an overwrite of freed memory between forward and backward (three trials) as without.
     * {@code loss} must be deterministic (seed the engine inside it if the forward pass draws random numbers). Also
     * asserts that the reference gradients are finite and not all zero, so the test exercises something.
     */
    public static void assertGradientsIndependentOfGc(Supplier<NDArray> loss, List<NDArray> leaves) {
        double[] reference = gradients(loss, false, leaves);
        boolean nonZero = false;
        for (double v : reference) {
            if (!Double.isFinite(v)) {
                throw new AssertionError("undisturbed gradients are not finite: " + v);
            }
            nonZero |= v != 0;
        }
        if (!nonZero) {
            throw new AssertionError("undisturbed gradients are all zero: the test exercises nothing");
        }
        for (int trial = 0; trial < 3; trial++) {
            assertArrayEquals(reference, gradients(loss, true, leaves), 0,
                    "gradients changed when the GC ran between forward and backward (trial " + trial + ")");
        }
    }

    /** {@link #assertGradientsIndependentOfGc(Supplier, List)} for the given leaves. */
    public static void assertGradientsIndependentOfGc(Supplier<NDArray> loss, NDArray... leaves) {
        assertGradientsIndependentOfGc(loss, List.of(leaves));
    }

    /** The arrays of {@code block}'s parameters that take gradients (initialise the block first). */
    public static List<NDArray> trainable(Block block) {
        List<NDArray> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue().getArray());
            }
        }
        return out;
    }
}
