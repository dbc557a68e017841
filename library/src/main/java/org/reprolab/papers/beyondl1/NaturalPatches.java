package org.reprolab.papers.beyondl1;

import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.math.LinearAlgebra;
import org.reprolab.math.SymmetricEigen;

/**
 * Image patches for sparse coding: square patches cut at random places from grey-level photographs, each minus its
 * own mean, then whitened with ZCA (the stand-in for the paper's 1/f·exp whitening filter: both flatten the
 * 1/f² power spectrum of natural images and damp its noisiest highest frequencies).
 */
public final class NaturalPatches {

    private NaturalPatches() {}

    /** The image averaged over {@code factor × factor} blocks (fewer artefacts, more structure per patch). */
    public static float[][] downsample(float[][] image, int factor) {
        int h = image.length / factor;
        int w = image[0].length / factor;
        float[][] out = new float[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                float s = 0;
                for (int i = 0; i < factor; i++) {
                    for (int j = 0; j < factor; j++) {
                        s += image[r * factor + i][c * factor + j];
                    }
                }
                out[r][c] = s / (factor * factor);
            }
        }
        return out;
    }

    /**
     * {@code count} patches of {@code side × side} pixels (row by row) from images chosen uniformly, at uniform
     * positions, each minus its mean.
     */
    public static double[][] sample(List<float[][]> images, int side, int count, SplittableRandom random) {
        double[][] patches = new double[count][side * side];
        for (int n = 0; n < count; n++) {
            float[][] im = images.get(random.nextInt(images.size()));
            int top = random.nextInt(im.length - side + 1);
            int left = random.nextInt(im[0].length - side + 1);
            double mean = 0;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    patches[n][r * side + c] = im[top + r][left + c];
                    mean += im[top + r][left + c];
                }
            }
            mean /= side * side;
            for (int i = 0; i < side * side; i++) {
                patches[n][i] -= mean;
            }
        }
        return patches;
    }

    /**
     * The ZCA whitening matrix W = V·diag(1/√(λ + ε))·Vᵀ of the patches' covariance V·diag(λ)·Vᵀ, with
     * ε = {@code epsilonFraction} × the mean eigenvalue (a regulariser that keeps the weakest, noisiest directions
     * from being blown up).
     */
    public static double[][] zca(double[][] patches, double epsilonFraction) {
        SymmetricEigen e = SymmetricEigen.of(SymmetricEigen.covariance(patches));
        double mean = 0;
        for (double v : e.values()) {
            mean += Math.max(v, 0) / e.values().length;
        }
        double eps = epsilonFraction * mean;
        return e.apply(v -> 1 / Math.sqrt(Math.max(v, 0) + eps));
    }

    /** Each patch multiplied by the (symmetric) whitening matrix {@code w}. */
    public static double[][] whiten(double[][] patches, double[][] w) {
        double[][] out = new double[patches.length][];
        for (int n = 0; n < patches.length; n++) {
            out[n] = LinearAlgebra.multiply(w, patches[n]);
        }
        return out;
    }
}
