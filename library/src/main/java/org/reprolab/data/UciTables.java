package org.reprolab.data;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * UCI classification tables from R's mlbench package (Debian {@code r-cran-mlbench}), converted to CSV by
 * {@code data-scripts/get-data.sh} and read through Tablesaw. Numeric columns stay numeric; text columns
 * are one-hot encoded; rows with a missing value are dropped.
 */
public final class UciTables {

    /** The install command quoted in errors. */
    public static final String INSTALL = "data-scripts/get-data.sh mlbench";

    /** mlbench table name to its label column. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    /** Columns that are ids, not features. */
    private static final Map<String, List<String>> DROP = Map.of("BreastCancer", List.of("Id"));

    static {
        LABELS.put("BreastCancer", "Class");
        LABELS.put("Glass", "Type");
        LABELS.put("HouseVotes84", "Class");
        LABELS.put("Ionosphere", "Class");
        LABELS.put("LetterRecognition", "lettr");
        LABELS.put("PimaIndiansDiabetes", "diabetes");
        LABELS.put("Satellite", "classes");
        LABELS.put("Sonar", "Class");
        LABELS.put("Vehicle", "Class");
        LABELS.put("Vowel", "Class");
        LABELS.put("Zoo", "type");
    }

    private UciTables() {}

    /** Names of the tables this loader knows. */
    public static List<String> names() {
        return List.copyOf(LABELS.keySet());
    }

    /** Loads a converted mlbench table, e.g. {@code Sonar}. */
    public static LabeledData load(String name) {
        String label = LABELS.get(name);
        if (label == null) {
            throw new IllegalArgumentException("unknown mlbench table '" + name + "'; valid: "
                    + String.join(", ", names()));
        }
        Path file = DataFiles.require("mlbench/" + name + ".csv", null, INSTALL);
        return fromCsv("mlbench/" + name, file, label, DROP.getOrDefault(name, List.of()));
    }

    /**
     * Any CSV with a header as a classification dataset.
     *
     * @param name dataset name
     * @param file the CSV
     * @param labelColumn the column holding the class
     * @param dropColumns id columns to ignore
     */
    public static LabeledData fromCsv(String name, Path file, String labelColumn, List<String> dropColumns) {
        Table t;
        try {
            t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(withDistinctHeader(
                    Files.readString(file)))).tableName(file.getFileName().toString())
                    .missingValueIndicator("NA", "").sample(false));
        } catch (IOException | RuntimeException e) {
            throw new DatasetException("cannot parse " + file + " as CSV (" + e.getMessage() + ")", e);
        }
        if (!t.columnNames().contains(labelColumn)) {
            throw new DatasetException(file + " has no label column '" + labelColumn + "'; columns: "
                    + t.columnNames());
        }
        t = t.dropRowsWithMissingValues();
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            labels.add(t.getString(r, labelColumn));
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(labels));
        // Features: numeric as is; text one-hot over the sorted values.
        List<double[]> featureColumns = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            if (c.name().equals(labelColumn) || dropColumns.contains(c.name())) {
                continue;
            }
            // instanceof, not ColumnType ==: Tablesaw can hold two DoubleColumnType instances.
            if (c instanceof NumericColumn<?> num) {
                double[] v = new double[t.rowCount()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = num.getDouble(r);
                }
                featureColumns.add(v);
            } else {
                List<String> values = new ArrayList<>(new TreeSet<>(c.asStringColumn().asList()));
                if (values.size() == 1) {
                    continue;
                }
                if (values.size() == 2) {
                    double[] v = new double[t.rowCount()];
                    for (int r = 0; r < v.length; r++) {
                        v[r] = values.indexOf(c.getString(r));
                    }
                    featureColumns.add(v);
                    continue;
                }
                for (String value : values) {
                    double[] v = new double[t.rowCount()];
                    for (int r = 0; r < v.length; r++) {
                        v[r] = value.equals(c.getString(r)) ? 1 : 0;
                    }
                    featureColumns.add(v);
                }
            }
        }
        int n = t.rowCount();
        int p = featureColumns.size();
        float[] x = new float[n * p];
        for (int j = 0; j < p; j++) {
            double[] col = featureColumns.get(j);
            for (int r = 0; r < n; r++) {
                x[r * p + j] = (float) col[r];
            }
        }
        int[] y = labels.stream().mapToInt(classes::indexOf).toArray();
        return new LabeledData(name, x, y, p, classes);
    }

    /**
     * The CSV text with its header's column names made distinct ignoring case ("Sc.Var.Maxis" and "Sc.Var.maxis" in
     * mlbench's Vehicle become "Sc.Var.Maxis" and "Sc.Var.maxis_2"): Tablesaw refuses names that differ only in case.
     */
    static String withDistinctHeader(String csv) {
        int end = csv.indexOf('\n');
        String header = end < 0 ? csv : csv.substring(0, end);
        String[] names = header.split(",", -1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String quote = names[i].startsWith("\"") && names[i].endsWith("\"") && names[i].length() > 1 ? "\"" : "";
            String bare = quote.isEmpty() ? names[i] : names[i].substring(1, names[i].length() - 1);
            String name = bare;
            for (int k = 2; !seen.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = bare + "_" + k;
            }
            names[i] = quote + name + quote;
        }
        return String.join(",", names) + (end < 0 ? "" : csv.substring(end));
    }
}
