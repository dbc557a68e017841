package org.reprolab.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and magics, in order, the way IJava notebooks write them:
 * <ul>
 *   <li>{@code %%name args} on the first line makes the whole cell a cell magic, with the rest as its body;</li>
 *   <li>a line that starts with {@code %name} (after spaces) is a line magic;</li>
 *   <li>{@code expression?} alone in a cell asks for its documentation (shown in the pager).</li>
 * </ul>
 * Everything else is Java, evaluated by JShell between the magics.
 */
final class CellParser {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z][\\w-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z][\\w-]*)([^\\n]*)(?:\\n([\\s\\S]*))?$");
    private static final Pattern HELP = Pattern.compile("^\\s*([A-Za-z_$][\\w$.]*(?:\\(\\))?)\\s*\\?\\s*$");

    private CellParser() {}

    /** One piece of a cell. */
    sealed interface Part permits Code, LineMagic, CellMagic, Help { }

    /** Java source starting at line {@code firstLine} (1-based) of the cell. */
    record Code(String source, int firstLine) implements Part { }

    /** {@code %name args}. */
    record LineMagic(String name, List<String> args, String rawArgs, int line) implements Part { }

    /** {@code %%name args} and the cell's other lines. */
    record CellMagic(String name, List<String> args, String body) implements Part { }

    /** {@code expr?}: documentation of {@code expr}. */
    record Help(String expression) implements Part { }

    /** The parts of {@code cell}, in order. */
    static List<Part> parse(String cell) {
        List<Part> parts = new ArrayList<>();
        Matcher cm = CELL_MAGIC.matcher(cell);
        if (cm.matches()) {
            parts.add(new CellMagic(cm.group(1), split(cm.group(2)), cm.group(3) == null ? "" : cm.group(3)));
            return parts;
        }
        Matcher help = HELP.matcher(cell);
        if (help.matches()) {
            parts.add(new Help(help.group(1)));
            return parts;
        }
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE_MAGIC.matcher(lines[i]);
            if (m.matches() && !lines[i].trim().startsWith("%%")) {
                flush(parts, code, codeStart);
                parts.add(new LineMagic(m.group(1), split(m.group(2)), m.group(2).trim(), i + 1));
                codeStart = i + 2;
            } else {
                if (code.length() == 0) {
                    codeStart = i + 1;
                }
                code.append(lines[i]).append('\n');
            }
        }
        flush(parts, code, codeStart);
        return parts;
    }

    private static void flush(List<Part> parts, StringBuilder code, int firstLine) {
        if (!code.toString().isBlank()) {
            parts.add(new Code(code.toString(), firstLine));
        }
        code.setLength(0);
    }

    /** {@code cell} with its magic lines blanked (same offsets), for completion and inspection. */
    static String javaOnly(String cell) {
        String[] lines = cell.split("\n", -1);
        StringBuilder out = new StringBuilder(cell.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            boolean magic = LINE_MAGIC.matcher(lines[i]).matches() || (i == 0 && lines[i].trim().startsWith("%%"));
            out.append(magic ? " ".repeat(lines[i].length()) : lines[i]);
        }
        return out.toString();
    }

    /**
     * Splits magic arguments like a shell: spaces separate, single or double quotes group, a backslash escapes
     * the next character.
     */
    static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char ch = args.charAt(i);
            if (ch == '\\' && i + 1 < args.length() && quote != '\'') {
                cur.append(args.charAt(++i));
                inToken = true;
            } else if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                inToken = true;
            } else if (Character.isWhitespace(ch)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(ch);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("unclosed " + quote + " in '" + args.trim() + "'");
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }
}
