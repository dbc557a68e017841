package org.reprolab.kernel.notebook;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.reprolab.engine.ProgressSink;
import org.reprolab.report.Html;

/**
 * Progress as one live display per cell: the first update that is due creates a {@code display_data} with a
 * display id, later ones replace it ({@code update_display_data}) at most {@value #REDRAW_MS} ms apart, so a
 * training loop shows a moving bar, not a flood of lines. Tasks shorter than {@value #QUIET_MS} ms show
 * nothing. The output is marked {@code "reprolab": {"progress": true}} in its metadata so notebook checks can
 * skip it.
 */
public final class NotebookProgress implements ProgressSink {

    static final long QUIET_MS = 500;
    static final long REDRAW_MS = 250;

    /** Where the bar goes: the cell's state map (null outside cells) and its display channel. */
    public interface Target {
        Map<Object, Object> state();

        void show(DisplayData data);

        void update(DisplayData data);

        /** True where the target cannot tell cells apart: a task after a finished one starts a new bar. */
        default boolean newBarAfterFinish() {
            return false;
        }
    }

    private final Supplier<Target> target;

    /** Progress shown where {@code target} says at the time of each update (null: nowhere). */
    public NotebookProgress(Supplier<Target> target) {
        this.target = target;
    }

    /**
     * A target from its parts: {@code state} holds the bar, {@code show} creates it, {@code update} redraws it;
     * {@code newBarAfterFinish} where cells cannot be told apart.
     */
    public static Target target(Map<Object, Object> state, Consumer<DisplayData> show, Consumer<DisplayData> update,
            boolean newBarAfterFinish) {
        return new Parts(state, show, update, newBarAfterFinish);
    }

    private record Parts(Map<Object, Object> state, Consumer<DisplayData> shown, Consumer<DisplayData> updated,
            boolean newBarAfterFinish) implements Target {
        @Override
        public void show(DisplayData data) {
            shown.accept(data);
        }

        @Override
        public void update(DisplayData data) {
            updated.accept(data);
        }
    }

    private static final class Bar {
        String id;
        String task;
        long taskStart;
        long lastDraw;
        long done;
        long total;
        String detail = "";
        int finishedTasks;
        boolean finished;
    }

    @Override
    public void update(String task, long done, long total, String detail, boolean finished) {
        Target t = target.get();
        if (t == null || t.state() == null) {
            return;
        }
        Bar bar = (Bar) t.state().computeIfAbsent(NotebookProgress.class, k -> new Bar());
        DisplayData data;
        boolean create;
        synchronized (bar) {
            long now = System.nanoTime();
            if (bar.finished && !finished && t.newBarAfterFinish()) {
                bar.id = null;
                bar.finishedTasks = 0;
            }
            if (!task.equals(bar.task)) {
                bar.task = task;
                bar.taskStart = now;
            }
            bar.done = done;
            bar.total = total;
            bar.detail = detail == null ? "" : detail;
            bar.finished = finished;
            if (finished) {
                bar.finishedTasks++;
            }
            boolean due = finished ? bar.id != null
                    : (now - bar.taskStart) / 1_000_000 >= QUIET_MS && (now - bar.lastDraw) / 1_000_000 >= REDRAW_MS;
            if (!due) {
                return;
            }
            bar.lastDraw = now;
            create = bar.id == null;
            if (create) {
                bar.id = "reprolab-progress-" + UUID.randomUUID();
            }
            data = render(bar, (now - bar.taskStart) / 1e9);
            data.setDisplayId(bar.id);
        }
        if (create) {
            t.show(data);
        } else {
            t.update(data);
        }
    }

    private static DisplayData render(Bar b, double seconds) {
        String count = b.total > 0
                ? b.done + "/" + b.total + String.format(Locale.ROOT, " (%d%%)", 100 * b.done / b.total)
                : Long.toString(b.done);
        String status = (b.finished ? "done: " : "") + b.task + " " + count
                + String.format(Locale.ROOT, " %.1f s", seconds) + (b.detail.isEmpty() ? "" : " - " + b.detail);
        int width = 30;
        int filled = b.total > 0 ? (int) Math.min(width, width * b.done / b.total) : 0;
        String text = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + status
                + (b.finishedTasks > 0 ? "\n" + b.finishedTasks + " task" + (b.finishedTasks == 1 ? "" : "s")
                + " finished" : "");
        String html = "<div class=\"reprolab-progress\" style=\"font-family:monospace;font-size:12px\">"
                + "<progress value=\"" + b.done + "\" max=\"" + Math.max(b.total, b.done) + "\" style=\"width:220px;"
                + "vertical-align:middle\"></progress> " + Html.escape(status)
                + (b.finishedTasks > 0 ? "<br><span style=\"color:#777\">" + b.finishedTasks + " task"
                + (b.finishedTasks == 1 ? "" : "s") + " finished</span>" : "") + "</div>";
        DisplayData d = new DisplayData();
        d.putText(text);
        d.putHTML(html);
        d.putMetaData("reprolab", Map.of("progress", true));
        return d;
    }
}
