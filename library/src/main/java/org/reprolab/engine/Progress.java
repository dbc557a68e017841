package org.reprolab.engine;

/**
 * A running task's progress. Obtain with {@link #start}, call {@link #step} per unit of work, close when done.
 * Each step also checks for interruption, so a loop that reports progress can be stopped.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("training", epochs * batches)) {
 *     for (...) { ...; p.step("loss " + loss); }
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {

    private static volatile ProgressSink sink = TerminalProgressBar.forConsole();

    private final String task;
    private final long total;
    private final ProgressSink target;
    private long done;

    private Progress(String task, long total, ProgressSink target) {
        this.task = task;
        this.total = total;
        this.target = target;
    }

    /** Starts a task of {@code total} units (0 if unknown). */
    public static Progress start(String task, long total) {
        Progress p = new Progress(task, total, sink);
        p.target.update(task, 0, total, "", false);
        return p;
    }

    /** Routes all later progress to {@code newSink}; returns the previous sink. */
    public static ProgressSink setSink(ProgressSink newSink) {
        ProgressSink old = sink;
        sink = newSink == null ? ProgressSink.NONE : newSink;
        return old;
    }

    /** The current sink. */
    public static ProgressSink sink() {
        return sink;
    }

    /** One unit done. */
    public void step() {
        step("");
    }

    /** One unit done, with a short status. */
    public void step(String detail) {
        Interrupts.check();
        done++;
        target.update(task, done, total, detail, false);
    }

    /** Units done so far. */
    public long done() {
        return done;
    }

    @Override
    public void close() {
        target.update(task, done, total, "", true);
    }
}
