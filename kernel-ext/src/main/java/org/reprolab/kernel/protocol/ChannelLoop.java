package org.reprolab.kernel.protocol;

import java.util.function.BooleanSupplier;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The thread that serves one socket: it waits with a blocking poll (no sleep between checks, so a message is
 * served as soon as it arrives) and hands each readable moment to the channel. Whatever the channel throws is
 * logged (rate-limited) and the loop goes on; only closing the socket or the context ends it.
 */
final class ChannelLoop {

    /** What the channel does when its socket is readable. */
    interface Body {
        void readable();
    }

    private final String name;
    private final int pollMs;
    private final ChannelLog log;
    private final BooleanSupplier socketClosed;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * A loop for a channel's thread called {@code name}; {@code socketClosed} tells when the socket is gone.
     */
    ChannelLoop(String name, int pollMs, ChannelLog log, BooleanSupplier socketClosed) {
        this.name = name;
        this.pollMs = pollMs;
        this.log = log;
        this.socketClosed = socketClosed;
    }

    /** Starts serving {@code socket} (after it is bound). */
    void start(ZMQ.Context ctx, ZMQ.Socket socket, Body body) {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        running = true;
        Thread t = new Thread(() -> run(poller, body), name);
        thread = t;
        t.start();
    }

    private void run(ZMQ.Poller poller, Body body) {
        while (running && !socketClosed.getAsBoolean()) {
            try {
                if (poller.poll(pollMs) > 0) {
                    body.readable();
                }
            } catch (ZMQException e) {
                if (!running || socketClosed.getAsBoolean() || e.getErrorCode() == ZMQ.Error.ETERM.getCode()) {
                    break;
                }
                log.log("socket error: " + e);
                pause(); // a socket that keeps failing must not spin
            } catch (Throwable e) {
                if (!running || socketClosed.getAsBoolean()) {
                    break;
                }
                log.log("error: " + e);
            }
        }
        running = false;
    }

    private void pause() {
        try {
            Thread.sleep(pollMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the loop after the message it is serving; waits a few polls for it (not when called from it). */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(4L * pollMs + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the loop has ended. */
    void await() {
        Thread t = thread;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
