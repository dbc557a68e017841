package org.reprolab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.reprolab.repro.Tally;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Builds {@code index.html} from the {@code <id>/result.json} folders under an output directory: one section
 * per paper, charts by relative path, no scripts and no network.
 */
public final class HtmlReport {

    private HtmlReport() {}

    /** Writes {@code <outDir>/index.html}; returns its path. Fails with one line when there are no results. */
    public static Path write(Path outDir) throws IOException {
        List<ResultSummary> results = new ArrayList<>();
        if (Files.isDirectory(outDir)) {
            try (Stream<Path> dirs = Files.list(outDir)) {
                // Hidden folders are what a killed write left behind, never results.
                for (Path d : dirs.filter(p -> !ResultWriter.isHidden(p)
                        && Files.isRegularFile(p.resolve("result.json"))).toList()) {
                    results.add(ResultSummary.read(d.resolve("result.json")));
                }
            }
        }
        if (results.isEmpty()) {
            throw new IOException("no results under " + outDir + "; run 'reprolab run all --out " + outDir + "' first");
        }
        results.sort(Comparator.comparingInt((ResultSummary s) -> s.card().number()).thenComparing(ResultSummary::id));
        Tally all = results.stream().map(ResultSummary::tally).reduce(new Tally(0, 0, 0, 0, 0), Tally::plus);

        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Reprolab report</title></head><body style=\"" + ResultHtml.BLOCK + "\">");
        h.append("<h1>Reprolab report</h1><p>").append(results.size()).append(" paper")
                .append(results.size() == 1 ? "" : "s").append(": ").append(ResultHtml.badge(all))
                .append(" &middot; written ").append(Instant.now()).append("</p>");
        h.append("<table style=\"").append(ResultHtml.TABLE).append("\"><thead><tr>");
        for (String c : List.of("#", "paper", "profile", "verdicts", "time")) {
            h.append(ResultHtml.th(c));
        }
        h.append("</tr></thead><tbody>");
        for (ResultSummary s : results) {
            h.append("<tr>").append(ResultHtml.td(Integer.toString(s.card().number())))
                    .append(ResultHtml.td("<a href=\"#" + Html.escape(s.id()) + "\">" + Html.escape(s.card().title())
                            + "</a>"))
                    .append(ResultHtml.td(Html.escape(s.profile())))
                    .append(ResultHtml.td(s.complete() ? ResultHtml.badge(s.tally(), s.card().concept())
                            : ResultHtml.badge(org.reprolab.repro.Outcome.FAIL, "incomplete")))
                    .append(ResultHtml.td(String.format("%.1f s", s.wallSeconds()))).append("</tr>");
        }
        h.append("</tbody></table>");
        try {
            for (ResultSummary s : results) {
                Path dir = outDir.resolve(s.id());
                h.append(ResultHtml.section(s, a -> Html.escape(s.id() + "/" + a.file()), a -> tableHtml(dir, a)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        h.append("</body></html>\n");
        return ResultWriter.writeFile(outDir.resolve("index.html"), h.toString());
    }

    private static String tableHtml(Path dir, ResultSummary.Artifact a) {
        Path f = dir.resolve(a.file().replaceAll("\\.csv$", ".html"));
        try {
            if (!Files.exists(f)) {
                // Results written before the HTML fragments existed: show the CSV as written.
                Path csv = dir.resolve(a.file());
                Table t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).tableName(a.title())
                        .columnTypesToDetect(java.util.List.of(ColumnType.STRING)));
                return Tables.toHtml(t, Tables.DEFAULT_ROW_LIMIT);
            }
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read table " + f + " (" + e.getMessage()
                    + "); rerun 'reprolab run' to rewrite it", e));
        }
    }
}
