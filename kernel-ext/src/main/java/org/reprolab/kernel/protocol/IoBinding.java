package org.reprolab.kernel.protocol;

import java.lang.reflect.Method;
import org.dflib.jjava.jupyter.channels.JupyterInputStream;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * Points jjava's {@link JupyterIO} (its stdin, and display for a stock JJava extension) at the request being
 * executed. jjava-jupyter 1.0-a6 keeps {@code setEnv} / {@code retractEnv} protected to its own package, so
 * they are reached by reflection, checked once at start.
 */
final class IoBinding {

    private final JupyterIO io;
    private final Method setEnv;
    private final Method retractEnv;

    IoBinding(JupyterIO io) {
        this.io = io;
        try {
            setEnv = JupyterIO.class.getDeclaredMethod("setEnv", ShellReplyEnvironment.class);
            retractEnv = JupyterIO.class.getDeclaredMethod("retractEnv", ShellReplyEnvironment.class);
            setEnv.setAccessible(true);
            retractEnv.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava-jupyter changed: JupyterIO.setEnv is gone", e);
        }
    }

    /** Binds the IO to {@code env}; cells may read stdin when {@code stdin}. */
    void attach(ShellReplyEnvironment env, boolean stdin) {
        invoke(setEnv, env);
        ((JupyterInputStream) io.in).setEnabled(stdin);
    }

    void detach(ShellReplyEnvironment env) {
        invoke(retractEnv, env);
    }

    private void invoke(Method m, ShellReplyEnvironment env) {
        try {
            m.invoke(io, env);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
