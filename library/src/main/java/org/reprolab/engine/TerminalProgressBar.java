package org.reprolab.engine;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal, redrawn in place with {@code \r}. It stays silent for the first
 * two seconds of a task, so quick tasks print nothing.
 */
public final class TerminalProgressBar implements ProgressSink {

    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private String task;
    private long started;
    private long lastDraw;
    private boolean drawn;

    /** A bar on {@code out}. */
    public TerminalProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar on stderr when the JVM has a console, else {@link ProgressSink#NONE}. */
    public static ProgressSink forConsole() {
        return System.console() != null ? new TerminalProgressBar(System.err) : ProgressSink.NONE;
    }

    @Override
    public synchronized void update(String t, long done, long total, String detail, boolean finished) {
        long now = System.nanoTime();
        if (!t.equals(task)) {
            task = t;
            started = now;
            drawn = false;
        }
        if (finished) {
            if (drawn) {
                draw(done, total, detail, now);
                out.print('\n');
                out.flush();
            }
            task = null;
            return;
        }
        if (now - started < QUIET_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        draw(done, total, detail, now);
    }

    private void draw(long done, long total, String detail, long now) {
        StringBuilder line = new StringBuilder("\r").append(task).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total);
        } else {
            line.append(done);
        }
        line.append(String.format(" %.0fs", (now - started) / 1e9));
        if (detail != null && !detail.isEmpty()) {
            line.append("  ").append(detail);
        }
        line.append("\u001b[K");
        out.print(line);
        out.flush();
        lastDraw = now;
        drawn = true;
    }
}
