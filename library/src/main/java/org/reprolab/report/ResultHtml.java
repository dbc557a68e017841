package org.reprolab.report;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.math.SignificantDigits;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Outcome;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Step;
import org.reprolab.repro.StepResult;
import org.reprolab.repro.Tally;
import org.reprolab.repro.Verdict;
import org.reprolab.repro.VerdictSummary;

/**
 * Reprolab's results as HTML, one copy for the offline report, the teaching site and the notebook: a paper
 * section, a step, a paper card, the verdict table and badges. Every element carries inline styles, because
 * Jupyter strips {@code <style>} blocks from untrusted notebooks (any notebook a student receives) and the
 * colours of PASS, FAIL and INCONCLUSIVE must survive that. Jupyter Notebook 6.4 goes further in an untrusted
 * notebook: its sanitiser turns every inline style into {@code undefined:undefined} (jupyter/notebook#6172), while
 * its own CSS right-aligns every table cell and greys Bootstrap's {@code .badge}. So the HTML also carries what
 * that sanitiser keeps: {@code <div align="left">} in each table cell, {@code bgcolor} on header cells, and a
 * {@code <font color>} in each badge, which the badge's inline {@code color:inherit} overrides where styles
 * survive (a pill with white or dark text) and which colours the badge's text where they do not.
 */
public final class ResultHtml {

    /** PASS: green. */
    public static final String GREEN = "#2e7d32";
    /** FAIL: red. */
    public static final String RED = "#c62828";
    /** INCONCLUSIVE: amber (dark text on it). */
    public static final String AMBER = "#f2a900";

    /** The inline style of every table we emit. */
    public static final String TABLE = "border-collapse:collapse;margin:.5em 0;font-size:.9em";
    static final String CELL = "border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top";
    static final String HEAD = CELL + ";background:#f5f5f5";
    static final String CAPTION = "text-align:left;font-weight:bold;padding:2px 0";
    static final String META = "color:#777;font-size:.85em";
    static final String BLOCK = "font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;"
            + "color:#222";

    private ResultHtml() {}

    /** Wraps a fragment in the outer block (font, width) every view shares. */
    public static String block(String body) {
        return "<div class=\"reprolab\" style=\"" + BLOCK + "\">" + body + "</div>";
    }

    /** A coloured badge for an outcome, labelled {@code text}. */
    public static String badge(Outcome outcome, String text) {
        String bg = switch (outcome) {
            case PASS -> GREEN;
            case FAIL -> RED;
            case INCONCLUSIVE -> AMBER;
        };
        String fg = outcome == Outcome.INCONCLUSIVE ? "#1a1a1a" : "#fff";
        return pill(outcome.name().toLowerCase(java.util.Locale.ROOT), bg, fg, text);
    }

    /** A grey badge for something that is neither verdict (a step that decides nothing). */
    public static String neutralBadge(String text) {
        return pill("neutral", "#888", "#fff", text);
    }

    /**
     * A badge: class {@code verdict} (not Bootstrap's {@code badge}, which Notebook greys), a pill in {@code bg}
     * with {@code fg} text, and, where inline styles are destroyed, bold text in {@code bg}.
     */
    private static String pill(String kind, String bg, String fg, String text) {
        return "<span class=\"verdict " + kind + "\" style=\"display:inline-block;border-radius:3px;padding:1px 7px;"
                + "font-size:.85em;background:" + bg + ";color:" + fg + "\"><b><font color=\"" + bg
                + "\" style=\"color:inherit\">" + Html.escape(text) + "</font></b></span>";
    }

    /**
     * The badge that sums up verdicts: red when a claim or check failed, amber when claims are inconclusive and
     * nothing failed, green otherwise; the text is the tally.
     */
    public static String badge(Tally t) {
        Outcome o = t.anyFailed() ? Outcome.FAIL : t.claimsInconclusive() > 0 ? Outcome.INCONCLUSIVE : Outcome.PASS;
        return badge(o, t.line());
    }

    /**
     * The badge of a paper: {@link #badge(Tally)}, or for a concept notebook ({@link PaperCard#concept()}) a grey
     * {@code concept, no claims; checks: 1 of 1} (red if a check failed), never a pass.
     */
    public static String badge(Tally t, boolean concept) {
        if (!concept) {
            return badge(t);
        }
        return t.anyFailed() ? badge(Outcome.FAIL, t.line(true)) : neutralBadge(t.line(true));
    }

    /** The verdict tables: the claims, then the checks (counted apart), each with measured value and interval. */
    public static String verdictTable(List<Verdict> verdicts) {
        List<Verdict> claims = verdicts.stream().filter(v -> !v.isCheck()).toList();
        List<Verdict> checks = verdicts.stream().filter(Verdict::isCheck).toList();
        StringBuilder h = new StringBuilder();
        if (!claims.isEmpty()) {
            h.append(verdicts("Claims", claims, true));
        }
        if (!checks.isEmpty()) {
            h.append(verdicts("Checks (hold by construction; not counted as claims)", checks, false));
        }
        return h.toString();
    }

    private static String verdicts(String caption, List<Verdict> verdicts, boolean withPaper) {
        StringBuilder h = new StringBuilder("<table class=\"verdicts\" style=\"" + TABLE + "\"><caption style=\""
                + CAPTION + "\">" + Html.escape(caption) + "</caption><thead><tr>");
        for (String c : withPaper ? List.of("claim", "verdict", "measured", "criterion", "paper", "source")
                : List.of("check", "verdict", "measured", "criterion")) {
            h.append(th(c));
        }
        h.append("</tr></thead><tbody>");
        for (Verdict v : verdicts) {
            Reference r = v.reference();
            h.append("<tr>").append(td("<b>" + Html.escape(v.claimId()) + "</b><br>" + Html.escape(v.statement())
                    + (v.revision().isEmpty() ? "" : "<br><i style=\"" + META + "\">" + Html.escape(v.revision())
                            + "</i>")))
                    .append(td(badge(v.outcome(), v.label())))
                    .append(td(Html.escape(v.measuredText())))
                    .append(td(Html.escape(v.criterion()) + (v.basis() == null ? "" : "<br><span style=\"" + META
                            + "\">" + Html.escape(v.basis()) + "</span>")));
            if (withPaper) {
                h.append(td(Html.escape(r.text()))).append(td(Html.escape(r.source())));
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    /** A table cell, left-aligned and at the top also where Notebook's CSS right-aligns cells (see above). */
    public static String td(String html) {
        return "<td style=\"" + CELL + "\" valign=\"top\"><div align=\"left\">" + html + "</div></td>";
    }

    /** A header cell, left-aligned on a light grey also where inline styles are destroyed (see above). */
    public static String th(String html) {
        return "<th style=\"" + HEAD + "\" bgcolor=\"#f5f5f5\" valign=\"top\"><div align=\"left\">" + html
                + "</div></th>";
    }

    /** A notebook's closing summary: the tally as a badge, then the verdict tables. */
    public static String summary(VerdictSummary s) {
        return "<h3>" + Html.escape(s.paper()) + ": all verdicts " + badge(s.tally(), s.concept())
                + (s.complete() ? "" : " " + neutralBadge("not every step ran")) + "</h3>" + verdictTable(s.verdicts());
    }

    /** The paper card: number, title, authors, venue, arXiv link, summary. */
    public static String card(PaperCard c) {
        StringBuilder h = new StringBuilder();
        h.append("<p style=\"").append(META).append("\">").append(Html.escape(String.join(", ", c.authors())))
                .append(" &middot; ").append(Html.escape(c.venue())).append(' ').append(c.year());
        if (!c.url().isEmpty()) {
            h.append(" &middot; <a href=\"").append(Html.escape(c.url())).append("\">arXiv:")
                    .append(Html.escape(c.arxivId())).append("</a>");
        }
        h.append(" &middot; id <code>").append(Html.escape(c.id())).append("</code></p>");
        h.append("<p style=\"color:#444;margin:.2em 0 .6em\">").append(Html.escape(c.summary())).append("</p>");
        return h.toString();
    }

    /** A paper as the notebook's {@code %paper} shows it: card, claims and checks, steps, stand-ins. */
    public static String paper(Reproduction r, Profile profile) {
        PaperCard c = r.card();
        StringBuilder h = new StringBuilder("<h2>" + c.number() + ". " + Html.escape(c.title()) + "</h2>");
        h.append(card(c));
        h.append("<table style=\"").append(TABLE).append("\"><thead><tr>").append(th("id")).append(th("kind"))
                .append(th("statement")).append(th("criterion")).append("</tr></thead><tbody>");
        for (Claim cl : r.claims()) {
            h.append("<tr>").append(td("<b>" + Html.escape(cl.id()) + "</b>"))
                    .append(td(cl.isCheck() ? "check" : cl.sampled() ? "claim, over seeds" : "claim"))
                    .append(td(Html.escape(cl.statement())))
                    .append(td(cl.criterion() == null ? "" : Html.escape(cl.criterion().describe())
                            + (cl.basis() == null ? "" : " <span style=\"" + META + "\">(" + Html.escape(cl.basis())
                                    + ")</span>")))
                    .append("</tr>");
        }
        h.append("</tbody></table><p><b>Steps</b> (<code>ReproSession.start(\"").append(Html.escape(c.id()))
                .append("\").step(id)</code>)</p><ol>");
        for (Step s : r.steps()) {
            h.append("<li><code>").append(Html.escape(s.id())).append("</code>: ").append(Html.escape(s.title()))
                    .append("</li>");
        }
        h.append("</ol>");
        list(h, "Stand-ins for the paper's setting (" + profile.id() + " profile)", r.standIns(profile));
        return h.toString();
    }

    /**
     * One step's result: title with its badge, verdicts, metrics, tables, notes, and its charts inline when
     * {@code imageSrc} is given ({@code null} leaves them out, for a notebook that shows them as images).
     */
    public static String step(StepResult r, Function<Chart<?, ?>, String> imageSrc, int tableRows) {
        StringBuilder h = new StringBuilder();
        h.append("<h3>").append(Html.escape(r.reproductionId() + "/" + r.stepId())).append(": ")
                .append(Html.escape(r.title())).append(' ');
        if (r.error() != null) {
            h.append(badge(Outcome.FAIL, "stopped"));
        } else if (r.verdicts().isEmpty()) {
            h.append(neutralBadge("done"));
        } else {
            h.append(badge(r.tally()));
        }
        h.append("</h3>");
        h.append(verdictTable(r.verdicts()));
        if (!r.metrics().isEmpty()) {
            h.append("<table class=\"metrics\" style=\"").append(TABLE).append("\"><thead><tr>").append(th("metric"))
                    .append(th("value")).append("</tr></thead><tbody>");
            r.metrics().forEach((k, v) -> h.append("<tr>").append(td(Html.escape(k)))
                    .append(td(Html.escape(SignificantDigits.format(v)))).append("</tr>"));
            h.append("</tbody></table>");
        }
        if (imageSrc != null) {
            images(h, r.charts(), imageSrc);
        }
        r.tables().values().forEach(t -> h.append(Tables.toHtml(t, tableRows)));
        list(h, null, r.notes());
        if (r.error() != null) {
            h.append("<p><b>stopped by</b> ").append(Html.escape(r.error())).append("</p>");
        }
        return h.toString();
    }

    /** The section for one paper's result: card, verdicts, charts, tables, stand-ins, notes. */
    public static String section(ResultSummary s, Function<ResultSummary.Artifact, String> imageSrc,
            Function<ResultSummary.Artifact, String> tableHtml) {
        PaperCard c = s.card();
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"paper\" id=\"").append(Html.escape(s.id())).append("\">");
        h.append("<h2 style=\"margin:1.2em 0 .2em;border-bottom:1px solid #ddd;padding-bottom:.2em\">")
                .append(c.number()).append(". ").append(Html.escape(c.title())).append(" ")
                .append(badge(s.tally(), c.concept()))
                .append(s.complete() ? "" : " " + neutralBadge("incomplete: not every step ran"))
                .append("</h2>");
        h.append(card(c));
        h.append("<p style=\"").append(META).append("\">").append(Html.escape(s.profile())).append(" profile, ")
                .append(s.sweep() == null ? "seed " + s.seed() : Html.escape(s.sweep().line()))
                .append(String.format(", %.1f s", s.wallSeconds())).append(", ")
                .append(Html.escape(String.valueOf(s.engine()))).append(s.gitCommit() == null ? ""
                        : ", commit " + Html.escape(s.gitCommit())).append("</p>");
        h.append(verdictTable(s.verdicts()));
        if (!s.charts().isEmpty()) {
            h.append("<div class=\"charts\">");
            for (ResultSummary.Artifact a : s.charts()) {
                h.append(img(a.title() == null ? a.name() : a.title(), imageSrc.apply(a)));
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

    private static void images(StringBuilder h, Map<String, Chart<?, ?>> charts,
            Function<Chart<?, ?>, String> imageSrc) {
        if (charts.isEmpty()) {
            return;
        }
        h.append("<div class=\"charts\">");
        charts.forEach((k, c) -> h.append(img(c.getTitle() == null ? k : c.getTitle(), imageSrc.apply(c))));
        h.append("</div>");
    }

    private static String img(String alt, String src) {
        return "<img alt=\"" + Html.escape(alt) + "\" src=\"" + src
                + "\" style=\"max-width:48%;margin:4px;border:1px solid #eee\">";
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        if (title != null) {
            h.append("<p><b>").append(Html.escape(title)).append("</b></p>");
        }
        h.append("<ul>");
        items.forEach(i -> h.append("<li>").append(Html.escape(i)).append("</li>"));
        h.append("</ul>");
    }
}
