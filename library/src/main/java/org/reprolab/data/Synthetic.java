package org.reprolab.data;

import java.util.SplittableRandom;

/** Seeded synthetic datasets: the same seed gives the same points. */
public final class Synthetic {

    private Synthetic() {}

    /** {@code k} Gaussian blobs in {@code dim} dimensions, centres drawn from N(0, spread²), unit noise. */
    public static LabeledData blobs(int n, int dim, int k, double spread, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centres = new double[k][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = gaussian(rng) * spread;
            }
        }
        float[] x = new float[n * dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (centres[y[i]][j] + gaussian(rng));
            }
        }
        return new LabeledData("blobs", x, y, dim, LabeledData.numberedClasses(k));
    }

    /** Two interleaved half-moons in 2-D with Gaussian noise of deviation {@code noise}. */
    public static LabeledData twoMoons(int n, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rng.nextDouble();
            y[i] = i % 2;
            double px = y[i] == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double py = y[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            x[2 * i] = (float) (px + noise * gaussian(rng));
            x[2 * i + 1] = (float) (py + noise * gaussian(rng));
        }
        return new LabeledData("two-moons", x, y, 2, LabeledData.numberedClasses(2));
    }

    /** XOR of the signs of two uniform [-1, 1] coordinates. */
    public static LabeledData xor(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble(-1, 1);
            double b = rng.nextDouble(-1, 1);
            x[2 * i] = (float) a;
            x[2 * i + 1] = (float) b;
            y[i] = (a > 0) ^ (b > 0) ? 1 : 0;
        }
        return new LabeledData("xor", x, y, 2, LabeledData.numberedClasses(2));
    }

    /** A standard normal draw (Box-Muller; deterministic given the generator). */
    public static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }
}
