package org.reprolab.kernel;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Progress;
import org.reprolab.kernel.execution.Cell;
import org.reprolab.kernel.execution.CellExecutor;
import org.reprolab.kernel.execution.CellRunner;
import org.reprolab.kernel.execution.CellStreams;
import org.reprolab.kernel.execution.CodeAssist;
import org.reprolab.kernel.execution.ExitNotice;
import org.reprolab.kernel.execution.JShellEvaluator;
import org.reprolab.kernel.execution.KernelExecutionControl;
import org.reprolab.kernel.execution.SnippetLoader;
import org.reprolab.kernel.notebook.KernelHost;
import org.reprolab.kernel.notebook.KernelMagics;
import org.reprolab.kernel.notebook.Notebook;
import org.reprolab.kernel.notebook.NotebookProgress;
import org.reprolab.kernel.notebook.Renderers;
import org.reprolab.kernel.protocol.ExecuteHandler;
import org.reprolab.kernel.protocol.KernelRequests;
import org.reprolab.engine.Display;

/**
 * The Reprolab Java kernel: jjava-jupyter's protocol layer wired to our own parts. {@code protocol} answers
 * Jupyter's requests, {@code execution} runs cells with JShell in this JVM, {@code notebook} shows results and
 * holds the magics. This class only builds them and connects them to jjava's {@link BaseKernel}.
 *
 * <p>Execution: the shell thread parses a cell into Java code and magics; JShell compiles on the shell thread
 * and every piece of user code runs on a {@link CellRunner} worker, so an interrupt, a timeout or an
 * {@code Error} in a cell never reaches the thread that serves Jupyter.
 */
public final class ReprolabKernel extends BaseKernel implements KernelHost {

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
    private final JShellEvaluator evaluator;
    private final CellStreams streams;
    private final CellExecutor executor;
    private final CodeAssist assist;
    private final ExecuteHandler execute;
    private final KernelRequests requests;
    private volatile boolean shuttingDown;

    /** A kernel with {@code settings}; it serves once {@link #becomeHandlerForConnection} has run. */
    public ReprolabKernel(KernelSettings settings) {
        super("reprolab", Engines.reprolabVersion(),
                languageInfo(),
                List.of(new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
                        new HelpLink("DJL API", "https://javadoc.io/doc/ai.djl/api/latest/index.html")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), true,
                new StringStyler.Builder().build()); // the styler is unused: formatError is ours
        this.kernelOut = System.out;
        this.kernelErr = System.err;
        this.loader = new SnippetLoader(ReprolabKernel.class.getClassLoader());
        this.runner = new CellRunner(loader.classLoader(), settings.graceMillis(), settings.timeoutMillis());
        this.evaluator = new JShellEvaluator(new KernelExecutionControl(loader, runner), kernelOut, kernelErr,
                settings.compilerOptions());
        this.streams = new CellStreams(kernelOut, kernelErr);
        this.executor = new CellExecutor(this, evaluator, runner);
        this.assist = new CodeAssist(evaluator, getMagicsRegistry());
        this.execute = new ExecuteHandler(this, executor, runner, evaluator, settings.outputLimit());
        this.requests = new KernelRequests(this, execute, kernelErr);
    }

    /**
     * What the kernel reports as its language, which Jupyter stores in every notebook's metadata (so the
     * committed notebooks carry exactly this, and opening one does not mark it changed). The version is the
     * feature release ("17"), not the JDK's patch level, so a patch update does not change every notebook.
     */
    public static LanguageInfo languageInfo() {
        return new LanguageInfo("java", String.valueOf(Runtime.version().feature()), "text/x-java-source", ".jsh",
                "java", "text/x-java", "script");
    }

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
            return c == null ? null : NotebookProgress.target(c.state(), c::display, c::updateDisplay, false);
        }));
        ExitNotice.install(() -> shuttingDown);
        Cell warmup = new Cell(null, null, 0, true);
        warmup.start();
        long t2 = System.nanoTime();
        try {
            evaluator.eval(String.join("\n", STARTUP), 1);
            long t3 = System.nanoTime();
            evaluator.eval("1", 1);
            if ("1".equals(System.getenv("REPROLAB_KERNEL_TIMING"))) {
                kernelErr.printf("reprolab kernel: extensions %.0f ms, hooks %.0f ms, imports %.0f ms, "
                        + "first value %.0f ms%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (System.nanoTime() - t3) / 1e6);
            }
        } finally {
            warmup.finish();
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

    /** jjava's handlers for inspect, complete, is_complete and comms; ours for the other requests. */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        requests.register(connection);
    }

    /** How {@code Display.show} looks in a cell; outside cells, as text on the kernel's stdout. */
    private void show(Object o) {
        Cell c = Cell.current();
        if (c == null) {
            kernelOut.println(o);
        } else {
            Renderers.displays(getRenderer(), o).forEach(c::display);
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

    @Override
    public void addToClasspath(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        String cp = paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        evaluator.addToClasspath(cp);
        installExtensions(cp);
    }

    @Override
    public Object runNested(String code) throws Exception {
        return executor.runNested(code);
    }

    @Override
    public Object evalRaw(String source) {
        Object v = evaluator.eval(source, 1);
        return v == JShellEvaluator.NO_VALUE ? null : v;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assist.inspect(code, at);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assist.complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

    @Override
    public List<String> formatError(Throwable e) {
        return execute.report(e).traceback();
    }

    @Override
    public void interrupt() {
        runner.stop(Cell.running(), "interrupt");
    }
}
