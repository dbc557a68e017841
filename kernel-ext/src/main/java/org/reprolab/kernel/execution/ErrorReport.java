package org.reprolab.kernel.execution;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.reprolab.repro.ClaimsFailedException;
import org.reprolab.repro.Verdict;

/**
 * How a failed cell is reported: Jupyter's {@code ename}, {@code evalue} and {@code traceback}.
 * <ul>
 *   <li>compile errors: the message and the offending source line with the span underlined;</li>
 *   <li>exceptions: the real class and message, and a stack trace cut where the kernel's frames begin;</li>
 *   <li>failed claims: the verdicts, no stack (a red claim is a result, not a bug);</li>
 *   <li>bad magic calls, interrupts and timeouts: one line.</li>
 * </ul>
 *
 * @param ename exception name
 * @param evalue message
 * @param traceback lines, ANSI-coloured as Jupyter frontends expect
 */
public record ErrorReport(String ename, String evalue, List<String> traceback) {

    private static final String RED = "\u001b[0;31m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";
    private static final Pattern SNIPPET_PREFIX = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.");

    /**
     * The report of {@code t}; never fails: if building it does, a one-line report of {@code t}'s class and
     * message stands in.
     */
    public static ErrorReport safe(Throwable t, Function<StackTraceElement, String> frames) {
        try {
            return of(t, frames);
        } catch (Throwable again) {
            return new ErrorReport(t.getClass().getSimpleName(), String.valueOf(t.getMessage()),
                    List.of(t.getClass().getName() + ": " + t.getMessage()));
        }
    }

    /** The report of {@code t}; {@code frames} prints a stack frame (the evaluator maps cell frames to lines). */
    static ErrorReport of(Throwable t, Function<StackTraceElement, String> frames) {
        if (t instanceof JShellEvaluator.UserException u) {
            return ofUser(u.user, frames);
        }
        if (t instanceof CellRunner.ErrorInCell e && e.getCause() != null) {
            return ofUser(e.getCause(), frames);
        }
        if (t instanceof JShellEvaluator.CompileException c) {
            List<String> tb = new ArrayList<>();
            tb.add(BOLD_RED + "CompileError" + RESET + ": " + c.getMessage());
            c.report.forEach(l -> tb.add(l));
            return new ErrorReport("CompileError", c.getMessage(), tb);
        }
        if (t instanceof UsageException u) {
            return oneLine("UsageError", u.getMessage());
        }
        if (t instanceof CellRunner.CellStoppedException s) {
            return oneLine(s.ename, s.getMessage());
        }
        return ofUser(t, frames);
    }

    private static ErrorReport oneLine(String ename, String message) {
        return new ErrorReport(ename, message, List.of(BOLD_RED + ename + RESET + ": " + message));
    }


    /** A message without JShell's wrapper class names ({@code "REPL.$JShell$16.s" is null} becomes {@code "s"}). */
    static String clean(String message) {
        return message == null ? "" : SNIPPET_PREFIX.matcher(message).replaceAll("");
    }

    private static ErrorReport ofUser(Throwable t, Function<StackTraceElement, String> frames) {
        String ename = t.getClass().getSimpleName();
        String evalue = clean(t.getMessage());
        if (t instanceof ExitCalls.KernelExitException) {
            return oneLine("SystemExitRefused", evalue);
        }
        if (t instanceof CellRunner.CellStoppedException s) {
            return oneLine(s.ename, s.getMessage());
        }
        if (t instanceof ClaimsFailedException c) {
            List<String> tb = new ArrayList<>();
            String head = evalue.contains(":") ? evalue.substring(0, evalue.indexOf(':')) : evalue;
            tb.add(BOLD_RED + ename + RESET + ": " + head);
            for (Verdict v : c.failed()) {
                tb.add("  " + RED + v.oneLine() + RESET);
            }
            return new ErrorReport(ename, evalue, tb);
        }
        if (t instanceof ThreadDeath) {
            return oneLine("Interrupted", "the cell was stopped");
        }
        List<String> tb = new ArrayList<>();
        appendTrace(t, tb, "", new IdentityHashMap<>(), frames);
        return new ErrorReport(ename, evalue, tb);
    }

    private static void appendTrace(Throwable t, List<String> out, String prefix, Map<Throwable, Boolean> seen,
            Function<StackTraceElement, String> frames) {
        if (seen.put(t, Boolean.TRUE) != null) {
            out.add(prefix + "[circular reference: " + t + "]");
            return;
        }
        out.add(prefix + BOLD_RED + t.getClass().getName() + RESET
                + (t.getMessage() == null ? "" : ": " + clean(t.getMessage())));
        for (StackTraceElement e : trimmed(t.getStackTrace())) {
            out.add("\tat " + frames.apply(e));
        }
        if (t.getCause() != null && t.getCause() != t) {
            appendTrace(t.getCause(), out, "Caused by: ", seen, frames);
        }
    }

    /** The frames of the cell's own code and what it called: everything below the kernel is dropped. */
    static List<StackTraceElement> trimmed(StackTraceElement[] frames) {
        List<StackTraceElement> keep = new ArrayList<>();
        for (StackTraceElement e : frames) {
            String c = e.getClassName();
            if (c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.Method")
                    || (c.startsWith("org.reprolab.kernel.") && !keep.isEmpty())) {
                break;
            }
            if (c.startsWith(ExitCalls.class.getName())) {
                continue;
            }
            keep.add(e);
        }
        return keep;
    }
}
