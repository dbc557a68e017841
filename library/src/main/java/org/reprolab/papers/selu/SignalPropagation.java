package org.reprolab.papers.selu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.reprolab.engine.Interrupts;
import org.reprolab.train.Act;

/**
 * Pushes standard-normal inputs through {@code layers} random dense layers with N(0, gain/width) weights
 * and zero biases, recording the mean and variance of the activations after every layer: the paper's
 * argument, run instead of proved.
 */
public final class SignalPropagation {

    private SignalPropagation() {}

    /**
     * Per-layer statistics.
     *
     * @param mean mean over samples and units after each layer (index 0 = input)
     * @param variance variance over samples and units after each layer (index 0 = input)
     */
    public record Trace(double[] mean, double[] variance) {

        /** Layers 0..L, for charts. */
        public double[] layers() {
            double[] l = new double[mean.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = i;
            }
            return l;
        }
    }

    /**
     * Runs the experiment; random numbers come from the engine (seed it first).
     *
     * @param manager where temporaries live (closed per layer)
     * @param activation the nonlinearity
     * @param gain weight variance times fan-in: 1 for LeCun-normal, 2 for He-normal
     * @param layers depth
     * @param width units per layer (and input dimension)
     * @param samples inputs drawn from N(0, I)
     */
    public static Trace run(NDManager manager, Act activation, double gain, int layers, int width, int samples) {
        double[] mean = new double[layers + 1];
        double[] var = new double[layers + 1];
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.randomNormal(0f, 1f, new Shape(samples, width), DataType.FLOAT32);
            record(x, mean, var, 0);
            float std = (float) Math.sqrt(gain / width);
            for (int l = 1; l <= layers; l++) {
                Interrupts.check();
                try (NDManager layer = scope.newSubManager()) {
                    NDArray w = layer.randomNormal(0f, std, new Shape(width, width), DataType.FLOAT32);
                    NDArray next = activation.apply(x.matMul(w));
                    next.attach(scope);
                    x.close();
                    x = next;
                }
                record(x, mean, var, l);
            }
        }
        return new Trace(mean, var);
    }

    private static void record(NDArray x, double[] mean, double[] var, int l) {
        try (NDScope temporaries = new NDScope()) {
            double m = x.mean().getFloat();
            mean[l] = m;
            var[l] = x.sub(m).square().mean().getFloat();
        }
    }
}
