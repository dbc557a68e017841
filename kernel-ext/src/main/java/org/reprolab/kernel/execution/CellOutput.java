package org.reprolab.kernel.execution;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * One cell's stdout and stderr on their way to the notebook, sent the way ipykernel sends them: buffered, and
 * published by a timer ({@link CellStreams#FLUSH_MS}) or as soon as {@value #FLUSH_BYTES} bytes wait, never a
 * message per line (a message per {@code println} flooded IOPub until ZeroMQ dropped messages, the idle status
 * among them).
 *
 * <p>Past the cell's {@link OutputLimit}, nothing more goes to the notebook: the text is cut after the last
 * whole line that fits, one line on stderr says {@code output truncated after N lines; the rest is in FILE},
 * and FILE gets the whole output (what was shown, then the rest, as written).
 */
final class CellOutput {

    /** Buffered text goes out without waiting for the timer once this many bytes wait. */
    static final int FLUSH_BYTES = 256 * 1024;

    private final OutputLimit limit;
    private final int count;
    private final Consumer<PublishStream> sink;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** What went to the notebook so far, for the file should the limit be reached; dropped when the cell ends. */
    private ByteArrayOutputStream shown;
    private long accepted;
    private long lines;
    private boolean truncated;
    private Path file;
    private OutputStream fileOut;

    /** Output of cell {@code count}, published through {@code sink}, cut at {@code limit}. */
    CellOutput(OutputLimit limit, int count, Consumer<PublishStream> sink) {
        this.limit = limit;
        this.count = count;
        this.sink = sink;
        this.shown = limit.bytes() > 0 ? new ByteArrayOutputStream() : null;
    }

    /** Takes bytes the cell wrote to {@code System.out} (or {@code System.err}). */
    synchronized void write(boolean stderr, byte[] b, int off, int len) {
        if (truncated) {
            toFile(b, off, len);
            return;
        }
        int fit = len;
        if (limit.bytes() > 0 && accepted + len > limit.bytes()) {
            fit = wholeLines(b, off, (int) (limit.bytes() - accepted));
        }
        (stderr ? err : out).write(b, off, fit);
        if (shown != null) {
            shown.write(b, off, fit);
        }
        accepted += fit;
        for (int i = off; i < off + fit; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        if (fit < len) {
            truncate(b, off + fit, len - fit);
        } else if (out.size() + err.size() >= FLUSH_BYTES) {
            flush(false);
        }
    }

    /** How many of the first {@code room} bytes end with the last newline among them (0 if none). */
    private static int wholeLines(byte[] b, int off, int room) {
        for (int i = off + room - 1; i >= off; i--) {
            if (b[i] == '\n') {
                return i - off + 1;
            }
        }
        return 0;
    }

    /**
     * Publishes what is buffered, stdout first. Unless {@code all}, a character whose bytes have not all
     * been written yet stays for the next flush.
     */
    synchronized void flush(boolean all) {
        publish(out, PublishStream.StreamType.OUT, all);
        publish(err, PublishStream.StreamType.ERR, all);
    }

    private void publish(ByteArrayOutputStream buf, PublishStream.StreamType type, boolean all) {
        if (buf.size() == 0) {
            return;
        }
        byte[] bytes = buf.toByteArray();
        int n = all ? bytes.length : bytes.length - incompleteTail(bytes);
        buf.reset();
        buf.write(bytes, n, bytes.length - n);
        if (n > 0) {
            sink.accept(new PublishStream(type, new String(bytes, 0, n, StandardCharsets.UTF_8)));
        }
    }

    /** The number of bytes at the end of {@code b} that start a UTF-8 character but do not finish it. */
    static int incompleteTail(byte[] b) {
        for (int k = 1; k <= Math.min(3, b.length); k++) {
            int c = b[b.length - k] & 0xff;
            if (c < 0x80) {
                return 0;
            }
            if (c >= 0xc0) { // a lead byte: how many bytes its character needs
                int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
                return need > k ? k : 0;
            }
        }
        return 0;
    }

    /** The cell ended: everything buffered goes out, the file (if any) is closed. */
    synchronized void finish() {
        flush(true);
        shown = null;
        closeFile();
    }

    private void truncate(byte[] b, int off, int len) {
        truncated = true;
        flush(true);
        String where;
        try {
            Files.createDirectories(limit.dir());
            file = Files.createTempFile(limit.dir(), "cell-" + count + "-", ".txt");
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            if (shown != null) {
                shown.writeTo(fileOut);
            } else {
                fileOut.write(("[the first " + lines + " lines were shown in the notebook]\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            shown = null;
            where = "the rest is in " + file;
        } catch (IOException | RuntimeException e) {
            fileOut = null;
            where = "the rest could not be saved (" + e + ")";
        }
        toFile(b, off, len);
        sink.accept(new PublishStream(PublishStream.StreamType.ERR, "output truncated after " + lines + " lines; "
                + where + " (REPROLAB_OUTPUT_LIMIT_MB, now " + limit.megabytes() + ")\n"));
    }

    private void toFile(byte[] b, int off, int len) {
        try {
            if (fileOut == null && file != null) {
                fileOut = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16);
            }
            if (fileOut != null) {
                fileOut.write(b, off, len);
            }
        } catch (IOException e) {
            file = null; // the disk is full or gone: the rest is lost, as it would be without a file
            fileOut = null;
        }
    }

    private void closeFile() {
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException ignored) {
                // nothing to tell: the notice named the file already
            }
            fileOut = null;
        }
    }

    /** Where the output of a cell that passed its limit went; null when it did not. */
    synchronized Path file() {
        return file;
    }
}
