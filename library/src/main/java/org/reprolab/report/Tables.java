package org.reprolab.report;

import java.nio.file.Path;
import org.reprolab.repro.Verdict;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Tablesaw tables as HTML (tablesaw-core has no HTML writer) and as CSV. */
public final class Tables {

    /** Rows shown before a table is cut. */
    public static final int DEFAULT_ROW_LIMIT = 20;

    private Tables() {}

    /** An HTML {@code <table>} of the first {@code maxRows} rows, with a note when rows were cut. */
    public static String toHtml(Table t, int maxRows) {
        StringBuilder s = new StringBuilder("<table class=\"reprolab-table\">");
        if (t.name() != null && !t.name().isBlank()) {
            s.append("<caption>").append(Html.escape(t.name())).append("</caption>");
        }
        s.append("<thead><tr>");
        for (String c : t.columnNames()) {
            s.append("<th>").append(Html.escape(c)).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        int rows = Math.min(t.rowCount(), maxRows);
        for (int r = 0; r < rows; r++) {
            s.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                s.append("<td>").append(Html.escape(cell(t, r, c))).append("</td>");
            }
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        if (t.rowCount() > rows) {
            s.append("<p class=\"reprolab-more\">").append(t.rowCount() - rows).append(" more rows of ")
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
            return Verdict.format(((NumericColumn<?>) t.column(c)).getDouble(r));
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
