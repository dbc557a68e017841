package org.reprolab.kernel.execution;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * One executing (or executed) cell: where its output goes. Every message is sent with the cell's request as
 * parent, so the notebook puts it under that cell, also when it comes from a thread the cell started and
 * arrives after the cell finished. Threads find their cell through an inheritable thread-local; threads that
 * no cell started (and pooled fork-join workers, which outlive cells) write into the cell now running.
 */
public final class Cell {

    private static final InheritableThreadLocal<Cell> OWNER = new InheritableThreadLocal<>();
    private static volatile Cell running;

    final MessageContext request;
    final int count;
    final boolean silent;
    final long startNanos = System.nanoTime();
    /** Per-cell state of helpers (the progress display); cleared with the cell. */
    private final Map<Object, Object> state = new ConcurrentHashMap<>();

    private final JupyterSocket iopub;
    private final CellOutput output;
    private volatile boolean finished;
    private volatile boolean interrupted;

    /**
     * A cell run for {@code request} (null for the kernel's own warm-up), publishing on {@code iopub}; a silent
     * cell publishes nothing but status. Its stdout and stderr stop going to the notebook at {@code limit}.
     */
    public Cell(MessageContext request, JupyterSocket iopub, int count, boolean silent, OutputLimit limit) {
        this.request = request;
        this.iopub = iopub;
        this.count = count;
        this.silent = silent;
        this.output = new CellOutput(limit, count, this::publish);
    }

    /** A cell without an output limit. */
    public Cell(MessageContext request, JupyterSocket iopub, int count, boolean silent) {
        this(request, iopub, count, silent, OutputLimit.NONE);
    }

    /** The cell whose output the current thread produces, or null outside any cell. */
    public static Cell current() {
        Cell owner = OWNER.get();
        Cell now = running;
        if (owner == null) {
            return now;
        }
        if (owner.finished && now != null && Thread.currentThread() instanceof ForkJoinWorkerThread) {
            return now;
        }
        return owner;
    }

    /** The cell now executing, or null between cells. */
    public static Cell running() {
        return running;
    }

    /** Makes this the executing cell (the shell thread calls it around execution). */
    public void start() {
        running = this;
    }

    /** Marks the cell done: its output is flushed; threads it started keep writing under it. */
    public void finish() {
        output.finish();
        finished = true;
        if (running == this) {
            running = null;
        }
    }

    /** Per-cell state of helpers (the progress display), dropped with the cell. */
    public Map<Object, Object> state() {
        return state;
    }

    /** Binds the current thread (a cell worker) to this cell; its children inherit it. */
    void bindThread() {
        OWNER.set(this);
    }

    static void unbindThread() {
        OWNER.remove();
    }

    void markInterrupted() {
        interrupted = true;
    }

    boolean interrupted() {
        return interrupted;
    }

    // ---- streams

    /** Takes text the cell wrote; it goes out with the next flush (by the timer, or when much is waiting). */
    void write(boolean stderr, byte[] b, int off, int len) {
        output.write(stderr, b, off, len);
    }

    /** Where the cell's whole output went after it passed its limit; null when it did not. */
    Path outputFile() {
        return output.file();
    }

    /** Publishes all buffered text, stdout first. */
    public void flush() {
        output.flush(true);
    }

    /** Publishes buffered text, except the bytes of a character not yet complete (the timer's flush). */
    void flushBuffered() {
        output.flush(false);
    }

    // ---- rich output

    /** Shows {@code data} below the cell, after the text printed so far. */
    public void display(DisplayData data) {
        flush();
        publish(new PublishDisplayData(data));
    }

    /** Replaces the output shown under {@code data}'s display id. */
    public void updateDisplay(DisplayData data) {
        publish(new PublishUpdateDisplayData(data));
    }

    /** Clears the cell's output, now or ({@code wait}) when the next output arrives. */
    public void clearOutput(boolean wait) {
        flush();
        publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    /** Sends {@code content} on IOPub under this cell (dropped when the request was silent). */
    public <T extends ContentType<T>> void publish(T content) {
        if (!silent) {
            iopub.sendMessage(new Message<>(request, content.getType(), content));
        }
    }
}
