package org.reprolab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

/**
 * The shell and control channels: a loop that reads one message at a time with a blocking poll (jjava's own
 * checks its socket and sleeps 50 ms, which put up to 50 ms on every request) and serves it.
 *
 * <p>One bad message is one bad message: a message that is not framed as the protocol says, wrongly signed
 * or not parseable is logged (rate-limited, {@link ChannelLog}) and dropped, and the loop reads on. A wrongly
 * signed message is never parsed, let alone run. A correctly signed request that does not parse, or whose
 * handler fails before replying, gets an error reply ({@code status: error}) between busy and idle, so a
 * client waiting for it is not left hanging. Only a closed socket ends the loop.
 *
 * <p>After a cell fails with {@code stop_on_error} (the default), the execute requests already waiting are
 * answered {@code status: aborted} without running, as ipykernel does, so Run All stops at the error.
 *
 * <p>The control channel serves interrupt, shutdown and kernel_info only; other requests sent there get an
 * error reply. That keeps it free for the stop button while a cell holds the shell thread and JShell.
 */
final class PollingShellChannel extends ShellChannel {

    private static final int POLL_MS = 20;
    /** More frames than this in one message: the rest are read and thrown away. */
    private static final int MAX_FRAMES = 1000;
    private static final Set<MessageType<?>> CONTROL_REQUESTS = Set.of(MessageType.INTERRUPT_REQUEST,
            MessageType.SHUTDOWN_REQUEST, MessageType.KERNEL_INFO_REQUEST);

    private final boolean isControl;
    private final JupyterConnection connection;
    private final StdinChannel stdin;
    private final MessageCodec codec;
    private final ChannelLog log;
    private final ChannelLoop loop;

    PollingShellChannel(ZMQ.Context ctx, MessageCodec codec, boolean isControl, JupyterConnection connection,
            StdinChannel stdin, PrintStream log) {
        super(ctx, codec.hmac(), isControl, connection, 0);
        this.isControl = isControl;
        this.connection = connection;
        this.stdin = stdin;
        this.codec = codec;
        this.log = new ChannelLog(isControl ? "control" : "shell", log);
        this.loop = new ChannelLoop(isControl ? "Control" : "Shell", POLL_MS, this.log, () -> closed);
    }

    @Override
    public void bind(KernelConnectionProperties p) {
        String address = p.getTransport() + "://" + p.getIp() + ":"
                + (isControl ? p.getControlPort() : p.getShellPort());
        super.bind(address);
        loop.start(ctx, this, () -> {
            List<byte[]> frames = receive(this);
            if (frames != null) {
                serve(frames, false);
            }
        });
    }

    /** The frames of the next message on {@code socket}, or null when none is waiting. */
    static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv(ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            byte[] f = socket.recv(0);
            if (f == null) {
                break;
            }
            if (frames.size() < MAX_FRAMES) {
                frames.add(f);
            }
        }
        return frames;
    }

    /**
     * Serves one message; while {@code aborting} (stop_on_error after a failed cell), an execute_request gets
     * an aborted reply instead.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serve(List<byte[]> frames, boolean aborting) {
        MessageCodec.Incoming in;
        try {
            in = codec.decode(frames);
        } catch (BadMessage e) {
            log.log("dropped a message: " + e.getMessage());
            BadMessage.Request r = e.request();
            if (r != null && answers(MessageType.getType(r.type()))) {
                replyBadRequest(r, e.getMessage());
            }
            return;
        }
        Message<?> message = in.message();
        MessageType<?> type = message.getHeader().getType();
        ShellHandler handler = answers(type) ? connection.getHandler(type) : null;
        if (handler == null) {
            if (in.type().endsWith("_request") && connection.getHandler(type) != null) {
                RequestEnvironment env = environment(message);
                env.setStatusBusy();
                env.replyFailed(type, "WrongChannel", in.type() + " is served on the shell channel, not on control");
                env.setStatusIdle();
                log.log("refused " + in.type() + ": not served on the control channel");
            } else {
                log.log("dropped a message: msg_type '" + in.type() + "' is not served on this channel");
            }
            return;
        }
        RequestEnvironment env = environment(message);
        if (aborting && type == MessageType.EXECUTE_REQUEST) {
            env.replyAborted();
            return;
        }
        try {
            handler.handle(env, message);
        } catch (Throwable e) {
            log.log("error handling " + in.type() + ": " + e);
            if (!env.replied() && in.type().endsWith("_request")) {
                env.replyFailed(type, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        } finally {
            env.finish();
        }
        if (env.isMarkedForShutdown()) {
            loop.stop();
            connection.close();
        }
    }

    /** Answers every execute request waiting on the socket with an aborted reply (stop_on_error). */
    private void abortQueued() {
        for (List<byte[]> waiting = receive(this); waiting != null; waiting = receive(this)) {
            serve(waiting, true);
        }
    }

    private RequestEnvironment environment(Message<?> request) {
        return new RequestEnvironment(this, stdin, connection.getIOPub(), request, log, this::abortQueued);
    }

    /** Whether this channel serves messages of {@code type}: a handler exists and the channel takes them. */
    private boolean answers(MessageType<?> type) {
        return connection.getHandler(type) != null && (!isControl || CONTROL_REQUESTS.contains(type));
    }

    /** Busy, an error reply, idle: for a request that was correctly signed but does not parse. */
    private void replyBadRequest(BadMessage.Request r, String reason) {
        byte[] parent = r.header();
        JupyterSocket iopub = connection.getIOPub();
        WireMessage.send(iopub, codec.hmac(), List.of(), header(r.session(), "status"), parent, status("busy"));
        JsonObject error = new JsonObject();
        error.addProperty("status", "error");
        error.addProperty("ename", "BadRequest");
        error.addProperty("evalue", reason);
        error.add("traceback", new JsonArray());
        WireMessage.send(this, codec.hmac(), r.identities(), header(r.session(), r.replyType()), parent, bytes(error));
        WireMessage.send(iopub, codec.hmac(), List.of(), header(r.session(), "status"), parent, status("idle"));
    }

    private static byte[] header(String session, String type) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("username", Header.KERNEL_USERNAME);
        h.addProperty("session", session);
        h.addProperty("date", KernelTimestamp.now().getDateString());
        h.addProperty("msg_type", type);
        h.addProperty("version", Header.PROTOCOL_VERISON);
        return bytes(h);
    }

    private static byte[] status(String state) {
        JsonObject s = new JsonObject();
        s.addProperty("execution_state", state);
        return bytes(s);
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        loop.stop();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        loop.await();
    }
}
