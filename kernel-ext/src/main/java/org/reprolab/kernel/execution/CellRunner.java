package org.reprolab.kernel.execution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cell code (JShell's snippet methods, and magics) on worker threads, never on the kernel's shell thread:
 * a cell's interrupt flag, a thread it kills or an {@code Error} it throws cannot reach the loop that serves
 * Jupyter. Each worker carries the cell (for its output) and the cell class loader as context class loader.
 *
 * <p>Interrupting a cell interrupts its workers: code that sleeps, waits, does interruptible I/O or calls
 * {@code Interrupts.check()} (every library loop does) stops at once. Code that never yields is stopped with
 * {@code Thread.stop} after a grace period (JDK 17 still honours it). The same happens when a cell runs longer
 * than the per-cell timeout.
 */
public final class CellRunner {

    /** Why a cell stopped early. */
    static final class CellStoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String ename;

        CellStoppedException(String ename, String message) {
            super(message);
            this.ename = ename;
        }
    }

    private final ClassLoader cellLoader;
    private final long graceMillis;
    private final long timeoutMillis;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reprolab-cell-stopper");
        t.setDaemon(true);
        return t;
    });
    private final Set<Task<?>> active = ConcurrentHashMap.newKeySet();
    private final Map<Cell, String> stopReasons = new ConcurrentHashMap<>();

    /**
     * Workers with {@code cellLoader} as context class loader; an interrupted cell gets {@code graceMillis} to
     * stop by itself, a cell may run {@code timeoutMillis} (0: no limit).
     */
    public CellRunner(ClassLoader cellLoader, long graceMillis, long timeoutMillis) {
        this.cellLoader = cellLoader;
        this.graceMillis = graceMillis;
        this.timeoutMillis = timeoutMillis;
        AtomicInteger n = new AtomicInteger();
        this.workers = (ThreadPoolExecutor) Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "reprolab-cell-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(cellLoader);
            return t;
        });
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * Runs {@code work} on a worker bound to {@code cell} and waits for it. Its exception is rethrown as is;
     * an interrupt or a timeout ends in {@link CellStoppedException}.
     */
    <T> T run(Cell cell, Callable<T> work) throws Exception {
        Task<T> task = new Task<>(cell, work);
        active.add(task);
        try {
            workers.execute(task);
            long left = timeoutMillis <= 0 ? Long.MAX_VALUE
                    : timeoutMillis - (System.nanoTime() - cell.startNanos) / 1_000_000;
            try {
                return task.result.get(Math.max(left, 1), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                stop(cell, "timeout");
                return awaitStopped(task);
            } catch (InterruptedException e) {
                stop(cell, "interrupt");
                Thread.currentThread().interrupt();
                throw new CellStoppedException("Interrupted", "the kernel was interrupted");
            } catch (ExecutionException e) {
                throw unwrap(cell, e);
            }
        } finally {
            active.remove(task);
        }
    }

    private <T> T awaitStopped(Task<T> task) throws Exception {
        try {
            return task.result.get();
        } catch (ExecutionException e) {
            throw unwrap(task.cell, e);
        }
    }

    private Exception unwrap(Cell cell, ExecutionException e) {
        String reason = stopReasons.get(cell);
        if (reason != null) {
            return stoppedException(reason);
        }
        Throwable c = e.getCause();
        if (c instanceof Exception ex) {
            return ex;
        }
        return new ErrorInCell(c);
    }

    private CellStoppedException stoppedException(String reason) {
        if (reason.equals("timeout")) {
            return new CellStoppedException("Timeout", "the cell ran longer than " + timeoutMillis / 1000
                    + " s (REPROLAB_CELL_TIMEOUT) and was stopped");
        }
        return new CellStoppedException("Interrupted", "the cell was interrupted");
    }

    /** Whether {@code cell} was stopped (interrupt or timeout). */
    boolean wasStopped(Cell cell) {
        return stopReasons.containsKey(cell);
    }

    /** Forgets per-cell state. */
    public void finished(Cell cell) {
        stopReasons.remove(cell);
    }

    /**
     * Interrupts every worker of {@code cell}; a worker still running after the grace period is stopped
     * forcibly. Called from the control thread (interrupt request) or on timeout.
     */
    public void stop(Cell cell, String reason) {
        if (cell == null) {
            return;
        }
        stopReasons.putIfAbsent(cell, reason);
        cell.markInterrupted();
        for (Task<?> t : active) {
            if (t.cell == cell) {
                t.interrupt();
            }
        }
        stopper.schedule(() -> {
            for (Task<?> t : active) {
                if (t.cell == cell) {
                    t.forceStop();
                }
            }
        }, graceMillis, TimeUnit.MILLISECONDS);
    }

    /** Ends the workers (kernel shutdown). */
    public void shutdown() {
        workers.shutdownNow();
        stopper.shutdownNow();
    }

    /** An {@code Error} from cell code, carried as an exception so the kernel's threads never see it. */
    static final class ErrorInCell extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ErrorInCell(Throwable error) {
            super(error);
        }
    }

    private final class Task<T> implements Runnable {
        final Cell cell;
        final Callable<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        private Thread thread;
        private boolean done;

        Task(Cell cell, Callable<T> work) {
            this.cell = cell;
            this.work = work;
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            try {
                try {
                    cell.bindThread();
                    Thread.currentThread().setContextClassLoader(cellLoader);
                    if (cell.interrupted()) {
                        throw stoppedException(stopReasons.getOrDefault(cell, "interrupt"));
                    }
                    result.complete(work.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    synchronized (this) {
                        done = true;
                        thread = null;
                    }
                    Cell.unbindThread();
                    Thread.interrupted(); // a pooled thread must not carry the flag into the next cell
                }
            } catch (Throwable late) {
                // a forced stop that landed after the work finished: the pool thread survives it
                result.completeExceptionally(late);
                Thread.interrupted();
            }
        }

        synchronized void interrupt() {
            if (!done && thread != null) {
                thread.interrupt();
            }
        }

        @SuppressWarnings({"deprecation", "removal"})
        synchronized void forceStop() {
            if (done || thread == null) {
                return;
            }
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // JDK 20+: the thread cannot be stopped; it ends when its code next checks for interruption
                System.err.println("reprolab: this JVM cannot stop a thread that ignores interrupts; "
                        + "restart the kernel if the cell does not end");
            }
        }
    }
}
