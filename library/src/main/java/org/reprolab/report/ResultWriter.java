package org.reprolab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.ReproSession;
import tech.tablesaw.api.Table;

/**
 * Writes a result as {@code <out>/<id>/result.json}, {@code tables/*.csv} (with an HTML fragment each, for
 * the report) and {@code charts/*.png}.
 * Everything is written to a temporary folder first and moved into place ({@link #writeFolder}), so a failed or
 * killed write leaves the previous result (or nothing) behind, never half a result.
 */
public final class ResultWriter {

    // A '.' cannot occur in a paper id or a unit's name, so ".<name>.partial-" never matches another name's
    // leftovers.
    private static final String PARTIAL = ".partial-";
    private static final String OLD = ".old-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HOST = hostName();

    private ResultWriter() {}

    /** Writes {@code r} under {@code outDir}; returns the paper's folder. */
    public static Path write(ReproResult r, Path outDir, String gitCommit) throws IOException {
        return writeTo(r, outDir.resolve(r.id()), gitCommit);
    }

    /** Writes {@code r} as the folder {@code target} (replacing it whole); returns {@code target}. */
    public static Path writeTo(ReproResult r, Path target, String gitCommit) throws IOException {
        ResultSummary summary = ResultSummary.of(r, gitCommit);
        return writeFolder(target, tmp -> {
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
        });
    }

    /** Fills a new, empty folder. */
    @FunctionalInterface
    public interface Filler {
        /** Writes the folder's contents into {@code dir}. */
        void fill(Path dir) throws IOException;
    }

    /**
     * Writes the folder {@code target} whole or not at all: {@code fill} writes into a hidden sibling
     * ({@code .<name>.partial-<host>-<pid>-<n>}), which is then renamed into place; a previous {@code target} is
     * first renamed aside ({@code .<name>.old-<host>-<pid>-<n>}) and deleted afterwards (put back if the rename
     * fails). At every instant {@code target} is either absent or complete. A process killed half-way leaves only
     * hidden siblings behind, which {@link #cleanStale} removes.
     */
    public static Path writeFolder(Path target, Filler fill) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path tmp = hiddenSibling(parent, name, PARTIAL, true);
        Path old = null;
        try {
            fill.fill(tmp);
            if (Files.exists(target)) {
                old = hiddenSibling(parent, name, OLD, false);
                move(target, old);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            if (old != null && !Files.exists(target)) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
        return target;
    }

    /**
     * Deletes what a killed {@link #writeFolder} of {@code target} left beside it (its hidden partial and old
     * folders), and nothing else: not the folder itself, nor the leftovers of a sibling with another name, nor
     * those of a write still under way (a live process on this host, or another host's within the last hour:
     * writing a folder takes seconds). Returns how many it deleted.
     */
    public static int cleanStale(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        String name = target.getFileName().toString();
        List<Path> stale;
        try (Stream<Path> siblings = Files.list(parent)) {
            stale = siblings.filter(p -> {
                String n = p.getFileName().toString();
                String rest = n.startsWith("." + name + PARTIAL) ? n.substring(name.length() + 1 + PARTIAL.length())
                        : n.startsWith("." + name + OLD) ? n.substring(name.length() + 1 + OLD.length()) : null;
                return rest != null && abandoned(p, rest);
            }).toList();
        }
        for (Path p : stale) {
            deleteTree(p);
        }
        return stale.size();
    }

    /** Whether the writer of a leftover named {@code <host>-<pid>-<n>} is gone. */
    private static boolean abandoned(Path leftover, String hostPidN) {
        String[] parts = hostPidN.split("-");
        if (parts.length >= 3 && hostPidN.startsWith(HOST + "-" + parts[parts.length - 2] + "-")) {
            try {
                return ProcessHandle.of(Long.parseLong(parts[parts.length - 2])).map(h -> !h.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                // not our naming: judged by its age below
            }
        }
        try {
            return Files.getLastModifiedTime(leftover).toInstant().isBefore(Instant.now().minus(Duration.ofHours(1)));
        } catch (IOException e) {
            return false; // gone already, or unreadable: leave it
        }
    }

    /** Writes the text file {@code file} whole or not at all (a hidden sibling renamed over it); returns it. */
    public static Path writeFile(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = hiddenSibling(parent, file.getFileName().toString(), PARTIAL, false);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Whether {@code dir} is a hidden leftover of {@link #writeFolder} (or any hidden folder): not a result. */
    public static boolean isHidden(Path dir) {
        return dir.getFileName().toString().startsWith(".");
    }

    /**
     * A new hidden name beside {@code name}, {@code .<name><kind><host>-<pid>-<n>}, created as a folder when
     * {@code create} is set. Host and pid tell {@link #cleanStale} whether its writer still runs. Unlike
     * {@code Files.createTempDirectory} it keeps the umask's permissions, so results on shared storage stay
     * readable by the group.
     */
    private static Path hiddenSibling(Path parent, String name, String kind, boolean create) throws IOException {
        while (true) {
            Path p = parent.resolve("." + name + kind + HOST + "-" + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(RANDOM.nextLong(), 36));
            if (!create) {
                if (!Files.exists(p)) {
                    return p;
                }
                continue;
            }
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                // drawn twice: draw again
            }
        }
    }

    /** This host's name, as the kernel knows it (no DNS look-up, which can hang on a cluster node). */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip().replace('/', '_');
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
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
