package org.reprolab.kernel;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The kernel's settings, read from its environment once at start. A bad value is reported in one line on the
 * kernel's stderr (Jupyter's log), naming the variable, and the default is used.
 *
 * @param graceMillis how long an interrupted cell may take to stop by itself before it is stopped forcibly
 *     ({@code REPROLAB_INTERRUPT_GRACE_MS}, default 1000)
 * @param timeoutMillis how long a cell may run, 0 for no limit ({@code REPROLAB_CELL_TIMEOUT}, in seconds)
 * @param compilerOptions extra javac options for cells ({@code REPROLAB_COMPILER_OPTS}, space-separated)
 */
public record KernelSettings(long graceMillis, long timeoutMillis, List<String> compilerOptions) {

    /** The settings in {@code env}; problems are reported on {@code err}. */
    public static KernelSettings of(Map<String, String> env, PrintStream err) {
        return new KernelSettings(
                longSetting(env, err, "REPROLAB_INTERRUPT_GRACE_MS", 1000),
                1000 * longSetting(env, err, "REPROLAB_CELL_TIMEOUT", 0),
                words(env.get("REPROLAB_COMPILER_OPTS")));
    }

    static long longSetting(Map<String, String> env, PrintStream err, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            err.println("reprolab kernel: " + name + " must be an integer, got '" + v + "'; using " + fallback);
            return fallback;
        }
    }

    static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }
}
