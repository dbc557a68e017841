package org.reprolab.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code reprolab new <id>}: the pieces a new paper needs, so that only its science is left to write. Writes the
 * library package (with package-info), the reproduction skeleton (card, settings record, one step deciding one
 * claim and one check), its services line, the pinned-verdict file, and the notebook skeleton (title, card, the
 * session, one cell per step, the closing cells). Checks every target before writing anything, so a clash leaves
 * nothing behind; {@code PaperContractTest} then says what is still missing.
 */
final class Scaffold {

    /**
     * What the card says.
     *
     * @param id the paper's id
     * @param number its number in the list of papers
     * @param title the title
     * @param authors authors, comma-separated
     * @param year the year
     * @param venue where it appeared
     * @param arxiv the arXiv id, or empty
     */
    record Paper(String id, int number, String title, String authors, int year, String venue, String arxiv) { }

    private Scaffold() {}

    /** {@code info-compression} → {@code infocompression} (the Java package). */
    static String pkg(String id) {
        return id.replace("-", "");
    }

    /** {@code info-compression} → {@code InfoCompression} (the class prefix). */
    static String className(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /** {@code info-compression} → {@code infoCompression} (the notebook's session variable). */
    static String variable(String id) {
        String c = className(id);
        return Character.toLowerCase(c.charAt(0)) + c.substring(1);
    }

    /** Writes the scaffold under {@code root}; returns the files written. One-line errors, nothing half-written. */
    static List<Path> write(Path root, Paper p) throws IOException {
        if (!p.id().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("paper id '" + p.id() + "' must be lower-case words joined by '-' "
                    + "(e.g. info-compression)");
        }
        if (p.number() < 1 || p.number() > 36) {
            throw new IllegalArgumentException("--number must be the paper's number, 1 to 36, got " + p.number());
        }
        Path services = root.resolve("reproductions/src/main/resources/META-INF/services/"
                + "org.reprolab.repro.Reproduction");
        if (!Files.isRegularFile(services)) {
            throw new IllegalArgumentException(root + " is not a Reprolab checkout (no " + services + "); run "
                    + "'./reprolab new' from the checkout");
        }
        String pkg = pkg(p.id());
        String cls = className(p.id()) + "Reproduction";
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(root.resolve("library/src/main/java/org/reprolab/papers/" + pkg + "/package-info.java"),
                libraryInfo(p));
        files.put(root.resolve("reproductions/src/main/java/org/reprolab/reproductions/" + pkg + "/package-info.java"),
                "/**\n" + comment("The reproduction of " + citation(p) + ", \"" + p.title() + "\".") + " */\npackage "
                        + "org.reprolab.reproductions." + pkg + ";\n");
        files.put(root.resolve("reproductions/src/main/java/org/reprolab/reproductions/" + pkg + "/" + cls + ".java"),
                reproduction(p, pkg, cls));
        files.put(root.resolve("reproductions/src/test/resources/expected-verdicts/" + p.id() + ".properties"),
                "# Pinned quick-profile verdicts (seed 42) of " + p.id() + ": PASS, FAIL or INCONCLUSIVE for every "
                        + "claim and check.\n# A verdict that differs in a run fails the tests (ci/notebooks.py, and "
                        + "the contract test without Jupyter).\n\n"
                        + "# Pin each verdict once a run has produced it (./reprolab run " + p.id() + ").\n");
        files.put(root.resolve("notebooks/" + p.id() + ".ipynb"), notebook(p, cls));
        for (Path f : files.keySet()) {
            if (Files.exists(f)) {
                throw new IllegalArgumentException(f + " already exists: paper '" + p.id() + "' has been started; "
                        + "finish it by hand (CONTRIBUTING, 'Adding a paper')");
            }
        }
        String line = "org.reprolab.reproductions." + pkg + "." + cls;
        if (Files.readAllLines(services).stream().anyMatch(l -> l.trim().equals(line))) {
            throw new IllegalArgumentException(line + " is already registered in " + services);
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Files.createDirectories(e.getKey().getParent());
                Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written.add(e.getKey());
            }
            String existing = Files.readString(services, StandardCharsets.UTF_8);
            Files.writeString(services, (existing.endsWith("\n") || existing.isEmpty() ? "" : "\n") + line + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            written.add(services);
        } catch (IOException | RuntimeException e) {
            for (Path f : written) {
                Files.deleteIfExists(f); // nothing half-written
            }
            throw e;
        }
        return written;
    }

    static String citation(Paper p) {
        String[] a = p.authors().split("\\s*,\\s*");
        String first = a[0].substring(a[0].lastIndexOf(' ') + 1);
        return (a.length > 2 ? first + " et al." : a.length == 2 ? first + " and "
                + a[1].substring(a[1].lastIndexOf(' ') + 1) : first) + " (" + p.year() + ")";
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code text} as Javadoc lines (" * ..."), wrapped at spaces to stay within the style check's 120 columns. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(" *");
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > 116 && line.length() > 2) {
                out.append(line).append('\n');
                line = new StringBuilder(" *");
            }
            line.append(' ').append(word);
        }
        return out.append(line).append('\n').toString();
    }

    private static String libraryInfo(Paper p) {
        String link = p.arxiv().isEmpty() ? "" : ", <a href=\"https://arxiv.org/abs/" + p.arxiv() + "\">arXiv:"
                + p.arxiv() + "</a>";
        return "/**\n" + comment(p.authors() + " (" + p.year() + "), \"" + p.title() + "\"" + link + ".") + " *\n"
                + " * <p>Implemented (numbering ours where the paper's is unknown):\n * <ol>\n"
                + " *   <li>TODO: the paper's first idea, with its equation and the class that implements it.</li>\n"
                + " * </ol>\n */\npackage org.reprolab.papers." + pkg(p.id()) + ";\n";
    }

    private static String reproduction(Paper p, String pkg, String cls) {
        List<String> authors = new ArrayList<>();
        for (String a : p.authors().split("\\s*,\\s*")) {
            authors.add(javaString(a));
        }
        return """
                package org.reprolab.reproductions.%1$s;

                import java.util.List;
                import org.reprolab.math.Estimate;
                import org.reprolab.repro.Claim;
                import org.reprolab.repro.Criterion;
                import org.reprolab.repro.PaperCard;
                import org.reprolab.repro.PaperReproduction;
                import org.reprolab.repro.Profile;
                import org.reprolab.repro.Reference;
                import org.reprolab.repro.Settings;
                import org.reprolab.repro.StepContext;

                /** %2$s: TODO one sentence on what this reproduction measures. */
                public final class %3$s extends PaperReproduction<%3$s.Setup> {

                    // TODO the paper's headline, in the paper's direction ("A beats B" is A - B >= 0), decided over
                    // seeds; its criterion's basis is "paper: ...", "notes: ..." or "ours: ...".
                    static final Claim HEADLINE = Claim.claim("headline", "TODO: the paper's claim in one sentence.")
                            .criterion(Criterion.atLeast(0), "paper: TODO where the paper says so")
                            .reference(Reference.noNumber("TODO: section, table or figure"))
                            .overSeeds();
                    // TODO what holds by construction (an identity, a bound the formula implies) is a check.
                    static final Claim IDENTITY = Claim.check("identity", "TODO: what holds by construction.")
                            .criterion(Criterion.atMost(1e-12), "ours: TODO why");

                    /**
                     * What differs between the quick profile (under 60 s on 2 cores) and the full one.
                     *
                     * @param seeds seeds of the sampled claims (at least 3, so that an interval exists)
                     */
                    public record Setup(int seeds) implements Settings {

                        static Setup of(Profile p) {
                            return p == Profile.QUICK ? new Setup(3) : new Setup(10);
                        }

                        @Override
                        public List<String> standIns() {
                            return List.of(seeds + " seeds.");
                        }
                    }

                    /** Declares the steps and the claims each decides. */
                    public %3$s() {
                        super(Setup::of);
                        step("main", "TODO: what this step does", this::main, HEADLINE, IDENTITY);
                    }

                    @Override
                    public PaperCard card() {
                        return new PaperCard(%4$s, %5$d, %6$s,
                                List.of(%7$s), %8$d, %9$s, %10$s,
                                "TODO: one paragraph: what the paper claims and what we check.");
                    }

                    @Override
                    public List<String> standIns() {
                        return List.of("TODO: what stands in for the paper's data, scale or hardware, "
                                + "one sentence each.");
                    }

                    private void main(StepContext ctx, Setup s) {
                        double[] gain = new double[s.seeds()];
                        for (int seed = 0; seed < s.seeds(); seed++) {
                            gain[seed] = ctx.random("seed/" + seed).nextGaussian(); // TODO: the experiment, one seed
                        }
                        ctx.decide(HEADLINE, Estimate.mean(gain), "TODO: what the number is");
                        ctx.decide(IDENTITY, 0, "TODO: how it was computed");
                    }
                }
                """.formatted(pkg, citation(p), cls, javaString(p.id()), p.number(), javaString(p.title()),
                String.join(", ", authors), p.year(), javaString(p.venue()), javaString(p.arxiv()));
    }

    private static String notebook(Paper p, String cls) {
        String v = variable(p.id());
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(cell(p.id(), 0, "markdown", "# " + p.title() + "\n\nTODO: what the paper does and why, in a "
                + "paragraph; the card below lists its claims with their criteria."));
        cells.add(cell(p.id(), 1, "code", "%paper " + p.id()));
        cells.add(cell(p.id(), 2, "markdown", "A session runs the reproduction's steps one cell at a time, in the "
                + "profile `REPROLAB_PROFILE` names (quick unless you say otherwise)."));
        cells.add(cell(p.id(), 3, "code", "import org.reprolab.papers." + pkg(p.id())
                + ".*;\nimport org.reprolab.repro.*;"
                + "\nimport org.reprolab.report.*;\nimport org.reprolab.reproductions." + pkg(p.id()) + "." + cls
                        + ";\n\n"
                + "var " + v + " = ReproSession.start(\"" + p.id() + "\");\nvar setup = (" + cls + ".Setup) " + v
                + ".settings();\nsetup.standIns()"));
        cells.add(cell(p.id(), 4, "markdown", "## TODO: the first idea\n\nTODO: one idea a cell: the equation, a "
                + "call into the library, a chart; then the step that measures it."));
        cells.add(cell(p.id(), 5, "code", v + ".step(\"main\");"));
        cells.add(cell(p.id(), 6, "markdown", "## All verdicts\n\nGreen PASS, red FAIL, amber INCONCLUSIVE (the "
                + "interval straddles the criterion); checks hold by construction and are counted apart."));
        cells.add(cell(p.id(), 7, "code", v + ".verdicts()"));
        cells.add(cell(p.id(), 8, "code", "ResultWriter.forNotebookRunner(" + v + ")          // for CI: writes the "
                + "result where the notebook runner asks"));
        Map<String, Object> nb = new LinkedHashMap<>();
        nb.put("cells", cells);
        // The kernel's language_info (ReprolabKernel.languageInfo; NotebookMetadataTest keeps notebooks in sync).
        nb.put("metadata", Map.of("kernelspec", Map.of("display_name", "Java (Reprolab)", "language", "java",
                "name", "reprolab-java"), "language_info", Map.of("codemirror_mode", "text/x-java", "file_extension",
                ".jsh", "mimetype", "text/x-java-source", "name", "java", "nbconvert_exporter", "script",
                "pygments_lexer", "java", "version", Integer.toString(Runtime.version().feature()))));
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(nb) + "\n";
    }

    private static Map<String, Object> cell(String id, int i, String type, String text) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cell_type", type);
        c.put("id", String.format(Locale.ROOT, "%s-%02d", id, i));
        c.put("metadata", Map.of());
        List<String> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int k = 0; k < split.length; k++) {
            lines.add(k < split.length - 1 ? split[k] + "\n" : split[k]);
        }
        c.put("source", lines);
        if (type.equals("code")) {
            c.put("execution_count", null);
            c.put("outputs", List.of());
        }
        return c;
    }
}
