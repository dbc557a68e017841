package org.reprolab.kernel.protocol;

import java.io.PrintStream;
import java.lang.reflect.Field;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

/**
 * Sets up the sockets of a {@link JupyterConnection} before it binds them: our heartbeat, shell, control and
 * stdin channels in place of jjava's (jjava builds its own in {@code protected final} fields, so they are
 * swapped by reflection), and a size limit on every incoming frame. Only iopub stays jjava's: it reads nothing
 * but subscriptions.
 */
public final class KernelSockets {

    /**
     * The largest frame the kernel reads, 64 MiB. ZeroMQ closes the connection of a peer that sends a larger
     * one (its {@code ZMQ_MAXMSGSIZE}); the peer's other messages on that connection are lost with it, and
     * clients reconnect by themselves.
     */
    public static final long MAX_FRAME_BYTES = 64L << 20;

    private KernelSockets() {}

    /** Installs our channels on {@code connection}; their problems are logged on {@code log}. */
    public static void install(JupyterConnection connection, KernelConnectionProperties props, PrintStream log)
            throws Exception {
        ZMQ.Context ctx = (ZMQ.Context) field("ctx").get(connection);
        GuardedStdinChannel stdin = new GuardedStdinChannel(ctx, new MessageCodec(props.createHMACGenerator()), log);
        replace(connection, "stdin", stdin);
        replace(connection, "heartbeat", new HeartbeatEcho(ctx, props.createHMACGenerator(), log));
        for (String name : new String[] {"shell", "control"}) {
            replace(connection, name, new PollingShellChannel(ctx, new MessageCodec(props.createHMACGenerator()),
                    name.equals("control"), connection, stdin, log));
        }
        for (String name : new String[] {"heartbeat", "shell", "control", "stdin", "iopub"}) {
            ((JupyterSocket) field(name).get(connection)).setMaxMsgSize(MAX_FRAME_BYTES);
        }
    }

    private static void replace(JupyterConnection connection, String name, JupyterSocket socket) throws Exception {
        Field f = field(name);
        JupyterSocket old = (JupyterSocket) f.get(connection);
        f.set(connection, socket);
        old.close();
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = JupyterConnection.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
