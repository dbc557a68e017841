package org.reprolab.kernel.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.reprolab.kernel.execution.JShellEvaluator;
import org.reprolab.kernel.execution.UsageException;
import org.reprolab.report.Html;
import org.reprolab.report.ResultHtml;

/**
 * The IJava-compatible magics, which need the kernel's JShell: {@code %classpath}, {@code %jars},
 * {@code %maven}, {@code %load}, {@code %time} / {@code %%time}, and {@code %help}.
 */
public final class KernelMagics {

    private KernelMagics() {}

    /** Registers the magics on {@code r}; they run only in a kernel that is a {@link KernelHost}. */
    public static void register(MagicsRegistry r) {
        r.registerLineMagic("classpath", (BaseKernel k, List<String> a) -> classpath(host(k), a, "classpath", false));
        r.registerLineMagic("jars", (BaseKernel k, List<String> a) -> classpath(host(k), a, "jars", true));
        r.registerLineMagic("maven", (BaseKernel k, List<String> a) -> maven(host(k), a));
        r.registerLineMagic("load", (BaseKernel k, List<String> a) -> load(host(k), a));
        r.registerLineMagic("time", (BaseKernel k, List<String> a) -> time(host(k), String.join(" ", a)));
        r.registerCellMagic("time", (BaseKernel k, List<String> a, String body) -> time(host(k), body));
        r.registerLineMagic("help", (BaseKernel k, List<String> a) -> help(k, a));
        MagicHelp.line("classpath", "PATH...", "add jars or folders (globs and ':'-lists allowed) to the class path");
        MagicHelp.line("jars", "GLOB...", "add jar files to the class path (as %classpath, jars only)");
        MagicHelp.line("maven", "GROUP:ARTIFACT:VERSION... [--repo URL]",
                "resolve from Maven Central into ~/.m2 and add with dependencies");
        MagicHelp.line("load", "FILE", "run a .java, .jsh or .ipynb file's code here (extension optional)");
        MagicHelp.line("time", "CODE", "run CODE and print its wall time");
        MagicHelp.cell("time", "", "run the cell's other lines and print their wall time");
        MagicHelp.line("help", "", "this list");
    }

    private static KernelHost host(BaseKernel k) {
        return (KernelHost) k;
    }

    static Object classpath(KernelHost k, List<String> args, String magic, boolean jarsOnly) throws IOException {
        if (args.isEmpty()) {
            throw new UsageException("%" + magic + ": usage: %" + magic + " PATH... (globs allowed)");
        }
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            for (String part : arg.split(File.pathSeparator)) {
                if (part.isBlank()) {
                    continue;
                }
                List<Path> found = glob(expandHome(part));
                if (found.isEmpty()) {
                    throw new UsageException("%" + magic + ": nothing matches '" + part + "' (from "
                            + Path.of("").toAbsolutePath() + ")");
                }
                for (Path p : found) {
                    if (jarsOnly && !p.toString().endsWith(".jar")) {
                        continue;
                    }
                    paths.add(p.toAbsolutePath().normalize());
                }
            }
        }
        k.addToClasspath(paths);
        System.out.println("added to the class path: " + paths.stream().map(Path::toString)
                .collect(Collectors.joining(", ")));
        return null;
    }

    /** Files matching a glob ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}, {@code **} for any depth). */
    static List<Path> glob(String pattern) throws IOException {
        String[] segs = pattern.split("/", -1);
        int firstGlob = 0;
        while (firstGlob < segs.length && !segs[firstGlob].matches(".*[*?\\[{].*")) {
            firstGlob++;
        }
        if (firstGlob == segs.length) {
            Path p = Path.of(pattern);
            return Files.exists(p) ? List.of(p) : List.of();
        }
        String baseText = String.join("/", java.util.Arrays.copyOfRange(segs, 0, firstGlob));
        Path base = baseText.isEmpty() ? (pattern.startsWith("/") ? Path.of("/") : Path.of(".")) : Path.of(baseText);
        String rest = String.join("/", java.util.Arrays.copyOfRange(segs, firstGlob, segs.length));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        java.nio.file.PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segs.length - firstGlob;
        try (java.util.stream.Stream<Path> s = Files.walk(base, depth)) {
            return s.filter(p -> !p.equals(base) && m.matches(base.relativize(p))).sorted().toList();
        }
    }

    private static String expandHome(String p) {
        return p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p;
    }

    static Object maven(KernelHost k, List<String> args) throws Exception {
        MagicArgs a = MagicArgs.parse("maven", args, Set.of("repo"), Set.of());
        if (a.positional.isEmpty()) {
            throw a.usage("usage: %maven GROUP:ARTIFACT:VERSION... [--repo URL]");
        }
        List<MavenResolver.Coordinate> coords = a.positional.stream().map(MavenResolver.Coordinate::parse).toList();
        String repo = a.option("repo", null);
        List<Path> jars = MavenResolver.resolve(coords, repo == null ? List.of() : List.of(repo));
        k.addToClasspath(jars);
        System.out.println("resolved " + String.join(", ", a.positional) + ": " + jars.size() + " jar"
                + (jars.size() == 1 ? "" : "s") + " added to the class path");
        return null;
    }

    static Object load(KernelHost k, List<String> args) throws Exception {
        if (args.size() != 1) {
            throw new UsageException("%load: usage: %load FILE (.java, .jsh or .ipynb)");
        }
        Path file = Path.of(expandHome(args.get(0)));
        if (!Files.isRegularFile(file)) {
            for (String ext : List.of(".jsh", ".java", ".ipynb")) {
                Path p = Path.of(file + ext);
                if (Files.isRegularFile(p)) {
                    file = p;
                    break;
                }
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("%load: no file '" + args.get(0) + "' (nor with .jsh, .java or .ipynb) in "
                    + Path.of("").toAbsolutePath());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Object last = JShellEvaluator.NO_VALUE;
        if (name.endsWith(".ipynb")) {
            for (String cell : notebookCode(file)) {
                last = k.runNested(cell);
            }
        } else {
            last = k.runNested(Files.readString(file, StandardCharsets.UTF_8));
        }
        return last == JShellEvaluator.NO_VALUE ? null : last;
    }

    /** The code cells of a notebook, in order. */
    static List<String> notebookCode(Path file) throws IOException {
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IOException(file + " is not a notebook: " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        JsonArray cells = root.getAsJsonObject().getAsJsonArray("cells");
        if (cells == null) {
            return out;
        }
        for (JsonElement c : cells) {
            JsonObject cell = c.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            JsonElement src = cell.get("source");
            if (src.isJsonArray()) {
                StringBuilder s = new StringBuilder();
                src.getAsJsonArray().forEach(line -> s.append(line.getAsString()));
                out.add(s.toString());
            } else {
                out.add(src.getAsString());
            }
        }
        return out;
    }

    static Object time(KernelHost k, String code) throws Exception {
        if (code.isBlank()) {
            throw new UsageException("%time: usage: %time CODE, or %%time on the first line of a cell");
        }
        long t0 = System.nanoTime();
        Object v;
        try {
            v = k.runNested(code);
        } finally {
            System.out.println("Wall time: " + formatNanos(System.nanoTime() - t0));
        }
        return v == JShellEvaluator.NO_VALUE ? null : v;
    }

    static String formatNanos(long ns) {
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    static Object help(BaseKernel k, List<String> args) {
        MagicArgs.parse("help", args, Set.of(), Set.of()).expect(0, 0, "");
        // ResultHtml's cells: left-aligned, where Notebook's CSS right-aligns table cells, also untrusted
        StringBuilder h = new StringBuilder("<table style=\"" + ResultHtml.TABLE + "\"><thead><tr>"
                + ResultHtml.th("magic") + ResultHtml.th("what it does") + "</tr></thead><tbody>");
        for (String[] row : MagicHelp.rows(k.getMagicsRegistry())) {
            h.append("<tr>").append(ResultHtml.td("<code>" + Html.escape(row[0]) + "</code>"))
                    .append(ResultHtml.td(Html.escape(row[1]))).append("</tr>");
        }
        h.append("<tr>").append(ResultHtml.td("<code>expression?</code>"))
                .append(ResultHtml.td("signature and javadoc of expression (pager)")).append("</tr>");
        h.append("</tbody></table>");
        DisplayData d = new DisplayData();
        d.putText(MagicHelp.text(k.getMagicsRegistry()));
        d.putHTML(Views.wrap(h.toString()));
        k.display(d);
        return null;
    }
}
