package org.reprolab.reproductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.Outcome;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ReproSession;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Reproductions;
import org.reprolab.repro.Step;
import org.reprolab.repro.StepResult;
import org.reprolab.repro.Verdict;

/**
 * The contract every registered paper keeps (in the spirit of scikit-learn's {@code check_estimator}): its id,
 * packages, services entry, pinned verdicts, notebook and baseline agree, and one cheap step runs without
 * Jupyter with the verdicts it pins. A failure says what is missing and where, so {@code ./reprolab new <id>}
 * plus this test guide a new paper's author.
 */
class PaperContractTest {

    /** Tests run in {@code reproductions/}; the checkout is one level up. */
    static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    static final Path SERVICES = ROOT.resolve(
            "reproductions/src/main/resources/META-INF/services/org.reprolab.repro.Reproduction");
    static final Pattern STEP_CELL = Pattern.compile("^\\s*(\\w+)\\.step\\(\"([a-z0-9-]+)\"\\);?\\s*$");
    /** Code cells longer than this belong in the library (d2l-java's median cell is 7 lines). */
    static final int MAX_CELL_LINES = 12;

    @TestFactory
    Stream<DynamicNode> everyPaperKeepsTheContract() {
        return Reproductions.all().stream().map(r -> DynamicContainer.dynamicContainer(r.id(), Stream.of(
                DynamicTest.dynamicTest("identity and packages", () -> identity(r)),
                DynamicTest.dynamicTest("template and declared claims", () -> template(r)),
                DynamicTest.dynamicTest("pinned verdicts", () -> pinned(r)),
                DynamicTest.dynamicTest("notebook", () -> notebook(r)),
                DynamicTest.dynamicTest("baseline", () -> baseline(r)),
                DynamicTest.dynamicTest("smoke step runs with its pinned verdicts", () -> smokeStep(r)))));
    }

    @Test
    void everyReproductionPackageIsRegisteredOnceAndIdsAndNumbersAreUnique() throws IOException {
        Set<String> registered = new TreeSet<>();
        for (String line : Files.readAllLines(SERVICES)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertTrue(registered.add(line.trim()), "registered twice in " + SERVICES + ": " + line);
            }
        }
        Set<String> found = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("reproductions/src/main/java/org/reprolab/reproductions"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(d)) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Reproduction.java"))
                            .forEach(n -> found.add("org.reprolab.reproductions." + d.getFileName() + "."
                                    + n.replace(".java", "")));
                }
            }
        }
        assertEquals(found, registered, "every reproduction class has one line in " + SERVICES + " and each line "
                + "names one (add the missing line, or delete the stale one)");
        Set<String> ids = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (Reproduction r : Reproductions.all()) {
            assertTrue(ids.add(r.id()), "two papers with id " + r.id());
            assertTrue(numbers.add(r.card().number()), "two papers with number " + r.card().number());
        }
    }

    static String pkg(String id) {
        return id.replace("-", "");
    }

    static void identity(Reproduction r) {
        PaperCard c = r.card();
        assertTrue(c.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), "id '" + c.id() + "': lower-case words joined by '-'");
        assertTrue(c.number() >= 1 && c.number() <= 36, c.id() + ": number " + c.number() + " is not in 1..36");
        assertTrue(!c.title().isBlank() && !c.authors().isEmpty() && c.year() > 1900 && !c.summary().isBlank(),
                c.id() + ": the card needs a title, authors, a year and a summary");
        assertEquals("org.reprolab.reproductions." + pkg(c.id()), r.getClass().getPackageName(),
                c.id() + ": the reproduction lives in the package named after the id");
        Path info = ROOT.resolve("library/src/main/java/org/reprolab/papers/" + pkg(c.id()) + "/package-info.java");
        assertTrue(Files.isRegularFile(info), c.id() + ": the library code lives in org.reprolab.papers."
                + pkg(c.id()) + ", with a package-info.java (" + info + ")");
    }

    static void template(Reproduction r) throws IllegalAccessException {
        assertTrue(r instanceof PaperReproduction<?>, r.id() + ": extend PaperReproduction (CONTRIBUTING)");
        Set<String> declared = new HashSet<>();
        r.claims().forEach(c -> declared.add(c.id()));
        for (Field f : r.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Claim.class) {
                f.setAccessible(true);
                Claim c = (Claim) f.get(null);
                assertTrue(declared.contains(c.id()), r.id() + ": claim " + f.getName() + " ('" + c.id()
                        + "') is declared but no step decides it");
            }
        }
        for (Claim c : r.claims()) {
            assertTrue(c.reference() != null || c.isCheck(),
                    r.id() + "." + c.id() + ": a claim needs the paper's number or Reference.noNumber(source)");
            assertTrue(!c.sampled() || c.criterion().decidesIntervals(), r.id() + "." + c.id()
                    + ": a claim decided over seeds needs a criterion that can decide an interval");
        }
        claimsOrConcept(r.card(), r.claims());
        assertTrue(r.steps().stream().anyMatch(s -> s.id().equals(((PaperReproduction<?>) r).smokeStep())));
        List<String> texts = new ArrayList<>(List.of(r.card().title(), r.card().summary()));
        texts.addAll(r.standIns(Profile.QUICK));
        texts.addAll(r.standIns(Profile.FULL));
        r.steps().forEach(s -> texts.add(s.title()));
        for (Claim c : r.claims()) {
            texts.addAll(List.of(c.statement(), String.valueOf(c.basis()), c.referenceOrDefault().text(),
                    c.referenceOrDefault().source()));
        }
        texts.forEach(t -> assertTrue(!t.contains("TODO"), r.id() + ": the scaffold's TODO is still there: " + t));
    }

    /** A paper decides at least one claim, unless its card marks it a concept: then checks only, at least one. */
    static void claimsOrConcept(PaperCard card, List<Claim> decided) {
        long claims = decided.stream().filter(c -> !c.isCheck()).count();
        if (card.concept()) {
            assertTrue(claims == 0 && decided.size() > 0, card.id() + ": a concept notebook (PaperCard.asConcept()) "
                    + "decides checks only, at least one, and no claim; it decides " + claims + " claims and "
                    + (decided.size() - claims) + " checks");
        } else {
            assertTrue(claims > 0, card.id() + ": a paper decides at least one of its claims; a perspective paper "
                    + "with no number to check is a concept notebook: mark its card with PaperCard.asConcept()");
        }
    }

    @Test
    void aPaperWithoutClaimsIsAcceptedOnlyWhenMarkedConcept() {
        PaperCard card = new PaperCard("toy", 1, "A toy", List.of("Ada Lovelace"), 1843, "Notes", "", "A toy.");
        Claim check = Claim.check("identity", "Holds by construction.").criterion(Criterion.atMost(1e-9), "ours: x");
        Claim claim = Claim.claim("effect", "The paper's effect.").criterion(Criterion.atLeast(0), "ours: x");
        claimsOrConcept(card, List.of(claim, check));
        claimsOrConcept(card.asConcept(), List.of(check));
        assertThrows(AssertionFailedError.class, () -> claimsOrConcept(card, List.of(check)));
        assertThrows(AssertionFailedError.class, () -> claimsOrConcept(card.asConcept(), List.of(claim, check)));
        assertThrows(AssertionFailedError.class, () -> claimsOrConcept(card.asConcept(), List.of()));
    }

    static Properties pinnedVerdicts(String id) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PaperContractTest.class.getResourceAsStream("/expected-verdicts/" + id + ".properties")) {
            assertNotNull(in, id + ": pin every claim's quick verdict in reproductions/src/test/resources/"
                    + "expected-verdicts/" + id + ".properties (PASS, FAIL or INCONCLUSIVE)");
            p.load(in);
        }
        return p;
    }

    static void pinned(Reproduction r) throws IOException {
        Properties p = pinnedVerdicts(r.id());
        Set<String> claims = new TreeSet<>();
        r.claims().forEach(c -> claims.add(c.id()));
        assertEquals(claims, new TreeSet<>(p.stringPropertyNames()), r.id() + ": pin exactly the claims and checks "
                + "the reproduction declares");
        for (Claim c : r.claims()) {
            String v = p.getProperty(c.id()).trim();
            assertTrue(Set.of("PASS", "FAIL", "INCONCLUSIVE").contains(v), r.id() + "." + c.id() + "=" + v);
            assertTrue(!c.isCheck() || v.equals("PASS"), r.id() + "." + c.id() + " is a check: it holds by "
                    + "construction, so a pinned " + v + " is a bug to fix, not a verdict");
        }
    }

    static JsonObject readNotebook(String id) throws IOException {
        Path nb = ROOT.resolve("notebooks/" + id + ".ipynb");
        assertTrue(Files.isRegularFile(nb), id + ": every paper has its notebook, " + nb + " (./reprolab new writes "
                + "a skeleton)");
        return JsonParser.parseString(Files.readString(nb, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            s.getAsJsonArray().forEach(x -> b.append(x.getAsString()));
            return b.toString();
        }
        return s.getAsString();
    }

    static void notebook(Reproduction r) throws IOException {
        String id = r.id();
        JsonObject nb = readNotebook(id);
        assertEquals("reprolab-java", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name")
                .getAsString(), id + ": the notebook's kernel is reprolab-java");
        List<JsonObject> code = new ArrayList<>();
        Set<String> cellIds = new HashSet<>();
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            assertTrue(cell.has("id") && cellIds.add(cell.get("id").getAsString()), id + ": every cell needs a "
                    + "unique id (the baseline is keyed by it)");
            JsonObject meta = cell.getAsJsonObject("metadata");
            JsonArray tags = meta == null ? null : meta.getAsJsonArray("tags");
            assertTrue(tags == null || !tags.toString().contains("raises-exception"), id + ": cell "
                    + cell.get("id") + " is tagged raises-exception; a red claim is shown, not thrown");
            if (cell.get("cell_type").getAsString().equals("code")) {
                code.add(cell);
                assertTrue(!cell.has("outputs") || cell.getAsJsonArray("outputs").isEmpty(), id + ": cell "
                        + cell.get("id") + " has outputs; commit notebooks without outputs");
                int lines = source(cell).strip().split("\n").length;
                assertTrue(lines <= MAX_CELL_LINES, id + ": cell " + cell.get("id") + " has " + lines + " lines; "
                        + "move the code into the library (at most " + MAX_CELL_LINES + " lines a cell)");
            }
        }
        String session = null;
        Matcher start = Pattern.compile("var (\\w+) = ReproSession\\.start\\(\"" + Pattern.quote(id) + "\"\\)")
                .matcher("");
        for (JsonObject c : code) {
            if (start.reset(source(c)).find()) {
                session = start.group(1);
                break;
            }
        }
        assertNotNull(session, id + ": a code cell starts the session: var <name> = ReproSession.start(\"" + id + "\")");
        List<String> stepCells = new ArrayList<>();
        for (JsonObject c : code) {
            Matcher m = STEP_CELL.matcher(source(c).strip());
            if (m.matches()) {
                assertEquals(session, m.group(1), id + ": step cells use the session variable");
                stepCells.add(m.group(2));
            }
        }
        assertEquals(r.steps().stream().map(Step::id).toList(), stepCells, id + ": one '" + session
                + ".step(\"<id>\");' cell per step, in the reproduction's order");
        int n = code.size();
        assertTrue(n >= 2 && source(code.get(n - 2)).strip().equals(session + ".verdicts()")
                && source(code.get(n - 1)).strip().startsWith("ResultWriter.forNotebookRunner(" + session + ")"),
                id + ": the last two code cells are '" + session + ".verdicts()' and 'ResultWriter.forNotebookRunner("
                        + session + ")'");
    }

    static void baseline(Reproduction r) throws IOException {
        Path b = ROOT.resolve("ci/baselines/" + r.id() + ".json");
        assertTrue(Files.isRegularFile(b), r.id() + ": record the notebook's baseline with "
                + "'/usr/bin/python3 ci/notebooks.py baseline " + r.id() + "'");
        JsonObject cells = JsonParser.parseString(Files.readString(b, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonObject("cells");
        Set<String> codeIds = new TreeSet<>();
        for (JsonElement e : readNotebook(r.id()).getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                codeIds.add(cell.get("id").getAsString());
            }
        }
        assertEquals(codeIds, new TreeSet<>(cells.keySet()), r.id() + ": the baseline is stale (its cells are not "
                + "the notebook's); rewrite it with '/usr/bin/python3 ci/notebooks.py baseline " + r.id() + "'");
    }

    static void smokeStep(Reproduction r) throws IOException {
        String stepId = ((PaperReproduction<?>) r).smokeStep();
        StepResult s = new ReproSession(r, Profile.QUICK, ReproSession.DEFAULT_SEED).run(stepId);
        assertEquals(null, s.error(), r.id() + "/" + stepId);
        Properties p = pinnedVerdicts(r.id());
        Map<String, String> flips = new LinkedHashMap<>();
        for (Verdict v : s.verdicts()) {
            Outcome want = Outcome.valueOf(p.getProperty(v.claimId(), "FAIL").trim());
            if (v.outcome() != want) {
                flips.put(v.claimId(), "pinned " + want + ", got " + v.oneLine());
            }
        }
        assertTrue(flips.isEmpty(), r.id() + "/" + stepId + ": " + flips);
    }
}
