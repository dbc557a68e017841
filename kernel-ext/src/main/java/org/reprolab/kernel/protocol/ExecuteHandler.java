package org.reprolab.kernel.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.reprolab.kernel.execution.Cell;
import org.reprolab.kernel.execution.CellExecutor;
import org.reprolab.kernel.execution.CellRunner;
import org.reprolab.kernel.execution.ErrorReport;
import org.reprolab.kernel.execution.JShellEvaluator;
import org.reprolab.kernel.execution.OutputLimit;

/**
 * execute_request, as the protocol (v5.3) has it: busy, execute_input, the cell's output, its result or error,
 * then the reply and idle, back to back, after the last output. Also {@code silent} (no output, no count),
 * {@code store_history}, {@code user_expressions}, the pager payload of {@code expr?}, and
 * {@code stop_on_error}: a failed cell has the execute requests waiting behind it aborted.
 */
public final class ExecuteHandler {

    private final BaseKernel kernel;
    private final CellExecutor executor;
    private final CellRunner runner;
    private final JShellEvaluator evaluator;
    private final IoBinding io;
    private final CellHistory history = new CellHistory();
    private final AtomicInteger executionCount = new AtomicInteger(1);
    private final OutputLimit outputLimit;

    /**
     * Runs cells of {@code kernel} with {@code executor} ({@code runner} and {@code evaluator} are its parts);
     * each cell's stdout and stderr reach the notebook up to {@code outputLimit}.
     */
    public ExecuteHandler(BaseKernel kernel, CellExecutor executor, CellRunner runner, JShellEvaluator evaluator,
            OutputLimit outputLimit) {
        this.kernel = kernel;
        this.executor = executor;
        this.runner = runner;
        this.evaluator = evaluator;
        this.outputLimit = outputLimit;
        this.io = new IoBinding(kernel.getIO());
    }

    CellHistory history() {
        return history;
    }

    /** Handles one execute_request (on the shell thread). */
    public synchronized void handle(ShellReplyEnvironment env, Message<ExecuteRequest> msg) {
        kernel.getCommManager().setMessageContext(msg);
        ExecuteRequest req = msg.getContent();
        boolean silent = req.isSilent();
        boolean store = req.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : Math.max(1, executionCount.get() - 1);
        String code = req.getCode() == null ? "" : req.getCode().replace("\r\n", "\n");
        Cell cell = new Cell(msg, env.getIopub(), count, silent, outputLimit);
        env.setStatusBusy();
        cell.publish(new PublishExecuteInput(code, count));
        io.attach(env, req.isStdinEnabled());
        cell.start();
        String textOut = null;
        Object content;
        try {
            List<Map<String, Object>> payload = new ArrayList<>();
            Object value = executor.run(cell, code, payload);
            cell.flush();
            if (value != JShellEvaluator.NO_VALUE && value != null) {
                DisplayData d = value instanceof DisplayData dd ? dd : kernel.getRenderer().render(value);
                Object plain = d.getData(MIMEType.TEXT_PLAIN);
                textOut = plain == null ? null : plain.toString();
                cell.publish(new PublishExecuteResult(count, d));
            }
            content = new Replies.ExecuteOk(count, userExpressions(req.getUserExpr()), payload);
        } catch (Throwable t) {
            ErrorReport e = report(t);
            cell.flush();
            cell.publish(new PublishError(e.ename(), e.evalue(), e.traceback()));
            content = new Replies.ExecuteError(count, e);
            if (req.shouldStopOnError() && !silent && env instanceof RequestEnvironment r) {
                r.abortWaitingExecutes();
            }
        }
        try {
            cell.finish();
            runner.finished(cell);
            io.detach(env);
            if (store) {
                history.add(count, req.getCode(), textOut);
            }
        } finally {
            // reply and idle back to back: clients read the idle status right after the reply
            Replies.send(env, msg, MessageType.EXECUTE_REPLY, content);
            env.setStatusIdle();
        }
    }

    /** The report of {@code t}, with cell lines in its stack frames. */
    public ErrorReport report(Throwable t) {
        return ErrorReport.safe(t, evaluator::frame);
    }

    private Map<String, Object> userExpressions(Map<String, String> exprs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (exprs == null) {
            return out;
        }
        for (Map.Entry<String, String> e : exprs.entrySet()) {
            try {
                Object v = evaluator.eval(e.getValue(), 1);
                DisplayData d = kernel.getRenderer().render(v == JShellEvaluator.NO_VALUE ? "" : v);
                Map<String, Object> data = new LinkedHashMap<>();
                for (String mime : List.of("text/plain", "text/html", "image/png")) {
                    Object x = d.getData(MIMEType.parse(mime));
                    if (x != null) {
                        data.put(mime, x);
                    }
                }
                out.put(e.getKey(), Map.of("status", "ok", "data", data, "metadata", Map.of()));
            } catch (Throwable t) {
                ErrorReport r = report(t);
                out.put(e.getKey(), Map.of("status", "error", "ename", r.ename(), "evalue", r.evalue(),
                        "traceback", r.traceback()));
            }
        }
        return out;
    }
}
