package org.reprolab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Outcome;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.Reproduction;

/**
 * The README's generated sections, from the one source of truth of each paper: its card and claims (the code)
 * and its pinned quick verdicts with their reasons ({@code expected-verdicts/<id>.properties}). Written between
 * markers by {@code reprolab readme}; a test keeps the committed README in sync, so a paper's title, counts and
 * red claims are never typed twice.
 */
final class ReadmeSections {

    static final String PINS = "reproductions/src/test/resources/expected-verdicts";

    /**
     * A pinned verdict and the comment lines above it (why it is red or amber).
     *
     * @param outcome the pinned outcome
     * @param why the comment, joined, or empty
     */
    record Pin(Outcome outcome, String why) { }

    private ReadmeSections() {}

    /** The pinned verdicts of {@code id}, in file order, keyed by claim id. */
    static Map<String, Pin> pins(Path root, String id) throws IOException {
        Map<String, Pin> pins = new LinkedHashMap<>();
        Path f = root.resolve(PINS).resolve(id + ".properties");
        if (!Files.isRegularFile(f)) {
            return pins;
        }
        List<String> comment = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty()) {
                comment.clear();
            } else if (l.startsWith("#")) {
                comment.add(l.substring(1).strip());
            } else if (l.contains("=")) {
                pins.put(l.substring(0, l.indexOf('=')).strip(),
                        new Pin(Outcome.valueOf(l.substring(l.indexOf('=') + 1).strip()), String.join(" ", comment)));
                comment.clear();
            }
        }
        return pins;
    }

    /** The papers table: number, id (linking its notebook), citation and title, pinned quick verdicts. */
    static String papers(Path root, List<Reproduction> all) throws IOException {
        StringBuilder s = new StringBuilder("| # | id (notebook) | paper | quick profile: claims | checks |\n"
                + "|---|---|---|---|---|\n");
        for (Reproduction r : all) {
            PaperCard c = r.card();
            Map<String, Pin> pins = pins(root, r.id());
            int[] n = new int[3];
            int checks = 0;
            int checksPass = 0;
            for (Claim cl : r.claims()) {
                Pin p = pins.get(cl.id());
                if (cl.isCheck()) {
                    checks++;
                    checksPass += p != null && p.outcome() == Outcome.PASS ? 1 : 0;
                } else if (p != null) {
                    n[p.outcome().ordinal()]++;
                }
            }
            s.append("| ").append(c.number()).append(" | [`").append(c.id()).append("`](notebooks/").append(c.id())
                    .append(".ipynb) | ").append(c.citation()).append(", ").append(c.title()).append(" | ")
                    .append(c.concept() ? "concept, no claims" : n[0] + " pass, " + n[1] + " fail, " + n[2]
                            + " inconclusive").append(" | ").append(checksPass).append(" of ").append(checks)
                    .append(" |\n");
        }
        return s.toString();
    }

    /** Every claim pinned FAIL or INCONCLUSIVE in the quick profile, with its statement and the pin's reason. */
    static String redAndAmber(Path root, List<Reproduction> all) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Reproduction r : all) {
            Map<String, Pin> pins = pins(root, r.id());
            for (Claim c : r.claims()) {
                Pin p = pins.get(c.id());
                if (p != null && p.outcome() != Outcome.PASS) {
                    s.append("- `").append(r.id()).append('/').append(c.id()).append("` ").append(p.outcome())
                            .append(": ").append(c.statement());
                    if (!p.why().isEmpty()) {
                        s.append(" *").append(p.why()).append("*");
                    }
                    s.append('\n');
                }
            }
        }
        return s.length() == 0 ? "None.\n" : s.toString();
    }

    /** {@code readme} with every generated section rewritten; sections are named by their begin marker. */
    static String update(String readme, Path root, List<Reproduction> all) throws IOException {
        String out = replace(readme, "papers", papers(root, all));
        return replace(out, "red-and-amber", redAndAmber(root, all));
    }

    private static String replace(String text, String name, String body) {
        String begin = "<!-- begin generated: " + name + " (./reprolab readme) -->\n";
        String end = "<!-- end generated: " + name + " -->";
        int i = text.indexOf(begin);
        int j = text.indexOf(end);
        if (i < 0 || j < i) {
            throw new IllegalArgumentException("README.md lacks the markers of the generated section '" + name
                    + "': " + begin.strip() + " ... " + end);
        }
        return text.substring(0, i + begin.length()) + body + text.substring(j);
    }
}
