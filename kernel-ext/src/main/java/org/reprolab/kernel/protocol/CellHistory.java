package org.reprolab.kernel.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of this kernel session, for Jupyter's history requests: tail, range and
 * search (glob patterns, as IPython's: {@code *} any text, {@code ?} one character).
 */
final class CellHistory {

    /** The session number reported in entries; requests may also say 0 for "this session". */
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) { }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    synchronized List<List<Object>> tail(int n, boolean withOutput) {
        int from = Math.max(0, entries.size() - Math.max(n, 0));
        return rows(entries.subList(from, entries.size()), withOutput);
    }

    synchronized List<List<Object>> range(int session, int start, int stop, boolean withOutput) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line >= start && (stop <= 0 || e.line < stop)) {
                out.add(e);
            }
        }
        return rows(out, withOutput);
    }

    synchronized List<List<Object>> search(String glob, int n, boolean unique, boolean withOutput) {
        Pattern p = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> hits = new ArrayList<>();
        Set<String> inputs = new HashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (n <= 0 || hits.size() < n); i--) {
            Entry e = entries.get(i);
            if (p.matcher(e.input).matches() && (!unique || inputs.add(e.input))) {
                hits.add(0, e);
            }
        }
        return rows(hits, withOutput);
    }

    static Pattern globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> r.append(".*");
                case '?' -> r.append('.');
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(r.toString(), Pattern.DOTALL);
    }

    private static List<List<Object>> rows(List<Entry> es, boolean withOutput) {
        List<List<Object>> rows = new ArrayList<>();
        for (Entry e : es) {
            Object input = withOutput ? java.util.Arrays.asList(e.input, e.output) : e.input;
            rows.add(java.util.Arrays.asList(SESSION, e.line, input));
        }
        return rows;
    }
}
