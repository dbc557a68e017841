package org.reprolab.engine;

import java.util.function.Consumer;

/**
 * Shows an object where the user is looking. Outside a notebook it prints {@code toString()}; the Reprolab
 * kernel installs a hook that renders charts, tables and results inline.
 */
public final class Display {

    private static volatile Consumer<Object> hook = o -> System.out.println(o);

    private Display() {}

    /** Shows {@code value}. */
    public static void show(Object value) {
        hook.accept(value);
    }

    /** Installs a hook; returns the previous one. */
    public static Consumer<Object> setHook(Consumer<Object> newHook) {
        Consumer<Object> old = hook;
        hook = newHook;
        return old;
    }
}
