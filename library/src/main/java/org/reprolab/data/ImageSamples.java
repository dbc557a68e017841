package org.reprolab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * scikit-image's sample photographs (camera, astronaut, brick, grass, ...), as Debian's {@code python3-skimage}
 * installs them: natural images for sparse coding, receptive fields and image "places". Read as grey levels
 * in [0, 1] (ITU-R 601 luma for colour images), row by row.
 */
public final class ImageSamples {

    /** Where Debian's package installs them. */
    public static final Path DEBIAN_DIR = Paths.get("/usr/lib/python3/dist-packages/skimage/data");
    /** The install command quoted in errors. */
    public static final String INSTALL = "sudo apt-get install python3-skimage (or data-scripts/get-data.sh skimage)";
    /** The samples with a checksum in the manifest. */
    public static final List<String> NAMES = List.of("astronaut", "brick", "camera", "chelsea", "coffee", "coins",
            "grass", "gravel", "horse", "moon", "page", "text", "rocket");

    private ImageSamples() {}

    /** The sample {@code name} as grey levels {@code [row][column]} in [0, 1]; one-line error for an unknown name. */
    public static float[][] gray(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown image sample '" + name + "'; valid: " + String.join(", ",
                    NAMES));
        }
        Path file = DataFiles.require("skimage/" + name + ".png", DEBIAN_DIR, INSTALL);
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        float[][] g = new float[img.getHeight()][img.getWidth()];
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[r].length; c++) {
                int rgb = img.getRGB(c, r);
                g[r][c] = (0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff)) / 255f;
            }
        }
        return g;
    }
}
