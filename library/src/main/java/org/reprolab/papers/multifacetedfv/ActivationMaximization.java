package org.reprolab.papers.multifacetedfv;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;

/**
 * Regularised activation maximisation of one class logit, started from given images (Nguyen et al.'s method
 * step 3; the schedule is our reconstruction):
 *
 * <pre>x ← clip₍₀,₁₎(x + η·(∇ₓ z_c(x) − 2λ·x)),  then every {@code blurEvery} steps x ← G_σ ∗ x,</pre>
 *
 * with z_c the pre-softmax activation of class c, an L2 decay λ and a Gaussian blur whose width σ decays linearly
 * from {@code blurStart} to 0 over the run. Images are {@code side × side}, flattened row by row, values in [0, 1].
 *
 * @param steps gradient steps
 * @param rate step size η
 * @param decay L2 weight λ
 * @param blurEvery blur period in steps
 * @param blurStart initial blur width σ in pixels
 * @param side image side
 */
public record ActivationMaximization(int steps, double rate, double decay, int blurEvery, double blurStart,
        int side) {

    /**
     * Maximises logit {@code c} of {@code net} from each row of {@code init} (n × side², not modified) and returns
     * the n optimised images.
     */
    public float[][] run(Block net, int c, float[][] init, NDManager manager) {
        int n = init.length;
        int d = side * side;
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = init[i].clone();
        }
        try (NDManager m = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            for (int t = 0; t < steps; t++) {
                Interrupts.check();
                float[] grad;
                try (NDManager s = m.newSubManager()) {
                    NDArray in = s.create(flatten(x), new Shape(n, d));
                    in.setRequiresGradient(true);
                    try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                        NDArray logits = net.forward(store, new NDList(in), false).singletonOrThrow();
                        gc.backward(logits.get(new NDIndex(":, {}", c)).sum());
                    }
                    grad = in.getGradient().toFloatArray();
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        float v = (float) (x[i][j] + rate * (grad[i * d + j] - 2 * decay * x[i][j]));
                        x[i][j] = Math.max(0f, Math.min(1f, v));
                    }
                }
                double sigma = blurStart * (1 - (double) t / steps);
                if (blurEvery > 0 && (t + 1) % blurEvery == 0 && sigma > 0.05) {
                    for (int i = 0; i < n; i++) {
                        x[i] = blur(x[i], side, sigma);
                    }
                }
            }
        }
        return x;
    }

    /** The separable Gaussian blur of a {@code side × side} image (kernel radius ⌈3σ⌉, renormalised at the edges). */
    public static float[] blur(float[] image, int side, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
        }
        float[] tmp = new float[image.length];
        float[] out = new float[image.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double s = 0;
                double w = 0;
                for (int i = -r; i <= r; i++) {
                    if (x + i >= 0 && x + i < side) {
                        s += k[i + r] * image[y * side + x + i];
                        w += k[i + r];
                    }
                }
                tmp[y * side + x] = (float) (s / w);
            }
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double s = 0;
                double w = 0;
                for (int i = -r; i <= r; i++) {
                    if (y + i >= 0 && y + i < side) {
                        s += k[i + r] * tmp[(y + i) * side + x];
                        w += k[i + r];
                    }
                }
                out[y * side + x] = (float) (s / w);
            }
        }
        return out;
    }

    static float[] flatten(float[][] x) {
        int d = x[0].length;
        float[] f = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, f, i * d, d);
        }
        return f;
    }
}
