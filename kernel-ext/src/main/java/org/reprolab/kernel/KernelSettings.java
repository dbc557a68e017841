package org.reprolab.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.reprolab.kernel.execution.OutputLimit;

/**
 * The kernel's settings, read from its environment once at start. A bad value is reported in one line on the
 * kernel's stderr (Jupyter's log), naming the variable, and the default is used.
 *
 * @param graceMillis how long an interrupted cell may take to stop by itself before it is stopped forcibly
 *     ({@code REPROLAB_INTERRUPT_GRACE_MS}, default 1000)
 * @param timeoutMillis how long a cell may run, 0 for no limit ({@code REPROLAB_CELL_TIMEOUT}, in seconds)
 * @param compilerOptions extra javac options for cells ({@code REPROLAB_COMPILER_OPTS}, space-separated)
 * @param outputLimit how much of a cell's stdout and stderr reaches the notebook
 *     ({@code REPROLAB_OUTPUT_LIMIT_MB}, default 10, 0 for no limit); the whole output of a cell that passes
 *     it goes to a file in {@code reprolab-output} under {@code java.io.tmpdir}
 */
public record KernelSettings(long graceMillis, long timeoutMillis, List<String> compilerOptions,
        OutputLimit outputLimit) {

    /** Megabytes of output a cell sends to the notebook unless {@code REPROLAB_OUTPUT_LIMIT_MB} says otherwise. */
    public static final double DEFAULT_OUTPUT_LIMIT_MB = 10;

    /** The settings in {@code env}; problems are reported on {@code err}. */
    public static KernelSettings of(Map<String, String> env, PrintStream err) {
        return new KernelSettings(
                longSetting(env, err, "REPROLAB_INTERRUPT_GRACE_MS", 1000),
                1000 * longSetting(env, err, "REPROLAB_CELL_TIMEOUT", 0),
                words(env.get("REPROLAB_COMPILER_OPTS")),
                new OutputLimit(Math.round(1e6 * megabytes(env, err, "REPROLAB_OUTPUT_LIMIT_MB",
                        DEFAULT_OUTPUT_LIMIT_MB)),
                        Path.of(System.getProperty("java.io.tmpdir"), "reprolab-output")));
    }

    static double megabytes(Map<String, String> env, PrintStream err, String name, double fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double mb = Double.parseDouble(v.trim());
            if (mb >= 0 && mb < 1e9) {
                return mb;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        err.println("reprolab kernel: " + name + " must be a number of megabytes, 0 for no limit (e.g. "
                + name + "=10), got '" + v + "'; using " + OutputLimit.format(fallback));
        return fallback;
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
