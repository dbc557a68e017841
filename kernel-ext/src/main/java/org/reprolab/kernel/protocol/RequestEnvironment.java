package org.reprolab.kernel.protocol;

import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;

/**
 * jjava's reply environment for one request, noting what its handler did: whether it replied, whether it
 * left the kernel busy; on stop_on_error it has the channel abort the execute requests waiting.
 * The channel uses that to finish what a failing handler left undone.
 */
final class RequestEnvironment extends ShellReplyEnvironment {

    private final ChannelLog log;
    private final Runnable abortQueued;
    private boolean replied;
    private boolean busy;

    RequestEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext request,
            ChannelLog log, Runnable abortQueued) {
        super(shell, stdin, iopub, request);
        this.log = log;
        this.abortQueued = abortQueued;
    }

    @Override
    public void reply(Message<?> msg) {
        replied = true;
        super.reply(msg);
    }

    @Override
    public void publish(Message<?> msg) {
        if (msg.getContent() == PublishStatus.BUSY) {
            busy = true;
        } else if (msg.getContent() == PublishStatus.IDLE) {
            busy = false;
        }
        super.publish(msg);
    }

    boolean replied() {
        return replied;
    }

    /** An error reply to the request, of the reply type that goes with {@code requestType}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void replyFailed(MessageType<?> requestType, String ename, String evalue) {
        MessageType<?> replyType = MessageType.getType(requestType.getName().replace("_request", "_reply"));
        reply(new Message(getContext(), replyType.error(), new ErrorReply(ename, evalue, List.of())));
    }

    /** Busy, an execute_reply with {@code status: aborted}, idle: how ipykernel answers an aborted request. */
    void replyAborted() {
        setStatusBusy();
        Replies.send(this, getContext(), MessageType.EXECUTE_REPLY, new Replies.Aborted());
        setStatusIdle();
    }

    /**
     * stop_on_error: the execute requests waiting now get aborted replies. Called before the failed cell's
     * reply goes out, so that only requests sent before the client saw the failure are aborted; one sent in
     * answer to the reply always runs.
     */
    void abortWaitingExecutes() {
        abortQueued.run();
    }

    /** Sends what the handler deferred, and idle if it left the kernel busy. */
    void finish() {
        try {
            resolveDeferrals();
        } catch (RuntimeException e) {
            log.log("error finishing a reply: " + e);
        }
        if (busy) {
            setStatusIdle();
        }
    }
}
