package org.reprolab.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;

/**
 * Runs a cell's text: its Java through JShell and its magics through jjava's registry, in the order the cell
 * writes them ({@link CellParser}). JShell compiles on the calling (shell) thread; snippets and magics run on a
 * {@link CellRunner} worker of the cell, so nothing a cell does can reach the thread that serves Jupyter.
 */
public final class CellExecutor {

    private final BaseKernel kernel;
    private final JShellEvaluator evaluator;
    private final CellRunner runner;

    /** Runs Java on {@code evaluator}, magics (which get {@code kernel}) on {@code runner}. */
    public CellExecutor(BaseKernel kernel, JShellEvaluator evaluator, CellRunner runner) {
        this.kernel = kernel;
        this.evaluator = evaluator;
        this.runner = runner;
    }

    /**
     * Runs the parts of {@code code} in order inside {@code cell}; {@code expr?} parts add a pager entry to
     * {@code payload}.
     *
     * @return the last part's value, or {@link JShellEvaluator#NO_VALUE}
     */
    public Object run(Cell cell, String code, List<Map<String, Object>> payload) throws Exception {
        MagicsRegistry magics = kernel.getMagicsRegistry();
        Object last = JShellEvaluator.NO_VALUE;
        for (CellParser.Part part : CellParser.parse(code)) {
            if (part instanceof CellParser.Code c) {
                last = evaluator.eval(c.source(), c.firstLine());
            } else if (part instanceof CellParser.LineMagic m) {
                last = magic(cell, m.name(), () -> magics.evalLineMagic(kernel, m.name(), m.args()));
            } else if (part instanceof CellParser.CellMagic m) {
                last = magic(cell, "%" + m.name(), () -> magics.evalCellMagic(kernel, m.name(), m.args(), m.body()));
            } else if (part instanceof CellParser.Help h) {
                String doc = evaluator.documentation(h.expression(), h.expression().length());
                if (doc.isEmpty()) {
                    throw new UsageException("no documentation found for '" + h.expression() + "'");
                }
                payload.add(Map.of("source", "page", "data", Map.of("text/plain", doc), "start", 0));
                last = JShellEvaluator.NO_VALUE;
            }
        }
        return last;
    }

    /** Runs a cell's text (code and magics) inside the running cell, for a magic ({@code %load}, {@code %time}). */
    public Object runNested(String code) throws Exception {
        Cell cell = Cell.running();
        if (cell == null) {
            throw new IllegalStateException("no cell is running");
        }
        return run(cell, code.replace("\r\n", "\n"), new ArrayList<>());
    }

    private Object magic(Cell cell, String name, Callable<Object> call) throws Exception {
        try {
            Object v = runner.run(cell, call);
            return v == null ? JShellEvaluator.NO_VALUE : v;
        } catch (UndefinedMagicException e) {
            throw unknownMagic(name);
        } catch (RuntimeException e) {
            // a registry that wraps its exceptions: unwrap an UndefinedMagicException anyway
            if (e.getCause() instanceof UndefinedMagicException) {
                throw unknownMagic(name);
            }
            throw e;
        }
    }

    private UsageException unknownMagic(String name) {
        return new UsageException("unknown magic %" + name + "; valid: " + validNames(kernel.getMagicsRegistry()));
    }

    /** {@code %a, %b, %%c}: every magic the registry knows. */
    static String validNames(MagicsRegistry registry) {
        List<String> names = new ArrayList<>();
        new TreeSet<>(registry.getLineMagicNames()).forEach(n -> names.add("%" + n));
        new TreeSet<>(registry.getCellMagicNames()).forEach(n -> names.add("%%" + n));
        return String.join(", ", names);
    }
}
