package org.reprolab.kernel.protocol;

import java.lang.reflect.Field;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * The shell and control channels, reading with a blocking poll. jjava-jupyter's own channel checks its socket
 * and then sleeps 50 ms, which puts up to 50 ms on every request (a trivial cell's round trip was ~80 ms);
 * this one wakes as soon as a message arrives. Handling is the same: one handler per message type, reply
 * environment resolved after the handler, connection closed when a handler marks it for shutdown.
 */
public final class PollingShellChannel extends ShellChannel {

    private static final int POLL_MS = 20;

    private final boolean isControl;
    private final JupyterConnection connection;
    private volatile boolean running;
    private volatile Thread loop;

    private PollingShellChannel(ZMQ.Context ctx, org.dflib.jjava.jupyter.messages.HMACGenerator hmac, boolean isControl,
            JupyterConnection connection) {
        super(ctx, hmac, isControl, connection, 0);
        this.isControl = isControl;
        this.connection = connection;
    }

    /** Replaces {@code connection}'s shell and control channels (before {@code connect()}). */
    public static void install(JupyterConnection connection, KernelConnectionProperties props) throws Exception {
        Field ctxField = JupyterConnection.class.getDeclaredField("ctx");
        ctxField.setAccessible(true);
        ZMQ.Context ctx = (ZMQ.Context) ctxField.get(connection);
        for (String name : new String[] {"shell", "control"}) {
            Field f = JupyterConnection.class.getDeclaredField(name);
            f.setAccessible(true);
            ShellChannel old = (ShellChannel) f.get(connection);
            f.set(connection, new PollingShellChannel(ctx, props.createHMACGenerator(), name.equals("control"),
                    connection));
            old.close();
        }
    }

    @Override
    public void bind(KernelConnectionProperties p) {
        String address = p.getTransport() + "://" + p.getIp() + ":" + (isControl ? p.getControlPort() : p.getShellPort());
        super.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        Thread t = new Thread(() -> serve(poller), isControl ? "Control" : "Shell");
        loop = t;
        t.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serve(ZMQ.Poller poller) {
        try {
            while (running) {
                if (poller.poll(POLL_MS) <= 0) {
                    continue;
                }
                Message<?> message = readMessage();
                if (message == null) {
                    break;
                }
                ShellHandler handler = connection.getHandler(message.getHeader().getType());
                if (handler == null) {
                    logger.warn("Unhandled message: {}", message.getHeader().getType().getName());
                    continue;
                }
                ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
                try {
                    handler.handle(env, message);
                } catch (Throwable e) {
                    logger.warn("Error handling {}: {}", message.getHeader().getType().getName(), e.toString());
                } finally {
                    env.resolveDeferrals();
                }
                if (env.isMarkedForShutdown()) {
                    connection.close();
                    break;
                }
            }
        } catch (Throwable e) {
            if (running) {
                logger.warn("{} channel stopped: {}", isControl ? "control" : "shell", e.toString());
            }
        } finally {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(4L * POLL_MS + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
