package org.reprolab.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.reprolab.kernel.protocol.KernelSockets;

/**
 * Starts the kernel: {@code java -jar reprolab-kernel.jar CONNECTION_FILE} (the kernelspec adds the JVM flags).
 *
 * <p>Settings come from the environment: {@link KernelSettings}.
 */
public final class KernelMain {

    private KernelMain() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar reprolab-kernel.jar CONNECTION_FILE "
                    + "(Jupyter starts it; install with 'reprolab kernel install')");
            System.exit(2);
        }
        PrintStream kernelErr = System.err; // the process's own stderr: cells replace System.err later
        boolean timing = "1".equals(System.getenv("REPROLAB_KERNEL_TIMING"));
        long t0 = System.nanoTime();
        KernelConnectionProperties props = KernelConnectionProperties.parse(
                Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        // The sockets are set up while JShell warms up (each takes about a second on a busy 2-core machine);
        // they are bound only after the warm-up, so no request can reach JShell before it is ready.
        java.util.concurrent.CompletableFuture<JupyterConnection> sockets =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        JupyterConnection c = new JupyterConnection(props);
                        KernelSockets.install(c, props, kernelErr);
                        return c;
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot set up the Jupyter sockets: " + e, e);
                    }
                });
        ReprolabKernel kernel = new ReprolabKernel(KernelSettings.of(System.getenv(), System.err));
        long t1 = System.nanoTime();
        kernel.onStartup(); // JShell warms up before the first request can arrive
        long t2 = System.nanoTime();
        JupyterConnection connection = sockets.join();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        if (timing) {
            System.err.printf("reprolab kernel: JVM to main %d ms, build %.0f ms, startup %.0f ms, connect %.0f ms%n",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                            - (System.nanoTime() - t0) / 1_000_000,
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
        }
        connection.waitUntilClose();
        exitSoon();
    }

    /** Exits; if a shutdown hook or a stuck cell thread hangs, halts after a few seconds. */
    private static void exitSoon() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            Runtime.getRuntime().halt(0);
        }, "reprolab-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(0);
    }
}
