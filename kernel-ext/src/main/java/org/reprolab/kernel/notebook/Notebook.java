package org.reprolab.kernel.notebook;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.reprolab.kernel.execution.Cell;

/**
 * Functions every cell can call without a prefix (the kernel imports them statically): show objects, update
 * a shown object in place, clear the cell's output.
 *
 * <pre>{@code
 * String id = display(chart);          // image/png
 * updateDisplay(id, otherChart);       // replaces it
 * display("<b>bold</b>", "text/html"); // a string as HTML
 * clearOutput();
 * }</pre>
 */
public final class Notebook {

    private Notebook() {}

    private static BaseKernel kernel() {
        return BaseKernel.notebookKernel();
    }

    /** Renders {@code o} with the kernel's renderers (preferred formats, plus text/plain). */
    public static DisplayData render(Object o) {
        return kernel().getRenderer().render(o);
    }

    /** Renders {@code o} as the given MIME types, e.g. {@code "text/html"}. */
    public static DisplayData render(Object o, String... mimeTypes) {
        return kernel().getRenderer().renderAs(o, mimeTypes);
    }

    /** Shows {@code o} below the cell; returns the display id for {@link #updateDisplay}. */
    public static String display(Object o) {
        return show(o instanceof DisplayData d ? d : render(o));
    }

    /** Shows {@code o} as the given MIME types; returns the display id. */
    public static String display(Object o, String... mimeTypes) {
        return show(render(o, mimeTypes));
    }

    private static String show(DisplayData d) {
        String id = d.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            d.setDisplayId(id);
        }
        kernel().display(d);
        return id;
    }

    /** Replaces the output shown under {@code id} with {@code o}. */
    public static void updateDisplay(String id, Object o) {
        DisplayData d = o instanceof DisplayData dd ? dd : render(o);
        d.setDisplayId(id);
        update(d);
    }

    /** Replaces the output shown under {@code id} with {@code o} as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        DisplayData d = render(o, mimeTypes);
        d.setDisplayId(id);
        update(d);
    }

    private static void update(DisplayData d) {
        Cell c = Cell.current();
        if (c != null) {
            c.updateDisplay(d); // under the cell that shows it, also from a thread the cell started
        } else {
            kernel().getIO().display.updateDisplay(d);
        }
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        Cell c = Cell.current();
        if (c != null) {
            c.clearOutput(wait);
        }
    }
}
