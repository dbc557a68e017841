package org.reprolab.papers.snnplacerecognition;

import java.util.SplittableRandom;
import org.reprolab.math.Stats;

/**
 * Image "places" and their changed appearance (our stand-in for revisiting a place under other light and weather):
 * a square image is shifted by up to ±s pixels (zeros enter), its brightness scaled by a factor in [b₁, b₂], Gaussian
 * noise of sd σ added and the result clipped to [0, 1]; then images are pooled 2×2 and normalised (the paper's patch
 * normalisation, here over the whole image): z-scored, negatives set to 0, divided by their maximum.
 */
public final class AppearanceChange {

    private AppearanceChange() {}

    /** A changed copy of a square image in [0, 1] (side·side pixels, row by row). */
    public static double[] change(float[] image, int side, int shift, double brightLo, double brightHi, double noise,
            SplittableRandom rng) {
        int dx = rng.nextInt(2 * shift + 1) - shift;
        int dy = rng.nextInt(2 * shift + 1) - shift;
        double gain = brightLo + (brightHi - brightLo) * rng.nextDouble();
        double[] out = new double[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int sr = r - dy;
                int sc = c - dx;
                double v = sr >= 0 && sr < side && sc >= 0 && sc < side ? image[sr * side + sc] : 0;
                out[r * side + c] = Math.min(1, Math.max(0, gain * v + noise * rng.nextGaussian()));
            }
        }
        return out;
    }

    /** The unchanged image as doubles. */
    public static double[] reference(float[] image) {
        double[] out = new double[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = image[i];
        }
        return out;
    }

    /** 2×2 average pooling then normalisation (z-score, positive part, scaled to a maximum of 1). */
    public static double[] poolAndNormalise(double[] image, int side) {
        int h = side / 2;
        double[] p = new double[h * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < h; c++) {
                p[r * h + c] = (image[2 * r * side + 2 * c] + image[2 * r * side + 2 * c + 1]
                        + image[(2 * r + 1) * side + 2 * c] + image[(2 * r + 1) * side + 2 * c + 1]) / 4;
            }
        }
        double mean = Stats.mean(p);
        double sd = Stats.populationSd(p) + 1e-9;
        double max = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(0, (p[i] - mean) / sd);
            max = Math.max(max, p[i]);
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = max > 0 ? p[i] / max : 0;
        }
        return p;
    }
}
