package org.reprolab.kernel.notebook;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.report.Charts;
import org.reprolab.report.Html;
import org.reprolab.report.ResultHtml;
import org.reprolab.report.ResultSummary;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Step;
import org.reprolab.repro.StepResult;
import org.reprolab.repro.Verdict;
import tech.tablesaw.api.Table;

/** HTML and text views of Reprolab objects, as the notebook shows them (images inline as data URIs). */
final class Views {

    /** Rows of a table shown before it is cut ({@code REPROLAB_TABLE_ROWS}, default 20). */
    static final int TABLE_ROWS = rowLimit();

    private Views() {}

    private static int rowLimit() {
        String s = System.getenv("REPROLAB_TABLE_ROWS");
        try {
            return s == null || s.isBlank() ? Tables.DEFAULT_ROW_LIMIT : Math.max(1, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Tables.DEFAULT_ROW_LIMIT;
        }
    }

    static String wrap(String body) {
        return "<style>" + ResultHtml.CSS + "</style><div class=\"reprolab\">" + body + "</div>";
    }

    static String pngDataUri(Chart<?, ?> chart) {
        return "data:image/png;base64," + Charts.pngBase64(chart);
    }

    static String table(Table t) {
        return wrap(Tables.toHtml(t, TABLE_ROWS));
    }

    /** A whole reproduction result: card, verdicts, charts, tables, stand-ins, notes. */
    static String result(ReproResult r) {
        ResultSummary s = ResultSummary.of(r, System.getProperty("reprolab.git.commit"));
        Map<String, Chart<?, ?>> charts = r.charts();
        Map<String, Table> tables = r.tables();
        return wrap(ResultHtml.section(s, a -> pngDataUri(charts.get(a.name())),
                a -> Tables.toHtml(tables.get(a.name()), TABLE_ROWS)));
    }

    /**
     * One step's result: title, verdicts, metrics, tables, notes; charts inline when {@code withCharts}
     * (the notebook hook shows them as separate PNG outputs instead).
     */
    static String step(StepResult r, boolean withCharts) {
        StringBuilder h = new StringBuilder();
        h.append("<h3>").append(Html.escape(r.reproductionId() + "/" + r.stepId())).append(": ")
                .append(Html.escape(r.title())).append(' ')
                .append(badge(r.passed() ? "pass" : "fail", r.verdicts().isEmpty() ? (r.error() == null ? "done" : "stopped")
                        : r.verdicts().stream().filter(Verdict::passed).count() + "/" + r.verdicts().size() + " pass"))
                .append("</h3>");
        if (!r.verdicts().isEmpty()) {
            h.append(ResultHtml.verdictTable(r.verdicts()));
        }
        if (!r.metrics().isEmpty()) {
            h.append("<table class=\"metrics\"><thead><tr><th>metric</th><th>value</th></tr></thead><tbody>");
            r.metrics().forEach((k, v) -> h.append("<tr><td>").append(Html.escape(k)).append("</td><td>")
                    .append(Html.escape(Verdict.format(v))).append("</td></tr>"));
            h.append("</tbody></table>");
        }
        if (withCharts && !r.charts().isEmpty()) {
            h.append("<div class=\"charts\">");
            r.charts().forEach((k, c) -> h.append("<img alt=\"").append(Html.escape(k)).append("\" src=\"")
                    .append(pngDataUri(c)).append("\">"));
            h.append("</div>");
        }
        r.tables().values().forEach(t -> h.append(Tables.toHtml(t, TABLE_ROWS)));
        if (!r.notes().isEmpty()) {
            h.append("<ul class=\"notes\">");
            r.notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
            h.append("</ul>");
        }
        if (r.error() != null) {
            h.append("<p><b>stopped by</b> ").append(Html.escape(r.error())).append("</p>");
        }
        return wrap(h.toString());
    }

    /** A paper: card, claims, steps, stand-ins. */
    static String paper(Reproduction r) {
        PaperCard c = r.card();
        StringBuilder h = new StringBuilder(card(c));
        h.append("<table class=\"claims\"><thead><tr><th>claim</th><th>statement</th></tr></thead><tbody>");
        for (Claim cl : r.claims()) {
            h.append("<tr><td><b>").append(Html.escape(cl.id())).append("</b></td><td>")
                    .append(Html.escape(cl.statement())).append("</td></tr>");
        }
        h.append("</tbody></table><p><b>Steps</b> (<code>ReproSession.start(\"").append(Html.escape(c.id()))
                .append("\").step(id)</code>)</p><ol>");
        for (Step s : r.steps()) {
            h.append("<li><code>").append(Html.escape(s.id())).append("</code>: ").append(Html.escape(s.title()))
                    .append("</li>");
        }
        h.append("</ol><p><b>Stand-ins for the paper's setting</b></p><ul>");
        r.standIns().forEach(s -> h.append("<li>").append(Html.escape(s)).append("</li>"));
        return wrap(h.append("</ul>").toString());
    }

    static String card(PaperCard c) {
        StringBuilder h = new StringBuilder();
        h.append("<h2>").append(c.number()).append(". ").append(Html.escape(c.title())).append("</h2>");
        h.append("<p class=\"meta\">").append(Html.escape(String.join(", ", c.authors()))).append(" &middot; ")
                .append(Html.escape(c.venue())).append(' ').append(c.year());
        if (!c.url().isEmpty()) {
            h.append(" &middot; <a href=\"").append(Html.escape(c.url())).append("\">arXiv:")
                    .append(Html.escape(c.arxivId())).append("</a>");
        }
        h.append(" &middot; id <code>").append(Html.escape(c.id())).append("</code></p>");
        h.append("<p class=\"card\">").append(Html.escape(c.summary())).append("</p>");
        return h.toString();
    }

    static String paperText(Reproduction r) {
        PaperCard c = r.card();
        StringBuilder s = new StringBuilder();
        s.append(c.number()).append(". ").append(c.title()).append(" (").append(c.citation()).append(", ")
                .append(c.venue()).append(")");
        if (!c.url().isEmpty()) {
            s.append(' ').append(c.url());
        }
        s.append('\n').append(c.summary()).append("\nClaims:");
        r.claims().forEach(cl -> s.append("\n  ").append(cl.id()).append(": ").append(cl.statement()));
        s.append("\nSteps: ").append(String.join(", ", r.steps().stream().map(Step::id).toList()));
        return s.toString();
    }

    static String badge(String kind, String text) {
        return "<span class=\"badge " + kind + "\">" + Html.escape(text) + "</span>";
    }

    /** Escaped text in a {@code <pre>}. */
    static String pre(String text) {
        return "<pre>" + Html.escape(text) + "</pre>";
    }

    static String list(List<String> items) {
        StringBuilder h = new StringBuilder("<ul>");
        items.forEach(i -> h.append("<li>").append(Html.escape(i)).append("</li>"));
        return h.append("</ul>").toString();
    }
}
