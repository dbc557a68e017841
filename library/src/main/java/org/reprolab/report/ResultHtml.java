package org.reprolab.report;

import java.util.List;
import java.util.function.Function;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Verdict;

/**
 * One paper's result as an HTML section: card, verdict badges, charts, tables, stand-ins. Used by the
 * offline report (images by relative path) and by the notebook renderer (images as data URIs).
 */
public final class ResultHtml {

    /** The report's style sheet; inline, so nothing is fetched. */
    public static final String CSS = """
            .reprolab{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;color:#222}
            .reprolab h2{margin:1.2em 0 .2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            .reprolab .card{color:#444;margin:.2em 0 .6em}
            .reprolab .meta{color:#777;font-size:.85em}
            .reprolab table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
            .reprolab th,.reprolab td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            .reprolab th{background:#f5f5f5}
            .reprolab .badge{display:inline-block;border-radius:3px;padding:1px 7px;color:#fff;font-weight:bold;font-size:.85em}
            .reprolab .pass{background:#2e7d32}.reprolab .fail{background:#c62828}.reprolab .pending{background:#888}
            .reprolab .charts img{max-width:48%;margin:4px;border:1px solid #eee}
            .reprolab caption{text-align:left;font-weight:bold;padding:2px 0}
            .reprolab .reprolab-more{color:#777;font-size:.85em;margin:0}
            """;

    private ResultHtml() {}

    /** The section for {@code s}. */
    public static String section(ResultSummary s, Function<ResultSummary.Artifact, String> imageSrc,
            Function<ResultSummary.Artifact, String> tableHtml) {
        PaperCard c = s.card();
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"paper\" id=\"").append(Html.escape(s.id())).append("\">");
        h.append("<h2>").append(c.number()).append(". ").append(Html.escape(c.title())).append(" ")
                .append(s.failed() == 0 && s.complete() ? badge("pass", s.passed() + "/" + s.verdicts().size())
                        : badge("fail", s.failed() + " failed")).append("</h2>");
        h.append("<p class=\"meta\">").append(Html.escape(String.join(", ", c.authors()))).append(" &middot; ")
                .append(Html.escape(c.venue())).append(' ').append(c.year());
        if (!c.url().isEmpty()) {
            h.append(" &middot; <a href=\"").append(Html.escape(c.url())).append("\">arXiv:")
                    .append(Html.escape(c.arxivId())).append("</a>");
        }
        h.append(" &middot; id <code>").append(Html.escape(s.id())).append("</code></p>");
        h.append("<p class=\"card\">").append(Html.escape(c.summary())).append("</p>");
        h.append("<p class=\"meta\">").append(Html.escape(s.profile())).append(" profile, seed ").append(s.seed())
                .append(String.format(", %.1f s", s.wallSeconds())).append(", ")
                .append(Html.escape(String.valueOf(s.engine()))).append(s.gitCommit() == null ? ""
                        : ", commit " + Html.escape(s.gitCommit())).append("</p>");
        h.append(verdictTable(s.verdicts()));
        if (!s.charts().isEmpty()) {
            h.append("<div class=\"charts\">");
            for (ResultSummary.Artifact a : s.charts()) {
                h.append("<img alt=\"").append(Html.escape(a.title() == null ? a.name() : a.title())).append("\" src=\"")
                        .append(imageSrc.apply(a)).append("\">");
            }
            h.append("</div>");
        }
        for (ResultSummary.Artifact a : s.tables()) {
            h.append(tableHtml.apply(a));
        }
        list(h, "Stand-ins for the paper's setting", s.standIns());
        list(h, "Notes", s.notes());
        h.append("</section>");
        return h.toString();
    }

    /** The verdict table: claim, result, measured, criterion, reference and source. */
    public static String verdictTable(List<Verdict> verdicts) {
        StringBuilder h = new StringBuilder("<table class=\"verdicts\"><thead><tr><th>claim</th><th>verdict</th>"
                + "<th>measured</th><th>criterion</th><th>paper</th><th>source</th></tr></thead><tbody>");
        for (Verdict v : verdicts) {
            Reference r = v.reference();
            h.append("<tr><td><b>").append(Html.escape(v.claimId())).append("</b><br>")
                    .append(Html.escape(v.statement())).append("</td><td>")
                    .append(badge(v.passed() ? "pass" : "fail", v.label())).append("</td><td>")
                    .append(Html.escape(v.measuredText())).append("</td><td>").append(Html.escape(v.criterion()))
                    .append("</td><td>").append(Html.escape(r.text())).append("</td><td>")
                    .append(Html.escape(r.source())).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    static String badge(String kind, String text) {
        return "<span class=\"badge " + kind + "\">" + Html.escape(text) + "</span>";
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        h.append("<p><b>").append(Html.escape(title)).append("</b></p><ul>");
        items.forEach(i -> h.append("<li>").append(Html.escape(i)).append("</li>"));
        h.append("</ul>");
    }
}
