package org.reprolab.kernel.protocol;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The kernel's handlers for the requests jjava-jupyter 1.0-a6 answers wrongly or not at all: execute (through
 * {@link ExecuteHandler}), kernel_info, history, interrupt and shutdown (their replies need a {@code status}),
 * and comm_info. Inspect, complete and is_complete keep jjava's handlers.
 */
public final class KernelRequests {

    private final BaseKernel kernel;
    private final ExecuteHandler execute;
    private final PrintStream log;

    /** Handlers for {@code kernel}; problems during shutdown go to {@code log} (the kernel's own stderr). */
    public KernelRequests(BaseKernel kernel, ExecuteHandler execute, PrintStream log) {
        this.kernel = kernel;
        this.execute = execute;
        this.log = log;
    }

    /** Installs the handlers on {@code connection}, replacing jjava's. */
    public void register(JupyterConnection connection) {
        connection.setHandler(MessageType.EXECUTE_REQUEST, execute::handle);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::kernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::history);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, this::interrupt);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::shutdown);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::commInfo);
    }

    private void kernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> msg) {
        env.setStatusBusy();
        env.reply(new Message<>(msg, MessageType.KERNEL_INFO_REPLY, new Replies.KernelInfo(Header.PROTOCOL_VERISON,
                kernel.getName(), kernel.getVersion(), kernel.getLanguageInfo(), kernel.getBanner(),
                kernel.getHelpLinks())));
        env.setStatusIdle();
    }

    private void history(ShellReplyEnvironment env, Message<HistoryRequest> msg) {
        env.setStatusBusy();
        HistoryRequest r = msg.getContent();
        boolean output = r.includeOutput();
        CellHistory history = execute.history();
        List<List<Object>> rows = switch (r.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) r).getMaxReturnLength(), output);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) r;
                yield history.range(range.getSessionIndex(), range.getStart(), range.getStop(), output);
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) r;
                yield history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique(), output);
            }
        };
        Replies.send(env, msg, MessageType.HISTORY_REPLY, new Replies.History(rows));
        env.setStatusIdle();
    }

    private void interrupt(ShellReplyEnvironment env, Message<InterruptRequest> msg) {
        Replies.send(env, msg, MessageType.INTERRUPT_REPLY, new Replies.Ok());
        kernel.interrupt();
    }

    private void shutdown(ShellReplyEnvironment env, Message<ShutdownRequest> msg) {
        boolean restart = msg.getContent().isRestart();
        env.setStatusBusy();
        Replies.send(env, msg, MessageType.SHUTDOWN_REPLY, new Replies.Shutdown(restart));
        env.setStatusIdle();
        try {
            kernel.onShutdown(restart);
        } catch (RuntimeException e) {
            log.println("reprolab: error during shutdown: " + e);
        }
        env.markForShutdown();
    }

    private void commInfo(ShellReplyEnvironment env, Message<CommInfoRequest> msg) {
        env.setStatusBusy();
        String target = msg.getContent().getTargetName();
        Map<String, Map<String, String>> comms = new LinkedHashMap<>();
        for (Comm c : kernel.getCommManager()) {
            if (target == null || target.equals(c.getTargetName())) {
                comms.put(c.getID(), Map.of("target_name", c.getTargetName()));
            }
        }
        Replies.send(env, msg, MessageType.COMM_INFO_REPLY, new Replies.CommInfo(comms));
        env.setStatusIdle();
    }
}
