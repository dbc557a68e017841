package org.reprolab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The classification datasets scikit-learn bundles as CSV (Debian {@code python3-sklearn}): iris, wine,
 * breast_cancer and digits. Read directly; no Python runs.
 */
public final class SklearnDatasets {

    /** Where Debian's python3-sklearn puts the files. */
    public static final Path DEBIAN_DIR = Paths.get("/usr/lib/python3/dist-packages/sklearn/datasets/data");
    /** The install command quoted in errors. */
    public static final String INSTALL = "sudo apt-get install python3-sklearn";
    /** Dataset names. */
    public static final List<String> NAMES = List.of("iris", "wine", "breast_cancer", "digits");

    private SklearnDatasets() {}

    /** Loads {@code iris}, {@code wine}, {@code breast_cancer} or {@code digits}. */
    public static LabeledData load(String name) {
        return switch (name) {
            case "iris" -> headed("iris", "iris.csv");
            case "wine" -> headed("wine", "wine_data.csv");
            case "breast_cancer" -> headed("breast_cancer", "breast_cancer.csv");
            case "digits" -> digits();
            default -> throw new IllegalArgumentException("unknown scikit-learn dataset '" + name + "'; valid: "
                    + String.join(", ", NAMES));
        };
    }

    // Header line: n_samples, n_features, class names...; then features..., target.
    private static LabeledData headed(String name, String file) {
        Path path = DataFiles.require("sklearn/" + file, DEBIAN_DIR, INSTALL);
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String[] head = r.readLine().split(",");
            int n = Integer.parseInt(head[0].trim());
            int p = Integer.parseInt(head[1].trim());
            List<String> classes = new ArrayList<>();
            for (int i = 2; i < head.length; i++) {
                classes.add(head[i].trim());
            }
            float[] x = new float[n * p];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                String[] f = r.readLine().split(",");
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = Float.parseFloat(f[j]);
                }
                y[i] = (int) Double.parseDouble(f[p]);
            }
            return new LabeledData("sklearn/" + name, x, y, p, classes);
        } catch (IOException | RuntimeException e) {
            throw new DatasetException("cannot parse " + path + " (" + e + "); reinstall it with: " + INSTALL, e);
        }
    }

    // digits.csv.gz: 1797 rows of 64 pixel values (0..16) and the digit.
    private static LabeledData digits() {
        Path path = DataFiles.require("sklearn/digits.csv.gz", DEBIAN_DIR, INSTALL);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
            List<float[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                float[] row = new float[64];
                for (int j = 0; j < 64; j++) {
                    row[j] = Float.parseFloat(f[j]);
                }
                rows.add(row);
                labels.add((int) Double.parseDouble(f[64]));
            }
            float[] x = new float[rows.size() * 64];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, x, i * 64, 64);
            }
            return new LabeledData("sklearn/digits", x, labels.stream().mapToInt(Integer::intValue).toArray(), 64,
                    Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        } catch (IOException | RuntimeException e) {
            throw new DatasetException("cannot parse " + path + " (" + e + "); reinstall it with: " + INSTALL, e);
        }
    }
}
