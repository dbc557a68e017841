package org.reprolab.kernel;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterInputStream;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Progress;
import org.reprolab.repro.StepResult;
import org.reprolab.engine.Display;

/**
 * The Reprolab Java kernel: jjava-jupyter's protocol layer with our own JShell layer (evaluation, completion,
 * inspection, is-complete, history, interrupt, shutdown), IJava-compatible and Reprolab magics, and renderers
 * for charts, tables, results, images and arrays.
 *
 * <p>Execution: the shell thread parses a cell into Java code and magics ({@link CellParser}); JShell compiles
 * on the shell thread and every piece of user code (snippets and magics) runs on a {@link CellRunner} worker,
 * so an interrupt, a timeout or an {@code Error} in a cell never reaches the thread that serves Jupyter.
 */
public final class ReprolabKernel extends BaseKernel {

    /** JShell's default imports, plus the notebook functions ({@code display}, {@code clearOutput}, ...). */
    static final List<String> STARTUP = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static " + Notebook.class.getName() + ".*;");

    private final PrintStream kernelOut;
    private final PrintStream kernelErr;
    private final SnippetLoader loader;
    private final CellRunner runner;
    private final KernelExecutionControl control;
    private final JShellEvaluator evaluator;
    private final CellStreams streams;
    private final CellHistory history = new CellHistory();
    private final Method ioSetEnv;
    private final Method ioRetractEnv;

    private ReprolabKernel(Builder b) {
        super("reprolab", Engines.reprolabVersion(),
                new LanguageInfo("java", System.getProperty("java.version"), "text/x-java-source", ".jsh", "java",
                        "text/x-java", "script"),
                List.of(new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
                        new HelpLink("DJL API", "https://javadoc.io/doc/ai.djl/api/latest/index.html")),
                null, b.io(), b.comms(), b.renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", b.transpiler()), b.magics(), true, b.styler());
        this.kernelOut = System.out;
        this.kernelErr = System.err;
        this.loader = new SnippetLoader(ReprolabKernel.class.getClassLoader());
        this.runner = new CellRunner(loader.classLoader(), b.graceMillis, b.timeoutMillis);
        this.control = new KernelExecutionControl(loader, runner);
        this.evaluator = new JShellEvaluator(control, kernelOut, kernelErr, b.compilerOptions);
        this.streams = new CellStreams(kernelOut, kernelErr);
        try {
            ioSetEnv = JupyterIO.class.getDeclaredMethod("setEnv", ShellReplyEnvironment.class);
            ioRetractEnv = JupyterIO.class.getDeclaredMethod("retractEnv", ShellReplyEnvironment.class);
            ioSetEnv.setAccessible(true);
            ioRetractEnv.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava-jupyter changed: JupyterIO.setEnv is gone", e);
        }
    }

    /** A builder; settings come from the environment (see {@link KernelMain}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds the kernel. */
    public static final class Builder extends BaseKernelBuilder<Builder, ReprolabKernel> {
        private long graceMillis = 1000;
        private long timeoutMillis;
        private List<String> compilerOptions = List.of();

        /** How long an interrupted cell may take to stop on its own before it is stopped forcibly. */
        public Builder graceMillis(long ms) {
            this.graceMillis = ms;
            return this;
        }

        /** Per-cell timeout; 0 for none. */
        public Builder timeoutMillis(long ms) {
            this.timeoutMillis = ms;
            return this;
        }

        /** Extra javac options for cells. */
        public Builder compilerOptions(List<String> options) {
            this.compilerOptions = List.copyOf(options);
            return this;
        }

        JupyterIO io() {
            return buildJupyterIO(buildJupyterIOEncoding());
        }

        org.dflib.jjava.jupyter.kernel.comm.CommManager comms() {
            return buildCommManager();
        }

        org.dflib.jjava.jupyter.kernel.display.Renderer renderer() {
            return buildRenderer();
        }

        org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler transpiler() {
            return buildMagicTranspiler();
        }

        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics() {
            return buildMagicsRegistry();
        }

        org.dflib.jjava.jupyter.kernel.util.StringStyler styler() {
            return buildErrorStyler();
        }

        @Override
        public ReprolabKernel build() {
            return new ReprolabKernel(this);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Installs extensions, magics, the output streams and display hooks, and warms JShell up with the default
     * imports. Must run before the connection opens: JShell must not be used from two threads at once.
     */
    @Override
    public void onStartup() {
        long t0 = System.nanoTime();
        super.onStartup();
        long t1 = System.nanoTime();
        KernelMagics.register(getMagicsRegistry());
        streams.install();
        System.setIn(io.in);
        Display.setHook(this::show);
        Progress.setSink(new NotebookProgress(() -> {
            Cell c = Cell.current();
            return c == null ? null : new NotebookProgress.Target() {
                @Override
                public Map<Object, Object> state() {
                    return c.state;
                }

                @Override
                public void show(DisplayData data) {
                    c.display(data);
                }

                @Override
                public void update(DisplayData data) {
                    c.updateDisplay(data);
                }
            };
        }));
        Runtime.getRuntime().addShutdownHook(new Thread(this::reportUnexpectedExit, "reprolab-exit-notice"));
        Cell warmup = new Cell(null, null, 0, true);
        warmup.start();
        long t2 = System.nanoTime();
        try {
            evaluator.eval(String.join("\n", STARTUP), 1);
            long t3 = System.nanoTime();
            evaluator.eval("1", 1);
            if ("1".equals(System.getenv("REPROLAB_KERNEL_TIMING"))) {
                kernelErr.printf("reprolab kernel: extensions %.0f ms, hooks %.0f ms, imports %.0f ms, first value %.0f ms%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (System.nanoTime() - t3) / 1e6);
            }
        } finally {
            warmup.finish();
        }
    }

    private volatile boolean shuttingDown;

    /**
     * Reports a JVM exit that does not come from Jupyter (a library's {@code System.exit}, which the cell-code
     * rewrite cannot reach) to the running cell before the process ends; Jupyter then restarts the kernel.
     */
    private void reportUnexpectedExit() {
        Cell c = Cell.running();
        if (shuttingDown || c == null) {
            return;
        }
        try {
            c.flush();
            String msg = "the JVM is exiting: System.exit or Runtime.exit was called outside cell code (by a library); "
                    + "the kernel's state is lost and Jupyter restarts it";
            c.publish(new PublishError("KernelExit", msg, List.of("\u001b[1;31mKernelExit\u001b[0m: " + msg)));
            Thread.sleep(300); // let the message leave the socket
        } catch (Throwable ignored) {
            // exiting anyway
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        shuttingDown = true;
        runner.stop(Cell.running(), "interrupt");
        super.onShutdown(isRestarting);
        runner.shutdown();
        evaluator.close();
    }

    @Override
    protected ClassLoader getClassLoader() {
        return loader.classLoader();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfo);
    }

    // ------------------------------------------------------------------ execution

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> msg) {
        commManager.setMessageContext(msg);
        ExecuteRequest req = msg.getContent();
        boolean silent = req.isSilent();
        boolean store = req.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : Math.max(1, executionCount.get() - 1);
        String code = req.getCode() == null ? "" : req.getCode().replace("\r\n", "\n");
        Cell cell = new Cell(msg, env.getIopub(), count, silent);
        env.setStatusBusy();
        cell.publish(new PublishExecuteInput(code, count));
        attachIo(env, req.isStdinEnabled());
        cell.start();
        String textOut = null;
        Object content;
        try {
            List<Map<String, Object>> payload = new ArrayList<>();
            Object value = run(cell, code, payload);
            cell.flush();
            if (value != JShellEvaluator.NO_VALUE && value != null) {
                DisplayData d = value instanceof DisplayData dd ? dd : getRenderer().render(value);
                Object plain = d.getData(MIMEType.TEXT_PLAIN);
                textOut = plain == null ? null : plain.toString();
                cell.publish(new PublishExecuteResult(count, d));
            }
            content = new Replies.ExecuteOk(count, userExpressions(cell, req.getUserExpr()), payload);
        } catch (Throwable t) {
            ErrorReport e = report(t);
            cell.flush();
            cell.publish(new PublishError(e.ename(), e.evalue(), e.traceback()));
            content = new Replies.ExecuteError(count, e);
        }
        try {
            cell.finish();
            runner.finished(cell);
            detachIo(env);
            if (store) {
                history.add(count, req.getCode(), textOut);
            }
        } finally {
            // reply and idle back to back: clients read the idle status right after the reply
            reply(env, msg, MessageType.EXECUTE_REPLY, content);
            env.setStatusIdle();
        }
    }

    private ErrorReport report(Throwable t) {
        try {
            return ErrorReport.of(t, evaluator::frame);
        } catch (Throwable again) {
            return new ErrorReport(t.getClass().getSimpleName(), String.valueOf(t.getMessage()),
                    List.of(t.getClass().getName() + ": " + t.getMessage()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reply(ShellReplyEnvironment env, Message<?> request, MessageType<?> type, Object content) {
        env.reply(new Message(request, type, content));
    }

    /** Runs the parts of {@code code} in order; returns the last part's value or {@code NO_VALUE}. */
    private Object run(Cell cell, String code, List<Map<String, Object>> payload) throws Exception {
        Object last = JShellEvaluator.NO_VALUE;
        for (CellParser.Part part : CellParser.parse(code)) {
            if (part instanceof CellParser.Code c) {
                last = evaluator.eval(c.source(), c.firstLine());
            } else if (part instanceof CellParser.LineMagic m) {
                last = magic(cell, m.name(), () -> getMagicsRegistry().evalLineMagic(this, m.name(), m.args()));
            } else if (part instanceof CellParser.CellMagic m) {
                last = magic(cell, "%" + m.name(),
                        () -> getMagicsRegistry().evalCellMagic(this, m.name(), m.args(), m.body()));
            } else if (part instanceof CellParser.Help h) {
                String doc = evaluator.documentation(h.expression(), h.expression().length());
                if (doc.isEmpty()) {
                    throw new MagicArgs.UsageException("no documentation found for '" + h.expression() + "'");
                }
                payload.add(Map.of("source", "page", "data", Map.of("text/plain", doc), "start", 0));
                last = JShellEvaluator.NO_VALUE;
            }
        }
        return last;
    }

    private Object magic(Cell cell, String name, java.util.concurrent.Callable<Object> call) throws Exception {
        try {
            Object v = runner.run(cell, call);
            return v == null ? JShellEvaluator.NO_VALUE : v;
        } catch (UndefinedMagicException e) {
            throw new MagicArgs.UsageException("unknown magic %" + name + "; valid: "
                    + MagicHelp.validNames(getMagicsRegistry()));
        } catch (RuntimeException e) {
            // BaseNotebookStatics-style wrapping is not used here; unwrap an UndefinedMagicException anyway
            if (e.getCause() instanceof UndefinedMagicException) {
                throw new MagicArgs.UsageException("unknown magic %" + name + "; valid: "
                        + MagicHelp.validNames(getMagicsRegistry()));
            }
            throw e;
        }
    }

    /**
     * Runs a cell's text (code and magics) inside the running cell, from a magic ({@code %load}, {@code %time}).
     */
    Object runNested(String code) throws Exception {
        Cell cell = Cell.running();
        if (cell == null) {
            throw new IllegalStateException("no cell is running");
        }
        List<Map<String, Object>> ignored = new ArrayList<>();
        return run(cell, code.replace("\r\n", "\n"), ignored);
    }

    private Map<String, Object> userExpressions(Cell cell, Map<String, String> exprs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (exprs == null) {
            return out;
        }
        for (Map.Entry<String, String> e : exprs.entrySet()) {
            try {
                Object v = evaluator.eval(e.getValue(), 1);
                DisplayData d = getRenderer().render(v == JShellEvaluator.NO_VALUE ? "" : v);
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

    private void attachIo(ShellReplyEnvironment env, boolean stdin) {
        try {
            ioSetEnv.invoke(io, env);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        ((JupyterInputStream) io.in).setEnabled(stdin);
    }

    private void detachIo(ShellReplyEnvironment env) {
        try {
            ioRetractEnv.invoke(io, env);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How {@code Display.show} looks in a cell: a step's charts become separate PNG outputs. */
    void show(Object o) {
        Cell c = Cell.current();
        if (c == null) {
            kernelOut.println(o);
            return;
        }
        if (o instanceof StepResult s) {
            DisplayData d = new DisplayData();
            d.putText(s.toString());
            d.putHTML(Views.step(s, false));
            c.display(d);
            s.charts().values().forEach(chart -> c.display(getRenderer().render(chart)));
        } else {
            c.display(o instanceof DisplayData d ? d : getRenderer().render(o));
        }
    }

    @Override
    public void display(DisplayData data) {
        Cell c = Cell.current();
        if (c != null) {
            c.display(data);
        } else {
            super.display(data);
        }
    }

    void updateDisplay(DisplayData data) {
        Cell c = Cell.current();
        if (c != null) {
            c.updateDisplay(data);
        } else {
            io.display.updateDisplay(data);
        }
    }

    /** Adds jars or folders to the class path of cells, and loads the JJava extensions they carry. */
    void addToClasspath(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        String cp = paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        evaluator.addToClasspath(cp);
        installExtensions(cp);
    }

    // ------------------------------------------------------------------ BaseKernel's JShell hooks

    @Override
    public Object evalRaw(String source) {
        Object v = evaluator.eval(source, 1);
        return v == JShellEvaluator.NO_VALUE ? null : v;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        try {
            String doc = evaluator.documentation(CellParser.javaOnly(code), at);
            if (doc.isEmpty()) {
                return null;
            }
            DisplayData d = new DisplayData();
            d.putText(doc);
            return d;
        } catch (Throwable t) {
            throw new RuntimeException("inspect failed: " + t, t);
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        try {
            int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            String line = code.substring(lineStart, Math.min(at, code.length()));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(%%?)([\\w-]*)$").matcher(line);
            if (m.matches()) {
                String prefix = m.group(2);
                var names = m.group(1).equals("%%") ? getMagicsRegistry().getCellMagicNames()
                        : getMagicsRegistry().getLineMagicNames();
                List<String> hits = names.stream().filter(n -> n.startsWith(prefix)).sorted().toList();
                return new ReplacementOptions(hits, at - prefix.length(), at);
            }
            JShellEvaluator.Completions c = evaluator.complete(CellParser.javaOnly(code), at);
            return new ReplacementOptions(c.matches(), c.start(), at);
        } catch (Throwable t) {
            throw new RuntimeException("completion failed: " + t, t);
        }
    }

    @Override
    public String isComplete(String code) {
        try {
            String c = code.replace("\r\n", "\n");
            if (c.stripLeading().startsWith("%%")) {
                return IS_COMPLETE_YES;
            }
            String java = CellParser.javaOnly(c);
            return java.isBlank() ? IS_COMPLETE_YES : evaluator.isComplete(java);
        } catch (Throwable t) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        return report(e).traceback();
    }

    @Override
    public void interrupt() {
        runner.stop(Cell.running(), "interrupt");
    }

    // ------------------------------------------------------------------ other requests

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> msg) {
        env.setStatusBusy();
        env.reply(new Message<>(msg, MessageType.KERNEL_INFO_REPLY, new Replies.KernelInfo(Header.PROTOCOL_VERISON,
                getName(), getVersion(), getLanguageInfo(), getBanner(), getHelpLinks())));
        env.setStatusIdle();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> msg) {
        env.setStatusBusy();
        HistoryRequest r = msg.getContent();
        boolean output = r.includeOutput();
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
        reply(env, msg, MessageType.HISTORY_REPLY, new Replies.History(rows));
        env.setStatusIdle();
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> msg) {
        reply(env, msg, MessageType.INTERRUPT_REPLY, new Replies.Ok());
        interrupt();
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> msg) {
        boolean restart = msg.getContent().isRestart();
        env.setStatusBusy();
        reply(env, msg, MessageType.SHUTDOWN_REPLY, new Replies.Shutdown(restart));
        env.setStatusIdle();
        try {
            onShutdown(restart);
        } catch (RuntimeException e) {
            kernelErr.println("reprolab: error during shutdown: " + e);
        }
        env.markForShutdown();
    }

    private void handleCommInfo(ShellReplyEnvironment env, Message<CommInfoRequest> msg) {
        env.setStatusBusy();
        String target = msg.getContent().getTargetName();
        Map<String, Map<String, String>> comms = new LinkedHashMap<>();
        for (Comm c : commManager) {
            if (target == null || target.equals(c.getTargetName())) {
                comms.put(c.getID(), Map.of("target_name", c.getTargetName()));
            }
        }
        reply(env, msg, MessageType.COMM_INFO_REPLY, new Replies.CommInfo(comms));
        env.setStatusIdle();
    }
}
