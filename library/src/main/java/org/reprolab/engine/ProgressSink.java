package org.reprolab.engine;

/** Where progress goes: a terminal bar, a notebook display, or nowhere. */
public interface ProgressSink {

    /** Drops every update. */
    ProgressSink NONE = (task, done, total, detail, finished) -> { };

    /**
     * Called on every update of a task; implementations throttle.
     *
     * @param task what is running, e.g. {@code "selu/training: SELU 8x256"}
     * @param done units finished
     * @param total units in all (0 if unknown)
     * @param detail a short status, e.g. {@code "loss 0.412"}, or empty
     * @param finished true on the last call for this task
     */
    void update(String task, long done, long total, String detail, boolean finished);
}
