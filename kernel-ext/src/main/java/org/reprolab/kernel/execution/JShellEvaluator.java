package org.reprolab.kernel.execution;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Java evaluation on JShell: splits a cell into snippets, evaluates them in order, and returns the value of the
 * last one when it is an expression (a trailing {@code ;} hides it, as in IPython). Also completion, inspection
 * (signatures, and javadoc where the JDK's sources are installed) and the is-complete check.
 *
 * <p>JShell is not thread-safe: every call holds one lock. A snippet that calls back into the evaluator while
 * its own cell holds the lock gets a clear error instead of a corrupted compiler.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** The value of a cell that has none to show. */
    public static final Object NO_VALUE = new Object();

    private static final java.util.regex.Pattern SNIPPET_CLASS =
            java.util.regex.Pattern.compile("^REPL\\.\\$JShell\\$(\\d+)[A-Z]?(?:\\$(.*))?$");

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final KernelExecutionControl control;
    private final ReentrantLock lock = new ReentrantLock();
    /** Where each snippet came from: cell and line, to show cell lines in stack traces. */
    private final java.util.Map<String, Origin> origins = new java.util.concurrent.ConcurrentHashMap<>();

    private record Origin(Snippet snippet, int cell, int line) { }

    /**
     * JShell on {@code control}; its own diagnostics go to the kernel's {@code kernelOut} and {@code kernelErr}.
     */
    public JShellEvaluator(KernelExecutionControl control, PrintStream kernelOut, PrintStream kernelErr,
            List<String> compilerOptions) {
        this.control = control;
        this.shell = JShell.builder().out(kernelOut).err(kernelErr)
                .executionEngine(control.provider(), java.util.Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new)).build();
        this.analysis = shell.sourceCodeAnalysis();
    }

    /** A compile error, with the offending span marked. */
    static final class CompileException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final List<String> report;

        CompileException(String message, List<String> report) {
            super(message);
            this.report = List.copyOf(report);
        }
    }

    /** A snippet threw: {@link #user} is the cell's own throwable, with its real class. */
    static final class UserException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Throwable user;

        UserException(Throwable user) {
            super(user.getMessage(), user, false, false);
            this.user = user;
        }
    }

    /**
     * Evaluates {@code code}, whose first line is line {@code firstLine} of its cell (for error messages).
     *
     * @return the value to show, or {@link #NO_VALUE}
     */
    public Object eval(String code, int firstLine) {
        lockOrFail();
        try {
            control.clearValues();
            Object last = NO_VALUE;
            String remaining = code;
            int consumed = 0;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(remaining);
                Completeness c = ci.completeness();
                if (c == Completeness.EMPTY) {
                    break;
                }
                String raw = c.isComplete() ? ci.source() : remaining;
                String source = raw.stripLeading(); // so that cell lines map to the snippet's own lines
                int at = remaining.indexOf(stripAddedSemicolon(source, c));
                int offset = consumed + Math.max(at, 0);
                String next = c.isComplete() ? ci.remaining() : "";
                consumed += remaining.length() - next.length();
                remaining = next;
                last = evalSnippet(source, code, offset, firstLine);
                if (c == Completeness.COMPLETE && source.stripTrailing().endsWith(";")) {
                    last = NO_VALUE; // the user's own semicolon hides the value
                }
            }
            return last;
        } finally {
            lock.unlock();
        }
    }

    private static String stripAddedSemicolon(String source, Completeness c) {
        return c == Completeness.COMPLETE_WITH_SEMI && source.endsWith(";")
                ? source.substring(0, source.length() - 1) : source;
    }

    private Object evalSnippet(String source, String cellCode, int offset, int firstLine) {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        Cell cell = Cell.running();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // a dependent snippet changed status; not this evaluation's result
            }
            Snippet s = e.snippet();
            origins.put(s.id(), new Origin(s, cell == null ? 0 : cell.count, firstLine + countLines(cellCode, offset)));
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(s, cellCode, offset, firstLine);
            }
            JShellException ex = e.exception();
            if (ex != null) {
                Throwable user = control.takeUserThrowable();
                if (user != null && ex instanceof EvalException) {
                    throw new UserException(user);
                }
                if (ex instanceof UnresolvedReferenceException ure) {
                    throw new UserException(new IllegalStateException(unresolvedMessage(ure.getSnippet())));
                }
                throw new UserException(user != null ? user : ex);
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                System.err.println(unresolvedMessage((jdk.jshell.DeclarationSnippet) s));
            }
            if (isValue(s)) {
                Object v = control.takeValue(e.value());
                value = v == null ? NO_VALUE : v;
            } else {
                value = NO_VALUE;
            }
        }
        return value;
    }

    private String unresolvedMessage(jdk.jshell.DeclarationSnippet s) {
        List<String> missing = shell.unresolvedDependencies(s).collect(Collectors.toList());
        return s.subKind().toString().toLowerCase(Locale.ROOT).replace("_subkind", "").replace('_', ' ') + " "
                + s.name() + " refers to " + String.join(", ", missing)
                + ", not declared yet; it can be used once " + (missing.size() == 1 ? "that is" : "those are")
                + " declared";
    }

    private static boolean isValue(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION
                || (s.kind() == Snippet.Kind.VAR && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    }

    private CompileException compileError(Snippet s, String cellCode, int offset, int firstLine) {
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            diags = shell.diagnostics(s).collect(Collectors.toList());
        }
        List<String> report = new ArrayList<>();
        String first = "the snippet was rejected";
        String src = s.source();
        for (Diag d : diags) {
            // JShell's wrapper class has no name worth showing
            String msg = d.getMessage(Locale.ROOT).replaceAll("\n\\s*location: class\\s*(?=\n|$)", "");
            int start = (int) Math.max(0, d.getStartPosition());
            int end = (int) Math.max(start + 1, d.getEndPosition());
            int cellStart = Math.min(offset + start, cellCode.length());
            int line = firstLine + countLines(cellCode, cellStart);
            if (report.isEmpty()) {
                first = "line " + line + ": " + firstLine(msg);
                String more = msg.contains("\n") ? msg.substring(msg.indexOf('\n') + 1) : "";
                if (!more.isBlank()) {
                    report.add("    " + more.replace("\n", "\n    "));
                }
            } else {
                report.add("line " + line + ": " + msg.replace("\n", "\n    "));
            }
            int lineStart = src.lastIndexOf('\n', Math.max(0, Math.min(start, src.length()) - 1)) + 1;
            int lineEnd = src.indexOf('\n', Math.min(start, src.length()));
            if (lineEnd < 0) {
                lineEnd = src.length();
            }
            if (lineStart <= lineEnd && start <= src.length()) {
                String text = src.substring(lineStart, lineEnd);
                int from = start - lineStart;
                int to = Math.min(end, lineEnd) - lineStart;
                report.add("    " + text);
                report.add("    " + " ".repeat(Math.max(0, from)) + "^" + "~".repeat(Math.max(0, to - from - 1)));
            }
        }
        return new CompileException(first, report);
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static int countLines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }


    /**
     * A stack frame as the user wrote it: code from cells shows as {@code method(cell [N] line L)}, other
     * frames as usual.
     */
    public String frame(StackTraceElement e) {
        java.util.regex.Matcher m = SNIPPET_CLASS.matcher(e.getClassName());
        if (!m.matches()) {
            return e.toString();
        }
        String owner = m.group(2) == null ? "" : m.group(2).replace('$', '.') + ".";
        String method = e.getMethodName().equals("do_it$") ? "<cell>" : e.getMethodName();
        Origin o = origins.get(m.group(1));
        String where = "cell";
        if (o != null) {
            where = (o.cell > 0 ? "cell [" + o.cell + "]" : "cell");
            int line = sourceLine(o.snippet, e.getLineNumber());
            if (line >= 0) {
                where += " line " + (o.line + line);
            }
        }
        return owner + method + "(" + where + ")";
    }

    /** The 0-based line in the snippet's source of line {@code wrappedLine} of its wrapper class; -1 if unknown. */
    private int sourceLine(Snippet s, int wrappedLine) {
        if (wrappedLine <= 0 || !lock.tryLock()) {
            return -1;
        }
        try {
            SourceCodeAnalysis.SnippetWrapper w = analysis.wrapper(s);
            String wrapped = w.wrapped();
            int pos = 0;
            for (int l = 1; l < wrappedLine && pos >= 0; l++) {
                pos = wrapped.indexOf('\n', pos) + 1;
                if (pos == 0) {
                    return -1;
                }
            }
            int end = wrapped.indexOf('\n', pos);
            end = end < 0 ? wrapped.length() : end;
            for (int p = pos; p < end; p++) {
                int src = w.wrappedToSourcePosition(p);
                if (src >= 0) {
                    return countLines(s.source(), src);
                }
            }
            return -1;
        } catch (RuntimeException ex) {
            return -1;
        } finally {
            lock.unlock();
        }
    }

    /** Completions at {@code cursor}: the replacement texts and the start of the text they replace. */
    Completions complete(String code, int cursor) {
        lockOrFail();
        try {
            int[] anchor = {-1};
            List<SourceCodeAnalysis.Suggestion> s = analysis.completionSuggestions(code, cursor, anchor);
            Set<String> seen = new LinkedHashSet<>();
            boolean anyTypeMatch = s.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
            for (SourceCodeAnalysis.Suggestion x : s) {
                if (!anyTypeMatch || x.matchesType()) {
                    seen.add(x.continuation());
                }
            }
            return new Completions(List.copyOf(seen), anchor[0] < 0 ? cursor : anchor[0]);
        } finally {
            lock.unlock();
        }
    }

    /** Completion candidates and where their replacement starts. */
    record Completions(List<String> matches, int start) { }

    /** Signature and javadoc (where available) of what is at {@code cursor}; empty when nothing is known. */
    String documentation(String code, int cursor) {
        lockOrFail();
        try {
            List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, cursor, true);
            if (docs.isEmpty()) {
                // JShell documents a method only inside its call: retry as "name(" at the end of the identifier
                int end = Math.min(cursor, code.length());
                while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                docs = analysis.documentation(code.substring(0, end) + "(", end + 1, true);
            }
            StringBuilder out = new StringBuilder();
            for (SourceCodeAnalysis.Documentation d : docs) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(d.signature());
                String javadoc = d.javadoc() != null && !d.javadoc().isBlank() ? d.javadoc()
                        : LibraryDocs.forSignature(d.signature());
                if (javadoc != null && !javadoc.isBlank()) {
                    out.append("\n").append(javadoc.strip());
                }
            }
            if (out.length() == 0) {
                String name = identifierAt(code, cursor);
                shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive())
                        .reduce((a, b) -> b)
                        .ifPresent(v -> out.append(v.typeName()).append(' ').append(v.name()));
            }
            return out.toString();
        } finally {
            lock.unlock();
        }
    }

    private static String identifierAt(String code, int cursor) {
        int a = Math.min(cursor, code.length());
        int b = a;
        while (a > 0 && Character.isJavaIdentifierPart(code.charAt(a - 1))) {
            a--;
        }
        while (b < code.length() && Character.isJavaIdentifierPart(code.charAt(b))) {
            b++;
        }
        return code.substring(a, b);
    }

    /** Jupyter's is_complete: {@code complete}, {@code invalid}, or the indent of the next line. */
    String isComplete(String code) {
        lockOrFail();
        try {
            String remaining = code;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(remaining);
                switch (ci.completeness()) {
                    case COMPLETE, COMPLETE_WITH_SEMI -> remaining = ci.remaining();
                    case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                        return "    ";
                    }
                    case EMPTY -> remaining = "";
                    default -> {
                        return "invalid";
                    }
                }
            }
            return "complete";
        } finally {
            lock.unlock();
        }
    }

    /** Adds jars or folders to the compiler's and the cell loader's class path. */
    public void addToClasspath(String path) {
        lockOrFail();
        try {
            shell.addToClasspath(path);
        } finally {
            lock.unlock();
        }
    }

    /** The active variables: {@code type name}, for {@code %who}-style listings and tests. */
    List<VarSnippet> variables() {
        lockOrFail();
        try {
            return shell.variables().filter(v -> shell.status(v).isActive()).collect(Collectors.toList());
        } finally {
            lock.unlock();
        }
    }

    private void lockOrFail() {
        if (!lock.tryLock()) {
            if (!lock.isHeldByCurrentThread()) {
                // the holder is a cell waiting for this very thread: waiting would deadlock
                if (Cell.current() != null && Thread.currentThread().getName().startsWith("reprolab-cell-")) {
                    throw new IllegalStateException("Java code cannot be evaluated from inside a running snippet "
                            + "(eval() in a cell); put it in the cell itself");
                }
                lock.lock();
            }
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
