package org.reprolab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * English text for byte-level language models: the files of Debian's {@code fortunes} package (quotations,
 * jokes, literature; about 2.5 MB), concatenated in the manifest's order. The same bytes on every machine, each
 * file checked against its SHA-256.
 */
public final class TextCorpus {

    /** Where Debian's package installs the files. */
    public static final Path DEBIAN_DIR = Paths.get("/usr/share/games/fortunes");
    /** The install command quoted in errors. */
    public static final String INSTALL = "sudo apt-get install fortunes (or data-scripts/get-data.sh fortunes)";

    private TextCorpus() {}

    /** Every fortunes file, concatenated in sorted order. */
    public static byte[] fortunes() {
        String[] keys = DataFiles.manifest().keySet().stream().filter(k -> k.startsWith("fortunes/")).sorted()
                .toArray(String[]::new);
        if (keys.length == 0) {
            throw new IllegalStateException("the dataset manifest lists no fortunes files");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String key : keys) {
            try {
                all.write(Files.readAllBytes(DataFiles.require(key, DEBIAN_DIR, INSTALL)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toByteArray();
    }

    /** The first {@code fraction} of {@code bytes} (training) or the rest (validation): a split without overlap. */
    public static byte[] split(byte[] bytes, double fraction, boolean first) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the split fraction must be in (0, 1), got " + fraction);
        }
        int cut = (int) (bytes.length * fraction);
        return first ? Arrays.copyOfRange(bytes, 0, cut) : Arrays.copyOfRange(bytes, cut, bytes.length);
    }
}
