package org.reprolab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.reprolab.repro.Outcome;
import org.reprolab.repro.Tally;

/**
 * One offline folder a teacher can hand out: an index of the papers with their verdicts, and per paper its
 * executed notebook (HTML, images embedded) beside its result page. Built from what a notebook run left behind
 * ({@code ci/notebooks.py run}: executed notebooks as HTML and each paper's {@code result.json} folder). The
 * notebooks' MathJax and RequireJS, which nbconvert links from the machine's own files, are copied into the site
 * and linked relatively, so nothing is fetched and nothing points outside the folder.
 */
public final class TeachingSite {

    /** Debian's JavaScript packages, where nbconvert's HTML points (libjs-mathjax, libjs-requirejs). */
    static final Path SYSTEM_JS = Path.of("/usr/share/javascript");
    /** The MathJax files a CommonHTML TeX page needs (the package holds 54 MB; these are under 2 MB). */
    static final List<String> MATHJAX = List.of("MathJax.js", "config/TeX-AMS_CHTML-full.js",
            "jax/output/CommonHTML", "jax/input/TeX", "jax/element", "extensions", "fonts/HTML-CSS/TeX/woff",
            "localization/en");

    private TeachingSite() {}

    /**
     * Writes the site into {@code out} (replacing what an earlier site wrote there) from the executed notebooks in
     * {@code notebooks} and the results in {@code results}; returns the index page. One-line error when there is
     * nothing to publish.
     */
    public static Path write(Path out, Path notebooks, Path results) throws IOException {
        List<ResultSummary> papers = new ArrayList<>();
        if (Files.isDirectory(results)) {
            try (Stream<Path> dirs = Files.list(results)) {
                for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("result.json"))).sorted().toList()) {
                    papers.add(ResultSummary.read(d.resolve("result.json")));
                }
            }
        }
        if (papers.isEmpty()) {
            throw new IOException("no results under " + results + "; run the notebooks first "
                    + "('/usr/bin/python3 ci/notebooks.py run', or ./test.sh)");
        }
        papers.sort(Comparator.comparingInt((ResultSummary s) -> s.card().number()).thenComparing(ResultSummary::id));
        Files.createDirectories(out);
        Path stat = out.resolve("_static");
        copyScripts(stat);
        StringBuilder rows = new StringBuilder();
        Tally all = new Tally(0, 0, 0, 0, 0);
        for (ResultSummary s : papers) {
            Path dir = out.resolve(s.id());
            ResultWriter.deleteTree(dir);
            Files.createDirectories(dir);
            copyTree(results.resolve(s.id()), dir);
            page(dir.resolve("result.html"), s.card().number() + ". " + s.card().title(),
                    "<p><a href=\"../index.html\">all papers</a> &middot; <a href=\"notebook.html\">notebook</a></p>"
                            + ResultHtml.section(s, a -> Html.escape(a.file()), a -> table(dir, a)));
            boolean hasNotebook = notebook(notebooks.resolve(s.id() + ".html"), dir.resolve("notebook.html"),
                    "../_static/");
            all = all.plus(s.tally());
            rows.append("<tr>").append(ResultHtml.td(Integer.toString(s.card().number())))
                    .append(ResultHtml.td(Html.escape(s.card().citation() + ", " + s.card().title())))
                    .append(ResultHtml.td(s.complete() ? ResultHtml.badge(s.tally(), s.card().concept())
                            : ResultHtml.badge(Outcome.FAIL, "incomplete")))
                    .append(ResultHtml.td((hasNotebook ? "<a href=\"" + s.id() + "/notebook.html\">notebook</a> "
                            + "&middot; " : "") + "<a href=\"" + s.id() + "/result.html\">result</a>")).append("</tr>");
        }
        boolean tour = notebook(notebooks.resolve("00-tour.html"), out.resolve("tour.html"), "_static/");
        StringBuilder h = new StringBuilder("<h1>Reprolab: papers, claims and verdicts</h1><p>")
                .append(papers.size()).append(" papers: ").append(ResultHtml.badge(all)).append("</p>");
        if (tour) {
            h.append("<p>Start with <a href=\"tour.html\">the tour</a>: the kernel, its magics, and how to read a "
                    + "verdict.</p>");
        }
        h.append("<p>Each paper's notebook teaches it one idea at a time and runs every step; its result page lists "
                + "every claim with the measured value, its interval and the paper's number. Green PASS, red FAIL, "
                + "amber INCONCLUSIVE (the interval straddles the criterion); checks hold by construction and are "
                + "counted apart.</p>");
        h.append("<table style=\"").append(ResultHtml.TABLE).append("\"><thead><tr>");
        for (String c : List.of("#", "paper", "verdicts (quick profile)", "pages")) {
            h.append(ResultHtml.th(c));
        }
        h.append("</tr></thead><tbody>").append(rows).append("</tbody></table>");
        Path index = out.resolve("index.html");
        page(index, "Reprolab", h.toString());
        return index;
    }

    private static void page(Path file, String title, String body) throws IOException {
        Files.writeString(file, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Html.escape(title) + "</title></head><body>" + ResultHtml.block(body) + "</body></html>\n",
                StandardCharsets.UTF_8);
    }

    private static String table(Path dir, ResultSummary.Artifact a) {
        Path html = dir.resolve(a.file().replaceAll("\\.csv$", ".html"));
        try {
            return Files.exists(html) ? Files.readString(html, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies an executed notebook's HTML with its script links pointing into the site's {@code _static} folder
     * ({@code staticPrefix} is that folder relative to the page); false when there is no such notebook.
     */
    private static boolean notebook(Path from, Path to, String staticPrefix) throws IOException {
        if (!Files.isRegularFile(from)) {
            return false;
        }
        String html = Files.readString(from, StandardCharsets.UTF_8)
                .replace("file://" + SYSTEM_JS + "/mathjax/", staticPrefix + "mathjax/")
                .replace("file://" + SYSTEM_JS + "/requirejs/", staticPrefix);
        Files.writeString(to, html, StandardCharsets.UTF_8);
        return true;
    }

    private static void copyScripts(Path stat) throws IOException {
        Files.createDirectories(stat);
        Path require = SYSTEM_JS.resolve("requirejs/require.min.js");
        if (Files.isRegularFile(require)) {
            Files.copy(require, stat.resolve("require.min.js"), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String part : MATHJAX) {
            Path src = SYSTEM_JS.resolve("mathjax").resolve(part);
            if (Files.exists(src)) {
                copyTree(src, stat.resolve("mathjax").resolve(part));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
