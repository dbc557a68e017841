package org.reprolab.kernel.execution;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code System.out} and {@code System.err} for the kernel's whole life: each write goes to the cell of the
 * writing thread ({@link Cell#current()}), or to the kernel's own stdout/stderr outside cells. A cell's text
 * is buffered and published every {@value #FLUSH_MS} ms, when much of it waits, before the cell's other
 * outputs and at its end ({@link CellOutput}); {@code flush()} and {@code println} do not send a message each.
 */
public final class CellStreams {

    /** How often buffered cell output is published. */
    static final long FLUSH_MS = 50;

    final PrintStream out;
    final PrintStream err;
    private final Set<Cell> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reprolab-output-flusher");
        t.setDaemon(true);
        return t;
    });

    /** Streams that fall back to the kernel's own {@code kernelOut} and {@code kernelErr} outside cells. */
    public CellStreams(PrintStream kernelOut, PrintStream kernelErr) {
        this.out = new PrintStream(new Routing(false, kernelOut), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Routing(true, kernelErr), true, StandardCharsets.UTF_8);
        flusher.scheduleWithFixedDelay(this::flushPending, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /** Installs the streams as {@code System.out} / {@code System.err}. */
    public void install() {
        System.setOut(out);
        System.setErr(err);
    }

    private void flushPending() {
        for (Cell c : pending) {
            pending.remove(c);
            try {
                c.flushBuffered();
            } catch (RuntimeException e) {
                // the connection may be closing; nothing to report to
            }
        }
    }

    private final class Routing extends OutputStream {
        private final boolean stderr;
        private final PrintStream fallback;

        Routing(boolean stderr, PrintStream fallback) {
            this.stderr = stderr;
            this.fallback = fallback;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Cell c = Cell.current();
            if (c == null) {
                fallback.write(b, off, len);
                return;
            }
            c.write(stderr, b, off, len);
            pending.add(c);
        }

        @Override
        public void flush() {
            if (Cell.current() == null) {
                fallback.flush();
            } // a cell's text goes out with the timer: a flush per println would be a message per line
        }
    }
}
