package org.reprolab.papers.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

/**
 * Gradients must not depend on when the JVM collects garbage. DJL's {@code x.mul(2)} (and div, pow, maximum
 * with a number) wraps the number in a 0-d array on a Java direct buffer and closes it when the op returns;
 * autograd keeps that tensor for the backward pass, so a collection between forward and backward freed memory
 * the backward pass then read. Here a collection is forced between the two and the freed memory is
 * overwritten; the gradients must equal those of an undisturbed pass, bit for bit.
 */
class GradientLifetimeTest {

    private static double[] gradients(SKanBlock net, NDArray x, NDArray y, boolean collectBetween) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        List<Double> out = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                NDArray loss = net.forward(ps, new NDList(x), true).singletonOrThrow().sub(y).square().mean();
                if (collectBetween) {
                    collectAndOverwriteFreedMemory();
                }
                gc.backward(loss);
            }
            for (Parameter p : RegressionFit.trainable(net)) {
                NDArray g = p.getArray().getGradient();
                for (double v : g.toDoubleArray()) {
                    out.add(v);
                }
                g.muli(0);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Runs the collector until freed direct buffers are released, then reuses small native blocks with NaN. */
    private static void collectAndOverwriteFreedMemory() {
        for (int k = 0; k < 3; k++) {
            System.gc();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            ByteBuffer b = ByteBuffer.allocateDirect(8 * (1 + k % 16)).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 8) {
                b.putDouble(Double.NaN);
            }
            junk.add(b);
        }
        assertTrue(junk.size() == 2000);
    }

    @Test
    void sKanGradientsDoNotDependOnGarbageCollection() {
        Engines.seed(21);
        try (NDManager m = Engines.engine().newBaseManager()) {
            // Two layers, so the inner layer's output (the outer layer's input) carries gradient through Eq. S3's
            // scaling, the Chebyshev recurrence and the RBF width; a temperature ≠ 1 puts α/τ on the path too.
            SKanBlock net = SKanBlock.builder().setWidths(2, 3, 1)
                    .optSpaces(List.of(ActivationSpace.chebyshev(4), ActivationSpace.gaussianRbf(5),
                            ActivationSpace.fourier(2), ActivationSpace.bspline(4, 3)))
                    .build();
            net.initialize(m, DataType.FLOAT64, new Shape(1, 2));
            net.setTemperature(0.7);
            SplittableRandom r = new SplittableRandom(22);
            double[] xs = new double[2 * 64];
            double[] ys = new double[64];
            for (int i = 0; i < 64; i++) {
                xs[2 * i] = 2 * r.nextDouble() - 1;
                xs[2 * i + 1] = 2 * r.nextDouble() - 1;
                ys[i] = Math.sin(Math.PI * xs[2 * i]) + xs[2 * i + 1] * xs[2 * i + 1];
            }
            NDArray x = m.create(xs, new Shape(64, 2));
            NDArray y = m.create(ys, new Shape(64, 1));
            double[] reference = gradients(net, x, y, false);
            for (int trial = 0; trial < 3; trial++) {
                assertArrayEquals(reference, gradients(net, x, y, true), 0, "trial " + trial);
            }
        }
    }
}
