package org.reprolab.kernel.notebook;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.report.Charts;
import org.reprolab.report.Html;
import org.reprolab.report.ResultHtml;
import org.reprolab.report.ResultSummary;
import org.reprolab.report.Tables;
import org.reprolab.repro.Profile;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Step;
import org.reprolab.repro.StepResult;
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
        return ResultHtml.block(body);
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
        return wrap(ResultHtml.step(r, withCharts ? Views::pngDataUri : null, TABLE_ROWS));
    }

    /** A paper: card, claims and checks, steps, stand-ins under the environment's profile. */
    static String paper(Reproduction r) {
        return wrap(ResultHtml.paper(r, Profile.fromEnvironment()));
    }

    static String card(PaperCard c) {
        return "<h2>" + c.number() + ". " + Html.escape(c.title()) + "</h2>" + ResultHtml.card(c);
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
