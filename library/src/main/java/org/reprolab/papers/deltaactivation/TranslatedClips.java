package org.reprolab.papers.deltaactivation;

import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;

/**
 * Short synthetic clips from static images: frame 1 is the image, and every later frame moves it by a random step of
 * −1, 0 or +1 pixel in each direction (a random walk, zero padding at the borders) and adds Gaussian pixel noise, so
 * consecutive frames are alike, as in video. A clip keeps its image's label; its features are the T frames,
 * time-major (frame t holds features t·side² … (t + 1)·side² − 1).
 */
public final class TranslatedClips {

    private TranslatedClips() {}

    /** T-frame clips of the images of {@code images} (square, {@code side} pixels), with noise σ. */
    public static LabeledData of(LabeledData images, int side, int frames, double noise, SplittableRandom rng) {
        int pixels = side * side;
        float[] x = new float[images.size() * frames * pixels];
        int[] y = new int[images.size()];
        for (int n = 0; n < images.size(); n++) {
            float[] img = images.row(n);
            int dx = 0;
            int dy = 0;
            for (int t = 0; t < frames; t++) {
                if (t > 0) {
                    dx = Math.max(-3, Math.min(3, dx + rng.nextInt(3) - 1));
                    dy = Math.max(-3, Math.min(3, dy + rng.nextInt(3) - 1));
                }
                int base = (n * frames + t) * pixels;
                for (int r = 0; r < side; r++) {
                    for (int c = 0; c < side; c++) {
                        int sr = r - dy;
                        int sc = c - dx;
                        float v = sr >= 0 && sr < side && sc >= 0 && sc < side ? img[sr * side + sc] : 0f;
                        x[base + r * side + c] = (float) (v + noise * rng.nextGaussian());
                    }
                }
            }
            y[n] = images.label(n);
        }
        List<String> names = images.classNames();
        return new LabeledData(images.name() + " clips", x, y, frames * pixels, names);
    }
}
