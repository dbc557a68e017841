package org.reprolab.papers.dopamine;

import org.reprolab.data.LabeledData;

/** Rotation of square grey images about their centre, by bilinear interpolation (zero outside the image). */
public final class Rotation {

    private Rotation() {}

    /** One image of {@code side}² pixels (row-major) rotated by {@code degrees} counter-clockwise. */
    public static float[] rotate(float[] image, int side, double degrees) {
        double r = Math.toRadians(degrees);
        double cos = Math.cos(r);
        double sin = Math.sin(r);
        double c = (side - 1) / 2.0;
        float[] out = new float[side * side];
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                // the source point that lands on (row, col): rotate back by −degrees
                double dx = col - c;
                double dy = c - row;
                double sx = cos * dx + sin * dy + c;
                double sy = c - (-sin * dx + cos * dy);
                out[row * side + col] = (float) bilinear(image, side, sy, sx);
            }
        }
        return out;
    }

    /** Every image of {@code data} rotated by {@code degrees}; labels unchanged. */
    public static LabeledData rotate(LabeledData data, double degrees) {
        return rotate(data, degrees, 0);
    }

    /**
     * The images of {@code data} from index {@code from} on rotated by {@code degrees}, those before it upright (a
     * mix of two modes); labels unchanged.
     */
    public static LabeledData rotate(LabeledData data, double degrees, int from) {
        int side = (int) Math.round(Math.sqrt(data.features()));
        float[] x = new float[data.size() * data.features()];
        int[] y = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            float[] row = i < from ? data.row(i) : rotate(data.row(i), side, degrees);
            System.arraycopy(row, 0, x, i * data.features(), data.features());
            y[i] = data.label(i);
        }
        String name = data.name() + (from == 0 ? "" : " from " + from) + " rotated " + degrees + "°";
        return new LabeledData(name, x, y, data.features(), data.classNames());
    }

    private static double bilinear(float[] image, int side, double row, double col) {
        int r0 = (int) Math.floor(row);
        int c0 = (int) Math.floor(col);
        double fr = row - r0;
        double fc = col - c0;
        return (1 - fr) * ((1 - fc) * pixel(image, side, r0, c0) + fc * pixel(image, side, r0, c0 + 1))
                + fr * ((1 - fc) * pixel(image, side, r0 + 1, c0) + fc * pixel(image, side, r0 + 1, c0 + 1));
    }

    private static double pixel(float[] image, int side, int row, int col) {
        return row < 0 || col < 0 || row >= side || col >= side ? 0 : image[row * side + col];
    }
}
