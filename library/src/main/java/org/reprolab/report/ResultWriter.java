package org.reprolab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.ReproSession;
import tech.tablesaw.api.Table;

/**
 * Writes a result as {@code <out>/<id>/result.json}, {@code tables/*.csv} (with an HTML fragment each, for
 * the report) and {@code charts/*.png}.
 * Everything is written to a temporary folder first and moved into place, so a failed write leaves the
 * previous result (or nothing) behind, never half a result.
 */
public final class ResultWriter {

    private ResultWriter() {}

    /** Writes {@code r} under {@code outDir}; returns the paper's folder. */
    public static Path write(ReproResult r, Path outDir, String gitCommit) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(r.id());
        Path tmp = Files.createTempDirectory(outDir, "." + r.id() + "-");
        try {
            ResultSummary summary = ResultSummary.of(r, gitCommit);
            Path tables = Files.createDirectories(tmp.resolve("tables"));
            for (Map.Entry<String, Table> e : r.tables().entrySet()) {
                Tables.writeCsv(e.getValue(), tables.resolve(e.getKey() + ".csv"));
                // The report shows this fragment: it keeps the columns' types (text stays verbatim).
                Files.writeString(tables.resolve(e.getKey() + ".html"),
                        Tables.toHtml(e.getValue(), Tables.DEFAULT_ROW_LIMIT), StandardCharsets.UTF_8);
            }
            Path charts = Files.createDirectories(tmp.resolve("charts"));
            for (Map.Entry<String, Chart<?, ?>> e : r.charts().entrySet()) {
                Files.write(charts.resolve(e.getKey() + ".png"), Charts.png(e.getValue()));
            }
            Files.writeString(tmp.resolve("result.json"), summary.toJson(), StandardCharsets.UTF_8);
            deleteTree(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * For the notebook runner: writes the session's result under the folder named by
     * {@code REPROLAB_NOTEBOOK_OUT} (which {@code ci/notebooks.py} sets), so CI can compare its verdicts with the
     * pinned ones; does nothing outside CI. Returns what it did, in one line.
     */
    public static String forNotebookRunner(ReproSession session) throws IOException {
        String outDir = System.getenv("REPROLAB_NOTEBOOK_OUT");
        if (outDir == null || outDir.isBlank()) {
            return "not under the notebook runner (REPROLAB_NOTEBOOK_OUT unset): nothing written";
        }
        Path written = write(session.result(), Path.of(outDir),
                System.getenv().getOrDefault("REPROLAB_GIT_COMMIT", "unknown"));
        return "result written to " + written.getFileName() + "/result.json";
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.delete(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
