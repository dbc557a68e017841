package org.reprolab.report;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import org.reprolab.math.SignificantDigits;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Tablesaw tables as HTML (tablesaw-core has no HTML writer) and as CSV. */
public final class Tables {

    /** Rows shown before a table is cut. */
    public static final int DEFAULT_ROW_LIMIT = 20;

    private Tables() {}

    /**
     * A table with one row per record and one column per record component, typed by the component (text, int,
     * long, double, boolean); headers from the component names ({@code meanAccuracy} → "mean accuracy") or
     * their {@link Column} annotation.
     *
     * <pre>{@code
     * record Row(String model, double meanAccuracy, @Column("multiplies / example") long multiplies) { }
     * ctx.table("accuracy", Tables.of("Test accuracy", Row.class, rows));
     * }</pre>
     */
    public static <R extends Record> Table of(String title, Class<R> type, List<R> rows) {
        RecordComponent[] parts = type.getRecordComponents();
        for (RecordComponent p : parts) {
            p.getAccessor().setAccessible(true); // rows are often private records of the calling class
        }
        Table t = Table.create(title);
        for (RecordComponent p : parts) {
            Class<?> c = p.getType();
            String name = header(p);
            if (c == int.class || c == Integer.class) {
                t.addColumns(IntColumn.create(name));
            } else if (c == long.class || c == Long.class) {
                t.addColumns(LongColumn.create(name));
            } else if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
                t.addColumns(DoubleColumn.create(name));
            } else if (c == boolean.class || c == Boolean.class) {
                t.addColumns(BooleanColumn.create(name));
            } else {
                t.addColumns(StringColumn.create(name));
            }
        }
        for (R row : rows) {
            for (int i = 0; i < parts.length; i++) {
                Object v;
                try {
                    v = parts[i].getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + parts[i].getName(),
                            e);
                }
                append(t.column(i), v);
            }
        }
        return t;
    }

    /** {@link #of(String, Class, List)} for a non-empty list. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> Table of(String title, List<R> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an empty table needs its row type: Tables.of(title, Row.class, rows)");
        }
        return of(title, (Class<R>) rows.get(0).getClass(), rows);
    }

    /**
     * A table of a matrix: one row per {@code rowLabels} entry (first column {@code labelHeader}), one numeric
     * column per {@code columnLabels} entry; {@code values[row][column]}. For tables whose columns are data (one per
     * seed, per grid size), which a record cannot declare.
     */
    public static Table matrix(String title, String labelHeader, List<String> rowLabels, List<String> columnLabels,
            double[][] values) {
        Table t = Table.create(title, StringColumn.create(labelHeader, rowLabels));
        for (int c = 0; c < columnLabels.size(); c++) {
            DoubleColumn col = DoubleColumn.create(columnLabels.get(c));
            for (double[] row : values) {
                col.append(row[c]);
            }
            t.addColumns(col);
        }
        return t;
    }

    private static String header(RecordComponent p) {
        Column c = p.getAnnotation(Column.class);
        if (c != null) {
            return c.value();
        }
        return p.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static void append(tech.tablesaw.columns.Column<?> col, Object v) {
        if (v == null) {
            col.appendMissing();
        } else if (col instanceof IntColumn c) {
            c.append(((Number) v).intValue());
        } else if (col instanceof LongColumn c) {
            c.append(((Number) v).longValue());
        } else if (col instanceof DoubleColumn c) {
            c.append(((Number) v).doubleValue());
        } else if (col instanceof BooleanColumn c) {
            c.append((Boolean) v);
        } else {
            ((StringColumn) col).append(v.toString());
        }
    }

    /** An HTML {@code <table>} of the first {@code maxRows} rows, with a note when rows were cut. */
    public static String toHtml(Table t, int maxRows) {
        StringBuilder s = new StringBuilder("<table class=\"reprolab-table\" style=\"" + ResultHtml.TABLE + "\">");
        if (t.name() != null && !t.name().isBlank()) {
            s.append("<caption style=\"").append(ResultHtml.CAPTION).append("\">").append(Html.escape(t.name()))
                    .append("</caption>");
        }
        s.append("<thead><tr>");
        for (String c : t.columnNames()) {
            s.append(ResultHtml.th(Html.escape(c)));
        }
        s.append("</tr></thead><tbody>");
        int rows = Math.min(t.rowCount(), maxRows);
        for (int r = 0; r < rows; r++) {
            s.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                s.append(ResultHtml.td(Html.escape(cell(t, r, c))));
            }
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        if (t.rowCount() > rows) {
            s.append("<p class=\"reprolab-more\" style=\"" + ResultHtml.META + ";margin:0\">")
                    .append(t.rowCount() - rows).append(" more rows of ")
                    .append(t.rowCount()).append("</p>");
        }
        return s.toString();
    }

    /** A cell as shown to a reader: decimals with 4 significant digits (CSV files keep full precision). */
    static String cell(Table t, int r, int c) {
        if (t.column(c) instanceof DoubleColumn d || t.column(c) instanceof FloatColumn) {
            if (t.column(c).isMissing(r)) {
                return "";
            }
            return SignificantDigits.format(((NumericColumn<?>) t.column(c)).getDouble(r));
        }
        return t.getString(r, c);
    }

    /** Plain text of the first {@code maxRows} rows. */
    public static String toText(Table t, int maxRows) {
        return t.rowCount() > maxRows ? t.first(maxRows).print() + "\n... " + (t.rowCount() - maxRows)
                + " more rows" : t.print();
    }

    /** Writes {@code t} as CSV. */
    public static void writeCsv(Table t, Path file) {
        t.write().csv(file.toFile());
    }
}
