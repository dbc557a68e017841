package org.reprolab.kernel.execution;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * Completion, inspection and the is-complete check for cells that mix Java and magics: magic names complete
 * from the registry, everything else goes to JShell with the magic lines blanked out (same offsets).
 */
public final class CodeAssist {

    /** A line that is a magic name being typed: {@code %dev}, {@code %%ti}. */
    private static final Pattern MAGIC_NAME = Pattern.compile("^\\s*(%%?)([\\w-]*)$");

    private final JShellEvaluator evaluator;
    private final MagicsRegistry magics;

    /** Assistance from {@code evaluator}, with magic names from {@code magics}. */
    public CodeAssist(JShellEvaluator evaluator, MagicsRegistry magics) {
        this.evaluator = evaluator;
        this.magics = magics;
    }

    /** Signature and javadoc of what is at {@code at}, or null when nothing is known. */
    public DisplayData inspect(String code, int at) {
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

    /** Completions at {@code at}: magic names after {@code %} or {@code %%}, JShell's suggestions elsewhere. */
    public ReplacementOptions complete(String code, int at) {
        try {
            int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            String line = code.substring(lineStart, Math.min(at, code.length()));
            Matcher m = MAGIC_NAME.matcher(line);
            if (m.matches()) {
                String prefix = m.group(2);
                Set<String> names = m.group(1).equals("%%") ? magics.getCellMagicNames() : magics.getLineMagicNames();
                List<String> hits = names.stream().filter(n -> n.startsWith(prefix)).sorted().toList();
                return new ReplacementOptions(hits, at - prefix.length(), at);
            }
            JShellEvaluator.Completions c = evaluator.complete(CellParser.javaOnly(code), at);
            return new ReplacementOptions(c.matches(), c.start(), at);
        } catch (Throwable t) {
            throw new RuntimeException("completion failed: " + t, t);
        }
    }

    /** Jupyter's is_complete: a cell magic or a cell of line magics is complete; Java is up to JShell. */
    public String isComplete(String code) {
        try {
            String c = code.replace("\r\n", "\n");
            if (c.stripLeading().startsWith("%%")) {
                return BaseKernel.IS_COMPLETE_YES;
            }
            String java = CellParser.javaOnly(c);
            return java.isBlank() ? BaseKernel.IS_COMPLETE_YES : evaluator.isComplete(java);
        } catch (Throwable t) {
            return BaseKernel.IS_COMPLETE_MAYBE;
        }
    }
}
