package org.reprolab.kernel.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine, in the kernel's JVM: snippet methods run through the {@link CellRunner} (on a
 * worker thread of the running cell), and their values stay Java objects, so the renderer sees the real
 * chart, table or array rather than its {@code toString}. JShell gets a key in place of the value's text.
 */
public final class KernelExecutionControl extends DirectExecutionControl {

    private static final String KEY_PREFIX = "\u0000reprolab-value-";

    private final CellRunner runner;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Throwable userThrowable;

    /** Loads snippets with {@code loader} and runs them on {@code runner}. */
    public KernelExecutionControl(SnippetLoader loader, CellRunner runner) {
        super(loader);
        this.runner = runner;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Cell cell = Cell.running();
        if (cell == null) {
            throw new ExecutionControl.InternalException("no cell is running");
        }
        Object value;
        try {
            value = runner.run(cell, () -> doit.invoke(null));
        } catch (InvocationTargetException e) {
            userThrowable = e.getCause();
            throw e;
        } catch (CellRunner.ErrorInCell e) {
            userThrowable = e.getCause();
            throw new InvocationTargetException(e.getCause());
        } catch (Exception e) {
            // stopped (interrupt, timeout) or failed outside the snippet: reported like a user exception
            userThrowable = e;
            throw new InvocationTargetException(e);
        }
        String key = KEY_PREFIX + ids.incrementAndGet();
        if (value != null) {
            values.put(key, value);
        }
        return key;
    }

    /** The value a snippet produced, by the key JShell reported; null for no value. Forgets it. */
    Object takeValue(String key) {
        return key == null ? null : values.remove(key);
    }

    /** Drops values no cell took (e.g. from earlier snippets of a cell). */
    void clearValues() {
        values.clear();
    }

    /** The throwable of the last snippet that failed, and forgets it. */
    Throwable takeUserThrowable() {
        Throwable t = userThrowable;
        userThrowable = null;
        return t;
    }

    @Override
    public void stop() {
        runner.stop(Cell.running(), "interrupt");
    }

    /** Hands this control to JShell. */
    ExecutionControlProvider provider() {
        KernelExecutionControl self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "reprolab";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }
}
