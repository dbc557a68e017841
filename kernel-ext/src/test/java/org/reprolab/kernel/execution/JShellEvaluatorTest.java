package org.reprolab.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JShell layer on snippets, without Jupyter: values, errors, completion, is-complete, inspection. */
class JShellEvaluatorTest {

    private static SnippetLoader loader;
    private static CellRunner runner;
    private static JShellEvaluator eval;
    private static Cell cell;

    @BeforeAll
    static void start() {
        loader = new SnippetLoader(JShellEvaluatorTest.class.getClassLoader());
        runner = new CellRunner(loader.classLoader(), 500, 0);
        eval = new JShellEvaluator(new KernelExecutionControl(loader, runner), System.out, System.err, List.of());
        cell = new Cell(null, null, 1, true);
        cell.start();
    }

    @AfterAll
    static void stop() {
        cell.finish();
        eval.close();
        runner.shutdown();
    }

    @Test
    void lastExpressionIsTheValueAndItIsTheRealObject() {
        assertEquals(42, eval.eval("int a = 6;\na * 7", 1));
        Object list = eval.eval("java.util.List.of(1, 2)", 1);
        assertEquals(List.of(1, 2), list);
        assertSame(JShellEvaluator.NO_VALUE, eval.eval("int b = 3;", 1));
        assertSame(JShellEvaluator.NO_VALUE, eval.eval("a * 7;", 1), "a trailing semicolon hides the value");
        assertSame(JShellEvaluator.NO_VALUE, eval.eval("void f() { }", 1));
    }

    @Test
    void compileErrorsNameTheCellLineAndMarkTheSpan() {
        var e = assertThrows(JShellEvaluator.CompileException.class, () -> eval.eval("int ok = 1;\nint bad = \"text\";", 4));
        assertTrue(e.getMessage().startsWith("line 5: incompatible types"), e.getMessage());
        assertTrue(e.report.contains("    int bad = \"text\";"), e.report.toString());
        assertTrue(e.report.stream().anyMatch(l -> l.trim().equals("^~~~~~")), e.report.toString());
    }

    @Test
    void userExceptionsKeepTheirClassAndTheCellLine() {
        var e = assertThrows(JShellEvaluator.UserException.class,
                () -> eval.eval("int z = 0;\nint q = 1 / z;", 1));
        assertInstanceOf(ArithmeticException.class, e.user);
        ErrorReport r = ErrorReport.of(e, eval::frame);
        assertEquals("ArithmeticException", r.ename());
        assertTrue(r.traceback().stream().anyMatch(l -> l.contains("(cell [1] line 2)")), r.traceback().toString());
        assertTrue(r.traceback().stream().noneMatch(l -> l.contains("org.reprolab.kernel")), r.traceback().toString());
    }

    @Test
    void systemExitIsRefused() {
        var e = assertThrows(JShellEvaluator.UserException.class, () -> eval.eval("System.exit(0)", 1));
        assertInstanceOf(ExitCalls.KernelExitException.class, e.user);
        assertEquals(2, eval.eval("1 + 1", 1), "the evaluator keeps working");
    }

    @Test
    void errorsInCellsDoNotEscapeAsErrors() {
        var e = assertThrows(JShellEvaluator.UserException.class, () -> eval.eval("int r(int n) { return r(n + 1); }\nr(0)", 1));
        assertInstanceOf(StackOverflowError.class, e.user);
    }

    @Test
    void completionIsCompleteAndDocumentation() {
        JShellEvaluator.Completions c = eval.complete("System.currentTimeMil", 21);
        assertEquals(List.of("currentTimeMillis()"), c.matches());
        assertEquals(7, c.start());
        assertEquals("complete", eval.isComplete("1 + 1"));
        assertEquals("    ", eval.isComplete("void f() {"));
        assertEquals("invalid", eval.isComplete("}"));
        assertTrue(eval.documentation("Math.max", 8).contains("Math.max(int"), eval.documentation("Math.max", 8));
    }
}
