package org.reprolab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.reprolab.report.ResultWriter;

/**
 * For {@link SweepMergeTest}: writes a unit's folder (a copy of a complete one) as a unit does, and dies the way
 * a cancelled job does, after the contents are written and before the rename: no catch or finally block runs.
 */
final class KilledUnitWriter {

    /** The exit code of the simulated kill (128 + SIGKILL). */
    static final int KILLED = 137;

    private KilledUnitWriter() {}

    /** {@code args}: the unit's folder, the complete folder to copy into it. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Path source = Path.of(args[1]);
        ResultWriter.writeFolder(target, tmp -> {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(f -> !f.equals(source)).toList()) {
                    Files.copy(f, tmp.resolve(source.relativize(f).toString()));
                }
            }
            Runtime.getRuntime().halt(KILLED);
        });
    }
}
