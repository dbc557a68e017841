package org.reprolab.kernel.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/** One line of help per magic, for {@code %help}. */
final class MagicHelp {

    private static final Map<String, String[]> LINE = new ConcurrentHashMap<>();
    private static final Map<String, String[]> CELL = new ConcurrentHashMap<>();

    private MagicHelp() {}

    /** Describes line magic {@code %name}: its arguments and what it does. */
    static void line(String name, String usage, String text) {
        LINE.put(name, new String[] {usage, text});
    }

    /** Describes cell magic {@code %%name}. */
    static void cell(String name, String usage, String text) {
        CELL.put(name, new String[] {usage, text});
    }

    /** The help table as rows of {@code {call, description}}. */
    static List<String[]> rows(MagicsRegistry registry) {
        List<String[]> rows = new ArrayList<>();
        for (String n : new TreeSet<>(registry.getLineMagicNames())) {
            String[] d = LINE.getOrDefault(n, new String[] {"", "(no description)"});
            rows.add(new String[] {("%" + n + " " + d[0]).strip(), d[1]});
        }
        for (String n : new TreeSet<>(registry.getCellMagicNames())) {
            String[] d = CELL.getOrDefault(n, new String[] {"", "(no description)"});
            rows.add(new String[] {("%%" + n + " " + d[0]).strip(), d[1]});
        }
        return rows;
    }

    /** The help as plain text, one magic a line. */
    static String text(MagicsRegistry registry) {
        StringBuilder s = new StringBuilder();
        for (String[] r : rows(registry)) {
            s.append(r[0]).append("\n    ").append(r[1]).append('\n');
        }
        return s.append("expression?\n    signature and javadoc of expression (pager)").toString();
    }
}
