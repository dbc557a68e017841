package org.reprolab.engine;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation. Library loops call {@link #check()} once per batch or step, so a notebook's
 * interrupt button (which interrupts the cell's thread) stops them within one step.
 */
public final class Interrupts {

    private Interrupts() {}

    /** Throws {@link CancellationException} when the current thread has been interrupted. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted");
        }
    }
}
