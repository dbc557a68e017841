package org.reprolab.kernel.protocol;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.reprolab.kernel.execution.ErrorReport;

/**
 * Reply contents that the Jupyter protocol (v5.3) requires and jjava-jupyter 1.0-a6 lacks: a {@code status} on
 * kernel_info, history, shutdown and interrupt replies, history entries as {@code [session, line, input]}
 * arrays, and the {@code payload} of execute replies (the pager).
 */
final class Replies {

    private Replies() {}

    /** Replies to {@code request} with {@code content} (one of these classes) as a {@code type} message. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void send(ShellReplyEnvironment env, MessageContext request, MessageType<?> type, Object content) {
        env.reply(new Message(request, type, content));
    }

    /** kernel_info_reply with its status. */
    static final class KernelInfo extends KernelInfoReply {
        final String status = "ok";

        KernelInfo(String protocol, String name, String version, LanguageInfo lang, String banner,
                List<HelpLink> links) {
            super(protocol, name, version, lang, banner, links);
        }
    }

    /** execute_reply of a cell that ran. */
    static final class ExecuteOk {
        final String status = "ok";
        @SerializedName("execution_count")
        final int executionCount;
        @SerializedName("user_expressions")
        final Map<String, Object> userExpressions;
        final List<Map<String, Object>> payload;

        ExecuteOk(int executionCount, Map<String, Object> userExpressions, List<Map<String, Object>> payload) {
            this.executionCount = executionCount;
            this.userExpressions = userExpressions;
            this.payload = payload;
        }
    }

    /** execute_reply of a cell that failed. */
    static final class ExecuteError {
        final String status = "error";
        @SerializedName("execution_count")
        final int executionCount;
        final String ename;
        final String evalue;
        final List<String> traceback;
        @SerializedName("user_expressions")
        final Map<String, Object> userExpressions = Map.of();
        final List<Object> payload = List.of();

        ExecuteError(int executionCount, ErrorReport e) {
            this.executionCount = executionCount;
            this.ename = e.ename();
            this.evalue = e.evalue();
            this.traceback = e.traceback();
        }
    }

    /** history_reply: entries are {@code [session, line, input]} or {@code [session, line, [input, output]]}. */
    static final class History {
        final String status = "ok";
        final List<List<Object>> history;

        History(List<List<Object>> history) {
            this.history = history;
        }
    }

    /** shutdown_reply. */
    static final class Shutdown {
        final String status = "ok";
        final boolean restart;

        Shutdown(boolean restart) {
            this.restart = restart;
        }
    }

    /** execute_reply of a request aborted after an earlier cell failed (stop_on_error). */
    static final class Aborted {
        final String status = "aborted";
    }

    /** interrupt_reply and other replies with nothing but a status. */
    static final class Ok {
        final String status = "ok";
    }

    /** comm_info_reply. */
    static final class CommInfo {
        final String status = "ok";
        final Map<String, Map<String, String>> comms;

        CommInfo(Map<String, Map<String, String>> comms) {
            this.comms = comms;
        }
    }
}
