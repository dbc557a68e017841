package org.reprolab.kernel.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.reprolab.data.DatasetCatalog;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.kernel.execution.UsageException;
import org.reprolab.report.Html;
import org.reprolab.report.ResultWriter;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.ReproSession;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Reproductions;
import org.reprolab.repro.Step;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reprolab's magics: {@code %paper}, {@code %repro}, {@code %dataset}, {@code %seed}, {@code %device}. They
 * use only {@link BaseKernel}, so a stock JJava kernel that loads our jar gets them too.
 */
final class ReprolabMagics {

    /** The seed {@code %repro run} uses when none is given; {@code %seed} changes it. */
    private static volatile long seed = ReproSession.DEFAULT_SEED;

    private ReprolabMagics() {}

    static void register(MagicsRegistry registry) {
        registry.registerLineMagic("paper", (BaseKernel k, List<String> a) -> paper(k, a));
        registry.registerLineMagic("repro", (BaseKernel k, List<String> a) -> repro(k, a));
        registry.registerLineMagic("dataset", (BaseKernel k, List<String> a) -> dataset(k, a));
        registry.registerLineMagic("seed", (BaseKernel k, List<String> a) -> seed(k, a));
        registry.registerLineMagic("device", (BaseKernel k, List<String> a) -> device(k, a));
        MagicHelp.line("paper", "ID", "show a paper's card: claims, steps and stand-ins");
        MagicHelp.line("repro", "list | run ID [--profile quick|full] [--seed N] [--step S] [--out DIR] [--verify]",
                "list the papers, or run a reproduction with a live progress bar and show its result");
        MagicHelp.line("dataset", "NAME [--rows N]", "load a dataset and show a sample (image grid or table head)");
        MagicHelp.line("seed", "N", "seed the engine's and Java's RNGs; %repro run uses N from now on");
        MagicHelp.line("device", "[cpu|gpu|auto]", "show (or choose) the engine, device and threads");
    }

    static long seed() {
        return seed;
    }

    private static void show(BaseKernel kernel, String html, String text) {
        DisplayData d = new DisplayData();
        d.putText(text);
        d.putHTML(html);
        kernel.display(d);
    }

    static Object paper(BaseKernel kernel, List<String> args) {
        MagicArgs a = MagicArgs.parse("paper", args, Set.of(), Set.of()).expect(1, 1, "ID (valid: "
                + String.join(", ", Reproductions.ids()) + ")");
        Reproduction r = find("paper", a.positional.get(0));
        show(kernel, Views.paper(r), Views.paperText(r));
        return null;
    }

    private static Reproduction find(String magic, String id) {
        try {
            return Reproductions.find(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("%" + magic + ": " + e.getMessage());
        }
    }

    static Object repro(BaseKernel kernel, List<String> args) throws Exception {
        if (args.isEmpty() || !(args.get(0).equals("list") || args.get(0).equals("run"))) {
            throw new UsageException("%repro: expected 'list' or 'run ID [--profile quick|full] [--seed N] "
                    + "[--step S] [--out DIR] [--verify]'" + (args.isEmpty() ? "" : ", got '" + args.get(0) + "'"));
        }
        List<String> rest = args.subList(1, args.size());
        if (args.get(0).equals("list")) {
            MagicArgs.parse("repro list", rest, Set.of(), Set.of()).expect(0, 0, "");
            Table t = Table.create("Papers", StringColumn.create("id"), IntColumn.create("#"), IntColumn.create("year"),
                    StringColumn.create("title"), IntColumn.create("claims"), StringColumn.create("steps"));
            for (Reproduction r : Reproductions.all()) {
                t.stringColumn("id").append(r.id());
                t.intColumn("#").append(r.card().number());
                t.intColumn("year").append(r.card().year());
                t.stringColumn("title").append(r.card().title());
                t.intColumn("claims").append(r.claims().size());
                t.stringColumn("steps").append(String.join(", ", r.steps().stream().map(Step::id).toList()));
            }
            kernel.display(kernel.getRenderer().render(t));
            return null;
        }
        MagicArgs a = MagicArgs.parse("repro run", rest, Set.of("profile", "seed", "step", "out"), Set.of("verify"))
                .expect(1, 1, "ID [--profile quick|full] [--seed N] [--step S] [--out DIR] [--verify]");
        Reproduction r = find("repro", a.positional.get(0));
        Profile profile;
        try {
            profile = a.option("profile", null) == null ? Profile.fromEnvironment() : Profile.parse(a.option("profile",
                    null));
        } catch (IllegalArgumentException e) {
            throw new UsageException("%repro run: " + e.getMessage());
        }
        long runSeed = a.longOption("seed", seed);
        ReproSession session = new ReproSession(r, profile, runSeed);
        String step = a.option("step", null);
        ReproResult result;
        if (step != null) {
            if (!session.stepIds().contains(step)) {
                throw new UsageException("%repro run: unknown step '" + step + "' of " + r.id() + "; valid: "
                        + String.join(", ", session.stepIds()));
            }
            session.run(step);
            result = session.result();
        } else {
            result = session.runAll();
        }
        String out = a.option("out", null);
        if (out != null) {
            Path dir = ResultWriter.write(result, Path.of(out), System.getProperty("reprolab.git.commit", "unknown"));
            System.out.println("wrote " + dir.toAbsolutePath());
        }
        kernel.display(kernel.getRenderer().render(result));
        if (a.flag("verify")) {
            result.verify();
        }
        return null;
    }

    static Object seed(BaseKernel kernel, List<String> args) {
        MagicArgs a = MagicArgs.parse("seed", args, Set.of(), Set.of()).expect(1, 1, "N");
        long n;
        try {
            n = Long.parseLong(a.positional.get(0).trim());
        } catch (NumberFormatException e) {
            throw new UsageException("%seed: N must be an integer, got '" + a.positional.get(0) + "'");
        }
        Engines.seed(n);
        seed = n;
        System.out.println("seed " + n + ": engine and Java RNGs seeded; %repro run uses seed " + n);
        return null;
    }

    static Object device(BaseKernel kernel, List<String> args) {
        MagicArgs a = MagicArgs.parse("device", args, Set.of(), Set.of()).expect(0, 1, "[cpu|gpu|auto]");
        if (a.positional.size() == 1) {
            try {
                Engines.selectDevice(a.positional.get(0));
            } catch (IllegalArgumentException e) {
                throw new UsageException("%device: " + e.getMessage());
            }
        }
        Runtime rt = Runtime.getRuntime();
        String text = Engines.info() + "\nJava " + System.getProperty("java.version") + ", " + rt.availableProcessors()
                + " cores, max heap " + rt.maxMemory() / (1024 * 1024) + " MiB";
        show(kernel, "<pre>" + Html.escape(text) + "</pre>", text);
        return null;
    }

    static Object dataset(BaseKernel kernel, List<String> args) {
        MagicArgs a = MagicArgs.parse("dataset", args, Set.of("rows"), Set.of()).expect(1, 1, "NAME [--rows N]");
        int rows = (int) a.longOption("rows", 5);
        String name = a.positional.get(0);
        LabeledData d;
        try {
            d = DatasetCatalog.load(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("%dataset: " + e.getMessage());
        }
        String summary = summary(d);
        if (DatasetCatalog.isImages(name)) {
            BufferedImage grid = imageGrid(d, Math.max(1, Math.min(rows, 4)));
            DisplayData out = new DisplayData();
            out.putText(summary);
            out.putData("image/png", Renderers.png(grid));
            kernel.display(out);
        } else {
            Table head = head(d, rows);
            show(kernel, Views.wrap("<p>" + Html.escape(summary) + "</p>" + org.reprolab.report.Tables.toHtml(head,
                    rows)),
                    summary + "\n" + head.print());
        }
        return null;
    }

    static String summary(LabeledData d) {
        int[] counts = d.classCounts();
        StringBuilder s = new StringBuilder(d.name()).append(": ").append(d.size()).append(" examples, ")
                .append(d.features()).append(" features, ").append(d.classes()).append(" classes (");
        for (int i = 0; i < counts.length; i++) {
            s.append(i == 0 ? "" : ", ").append(d.classNames().get(i)).append(' ').append(counts[i]);
        }
        return s.append(')').toString();
    }

    /** The first {@code n} rows: the label, then up to 12 features. */
    static Table head(LabeledData d, int n) {
        int rows = Math.min(n, d.size());
        int cols = Math.min(d.features(), 12);
        Table t = Table.create(d.name());
        StringColumn label = StringColumn.create("label");
        for (int r = 0; r < rows; r++) {
            label.append(d.classNames().get(d.label(r)));
        }
        t.addColumns(label);
        for (int c = 0; c < cols; c++) {
            tech.tablesaw.api.DoubleColumn col = tech.tablesaw.api.DoubleColumn.create("x" + c);
            for (int r = 0; r < rows; r++) {
                col.append(Math.round(d.feature(r, c) * 1e4) / 1e4);
            }
            t.addColumns(col);
        }
        if (d.features() > cols) {
            Column<String> more = StringColumn.create("...");
            for (int r = 0; r < rows; r++) {
                more.appendCell("(" + (d.features() - cols) + " more)");
            }
            t.addColumns(more);
        }
        return t;
    }

    /** {@code perClass} images of each class, one column per class, labelled. */
    static BufferedImage imageGrid(LabeledData d, int perClass) {
        int side = (int) Math.round(Math.sqrt(d.features()));
        int scale = Math.max(1, 56 / side);
        int cell = side * scale;
        int pad = 6;
        int labelH = 16;
        int k = d.classes();
        BufferedImage img = new BufferedImage(k * (cell + pad) + pad, labelH + perClass * (cell + pad) + pad,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        float max = 0;
        for (int i = 0; i < Math.min(d.size(), 1000); i++) {
            for (int j = 0; j < d.features(); j++) {
                max = Math.max(max, d.feature(i, j));
            }
        }
        float norm = max > 0 ? max : 1;
        int[] shown = new int[k];
        for (int i = 0; i < d.size(); i++) {
            int c = d.label(i);
            if (shown[c] >= perClass) {
                continue;
            }
            int x0 = pad + c * (cell + pad);
            int y0 = labelH + pad + shown[c] * (cell + pad);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int v = Math.max(0, Math.min(255, Math.round(255 * d.feature(i, y * side + x) / norm)));
                    g.setColor(new Color(v, v, v));
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
            shown[c]++;
        }
        g.setColor(Color.DARK_GRAY);
        for (int c = 0; c < k; c++) {
            String label = d.classNames().get(c);
            if (label.length() > 10) {
                label = label.substring(0, 9) + "\u2026";
            }
            g.drawString(label, pad + c * (cell + pad), labelH - 4);
        }
        g.dispose();
        return img;
    }
}
