package org.reprolab.kernel.execution;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.messages.publish.PublishError;

/**
 * Tells the running cell when the JVM exits without Jupyter asking: a library's {@code System.exit}, which the
 * rewrite of cell code ({@link ExitCalls}) cannot reach. The cell gets a {@code KernelExit} error before the
 * process ends; Jupyter then restarts the kernel.
 */
public final class ExitNotice {

    private ExitNotice() {}

    /** Installs the notice as a shutdown hook; {@code expected} says when an exit is Jupyter's own. */
    public static void install(BooleanSupplier expected) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> report(expected), "reprolab-exit-notice"));
    }

    private static void report(BooleanSupplier expected) {
        Cell c = Cell.running();
        if (expected.getAsBoolean() || c == null) {
            return;
        }
        try {
            c.flush();
            String msg = "the JVM is exiting: System.exit or Runtime.exit was called outside cell code (by a library); "
                    + "the kernel's state is lost and Jupyter restarts it";
            c.publish(new PublishError("KernelExit", msg, List.of("\u001b[1;31mKernelExit\u001b[0m: " + msg)));
            Thread.sleep(300); // let the message leave the socket
        } catch (Throwable ignored) {
            // exiting anyway
        }
    }
}
