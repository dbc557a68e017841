package org.reprolab.kernel.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.report.Charts;
import org.reprolab.report.ResultHtml;
import org.reprolab.report.Tables;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.StepResult;
import org.reprolab.repro.VerdictSummary;
import tech.tablesaw.api.Table;

/**
 * How Reprolab's objects look in a notebook. Every object also gets a readable {@code text/plain} (never
 * {@code Class@hash}), so consoles and headless runs show something useful.
 */
public final class Renderers {

    private Renderers() {}

    /** Registers every renderer on {@code r}. */
    static void registerAll(Renderer r) {
        r.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG).supporting(MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Charts.pngBase64(chart));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> chartText(chart));
                });
        r.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Views.table(t));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Tables.toText(t, Views.TABLE_ROWS));
                });
        r.createRegistration(ReproResult.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((res, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Views.result(res));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, res::toString);
                });
        r.createRegistration(StepResult.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((res, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Views.step(res, true));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, res::toString);
                });
        r.createRegistration(VerdictSummary.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Views.wrap(ResultHtml.summary(v)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, v::toString);
                });
        r.createRegistration(PaperCard.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((c, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Views.wrap(Views.card(c)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> c.citation() + ": " + c.title());
                });
        r.createRegistration(BufferedImage.class).preferring(MIMEType.IMAGE_PNG).supporting(MIMEType.TEXT_PLAIN)
                .register((img, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(img));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "BufferedImage " + img.getWidth() + "x"
                            + img.getHeight());
                });
        r.createRegistration(NDArray.class).preferring(MIMEType.TEXT_PLAIN)
                .register((a, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> summary(a)));
    }

    /**
     * The outputs that show {@code o} when a library calls {@code Display.show}: a step's result is its HTML
     * (verdicts, metrics, tables, notes) followed by each of its charts as a PNG output of its own; anything
     * else is one output.
     */
    public static List<DisplayData> displays(Renderer r, Object o) {
        if (o instanceof StepResult s) {
            DisplayData d = new DisplayData();
            d.putText(s.toString());
            d.putHTML(Views.step(s, false));
            List<DisplayData> out = new ArrayList<>(List.of(d));
            s.charts().values().forEach(chart -> out.add(r.render(chart)));
            return out;
        }
        return List.of(o instanceof DisplayData d ? d : r.render(o));
    }

    static String chartText(Chart<?, ?> c) {
        String title = c.getTitle() == null || c.getTitle().isBlank() ? "" : " '" + c.getTitle() + "'";
        return c.getClass().getSimpleName() + title + " (" + c.getWidth() + "x" + c.getHeight() + " PNG)";
    }

    /** Base64 PNG of an image. */
    static String png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** {@code NDArray float32 (2, 3) on cpu(): [0.1, 0.2, …] (6 values; min …, max …, mean …)}. */
    static String summary(NDArray a) {
        try {
            long size = a.size();
            StringBuilder s = new StringBuilder("NDArray ").append(a.getDataType()).append(' ')
                    .append(a.getShape()).append(" on ").append(a.getDevice());
            if (a.getName() != null && !a.getName().isBlank()) {
                s.append(" '").append(a.getName()).append('\'');
            }
            if (size == 0) {
                return s.append(": empty").toString();
            }
            int k = (int) Math.min(size, 8);
            List<String> head = new ArrayList<>();
            try (NDArray flat = a.reshape(-1); NDArray first = flat.get("0:" + k)) {
                for (Number n : first.toArray()) {
                    head.add(number(n));
                }
            }
            s.append(": [").append(String.join(", ", head)).append(size > k ? ", ...]" : "]");
            DataType t = a.getDataType();
            if (size > 1 && (t.isFloating() || t.isInteger())) {
                try (NDArray f = a.toType(DataType.FLOAT64, false); NDArray mn = f.min(); NDArray mx = f.max();
                        NDArray mean = f.mean()) {
                    s.append(" (").append(size).append(" values; min ").append(number(mn.getDouble()))
                            .append(", max ").append(number(mx.getDouble())).append(", mean ")
                            .append(number(mean.getDouble())).append(')');
                }
            }
            return s.toString();
        } catch (RuntimeException e) {
            return "NDArray (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double v = n.doubleValue();
            return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%.1f", v)
                    : String.format(Locale.ROOT, "%.4g", v);
        }
        return String.valueOf(n);
    }
}
