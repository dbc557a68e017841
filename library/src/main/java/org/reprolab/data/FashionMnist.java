package org.reprolab.data;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 60,000 training and 10,000 test images, 28×28 grey, 10
 * classes. Read from Debian's {@code dataset-fashion-mnist} or {@code $REPROLAB_DATA/fashion-mnist}.
 */
public final class FashionMnist {

    /** Where Debian's package installs the files. */
    public static final Path DEBIAN_DIR = Paths.get("/usr/share/datasets/fashion-mnist");
    /** The install command quoted in errors. */
    public static final String INSTALL = "sudo apt-get install dataset-fashion-mnist";
    /** The ten class names. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Image side in pixels. */
    public static final int SIDE = 28;

    private FashionMnist() {}

    /** The training set (60,000 images). */
    public static LabeledData train() {
        return load("train");
    }

    /** The test set (10,000 images). */
    public static LabeledData test() {
        return load("t10k");
    }

    private static LabeledData load(String prefix) {
        Path images = DataFiles.require("fashion-mnist/" + prefix + "-images-idx3-ubyte.gz", DEBIAN_DIR, INSTALL);
        Path labels = DataFiles.require("fashion-mnist/" + prefix + "-labels-idx1-ubyte.gz", DEBIAN_DIR, INSTALL);
        return Idx.toDataset("fashion-mnist/" + (prefix.equals("train") ? "train" : "test"), Idx.read(images),
                Idx.read(labels), CLASSES);
    }
}
