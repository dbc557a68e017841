package org.reprolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Reproductions;
import org.reprolab.repro.Verdict;
import org.reprolab.report.ResultSummary;

/**
 * Runs the quick profile of every reproduction that has no notebook yet, once, through the CLI, and compares
 * each claim's verdict with {@code expected-verdicts/<id>.properties}: a claim that flips either way fails the test.
 * Results stay in {@code target/quick-results} for inspection.
 *
 * <p>A paper with a notebook ({@code notebooks/<id>.ipynb}) is checked by the notebook runner instead
 * ({@code ci/notebooks.py run}, after the unit tests): its notebook runs every step in the quick profile and
 * its verdicts are compared with the same file. Each paper's quick profile thus runs once per CI run.
 */
class QuickProfileTest {

    @TestFactory
    Stream<DynamicTest> quickProfileVerdictsMatchTheExpectedOnes() throws IOException {
        Path out = Paths.get("target", "quick-results");
        return Reproductions.all().stream().filter(r -> !hasNotebook(r.id()))
                .map(r -> DynamicTest.dynamicTest(r.id(), () -> check(r, out, expected(r.id()))));
    }

    /** The pinned verdicts of paper {@code id}, keyed by claim id. */
    static Properties expected(String id) throws IOException {
        Properties p = new Properties();
        try (InputStream in = QuickProfileTest.class.getResourceAsStream("/expected-verdicts/" + id + ".properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p;
    }

    /** Whether {@code notebooks/<id>.ipynb} exists (tests run in {@code reproductions/}). */
    static boolean hasNotebook(String id) {
        for (Path dir : new Path[] {Paths.get("..", "notebooks"), Paths.get("notebooks")}) {
            if (Files.isRegularFile(dir.resolve(id + ".ipynb"))) {
                return true;
            }
        }
        return false;
    }

    private static void check(Reproduction r, Path out, Properties expected) throws IOException {
        int code = ReprolabCli.execute("run", r.id(), "--profile", "quick", "--out", out.toString(), "--no-report");
        ResultSummary s = ResultSummary.read(out.resolve(r.id()).resolve("result.json"));
        assertTrue(s.complete(), "every step ran");
        List<String> flips = new ArrayList<>();
        for (Claim c : r.claims()) {
            Verdict v = s.verdicts().stream().filter(x -> x.claimId().equals(c.id())).findFirst().orElseThrow();
            assertFalse(v.measuredText().startsWith("not measured"), r.id() + "." + c.id() + " " + v.measuredText());
            assertFalse(Double.isNaN(v.measured()), r.id() + "." + c.id() + " measured NaN");
            String want = expected.getProperty(c.id());
            if (want == null) {
                flips.add(r.id() + "." + c.id() + " has no expected verdict; it measured " + v.oneLine());
            } else if (!want.strip().equals(v.label())) {
                flips.add(r.id() + "." + c.id() + " expected " + want.strip() + ", got " + v.oneLine());
            }
        }
        assertTrue(flips.isEmpty(), String.join("\n", flips));
        assertEquals(s.tally().anyFailed() ? ReprolabCli.CLAIMS_FAILED : 0, code, "exit code");
        assertTrue(Files.isRegularFile(out.resolve(r.id()).resolve("result.json")));
    }
}
