package org.reprolab.kernel.protocol;

import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * The stdin channel, for a cell that reads {@code System.in}: it sends input_request and waits for the
 * input_reply. Unlike jjava's, whatever else arrives is logged and dropped rather than taken for the answer:
 * messages that were waiting before the request, bad or wrongly signed ones, other types, and replies to an
 * earlier request. The wait ends when the cell is interrupted.
 */
final class GuardedStdinChannel extends StdinChannel {

    private static final int POLL_MS = 100;

    private final MessageCodec codec;
    private final ChannelLog log;
    private ZMQ.Poller poller;

    GuardedStdinChannel(ZMQ.Context ctx, MessageCodec codec, PrintStream log) {
        super(ctx, codec.hmac());
        this.codec = codec;
        this.log = new ChannelLog("stdin", log);
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        super.bind(props);
        poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
    }

    @Override
    public synchronized String getInput(MessageContext context, String prompt, boolean isPassword) {
        checkInterrupt(); // before any socket I/O: an interrupted thread would close jeromq's internal pipes
        for (List<byte[]> stale = PollingShellChannel.receive(this); stale != null;
                stale = PollingShellChannel.receive(this)) {
            log.log("dropped a message that arrived before an input request");
        }
        Message<InputRequest> request = new Message<>(context, InputRequest.MESSAGE_TYPE,
                new InputRequest(prompt, isPassword));
        sendMessage(request);
        String id = request.getHeader().getId();
        while (true) {
            checkInterrupt();
            if (poller.poll(POLL_MS) <= 0) {
                continue;
            }
            List<byte[]> frames = PollingShellChannel.receive(this);
            if (frames == null) {
                continue;
            }
            try {
                Message<?> m = codec.decode(frames).message();
                Header<?> parent = m.getParentHeader();
                if (m.getHeader().getType() != MessageType.INPUT_REPLY || !(m.getContent() instanceof InputReply r)) {
                    log.log("dropped a message: expected input_reply, got " + m.getHeader().getType().getName());
                } else if (parent != null && !id.equals(parent.getId())) {
                    log.log("dropped an input_reply to an earlier request");
                } else {
                    return r.getValue() + System.lineSeparator();
                }
            } catch (BadMessage e) {
                log.log("dropped a message: " + e.getMessage());
            }
        }
    }

    private static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for input"));
        }
    }
}
