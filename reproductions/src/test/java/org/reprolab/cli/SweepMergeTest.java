package org.reprolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.math.Estimate;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.Verdict;
import org.reprolab.report.ResultSummary;
import org.reprolab.report.ResultSummary.UnitState;
import org.reprolab.report.ResultWriter;

class SweepMergeTest {

    private static final SweepToy TOY = new SweepToy();
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path out;

    private static Verdict of(List<Verdict> verdicts, Claim c) {
        return verdicts.stream().filter(v -> v.claimId().equals(c.id())).findFirst().orElseThrow();
    }

    private static SweepRunner.Ran run(SweepPlan plan, List<SweepPlan.Unit> units, Path dir, boolean resume)
            throws IOException {
        return SweepRunner.runHere(plan, units, dir, resume, id -> TOY, "abc", QUIET);
    }

    @Test
    void mergedUnitsEqualTheSameSweepInOneProcessBitForBit() throws IOException {
        SweepPlan plan = SweepPlan.of(List.of(TOY), 42, 5, "quick");
        plan.record(out);
        // In pieces and out of order, as shards on several machines finish: 3/3, 1/3 twice (a repeated task), 2/3.
        for (String shard : List.of("3/3", "1/3", "1/3", "2/3")) {
            run(plan, plan.units(SweepPlan.Shard.parse(shard)), out, false);
        }
        SweepMerge.Outcome outcome = SweepMerge.merge(out, plan, id -> TOY, QUIET);
        assertTrue(outcome.complete());
        ResultSummary merged = ResultSummary.read(out.resolve("toy/result.json"));

        // The same sweep in one process, no files: run seeds 42 to 46 one after the other, each claim's estimates
        // pooled in run seed order and decided by the claim's criterion.
        List<ReproResult> runs = LongStream.range(42, 47).mapToObj(s -> TOY.run(Profile.QUICK, s)).toList();
        for (Claim c : TOY.claims()) {
            Estimate pooled = Estimate.pool(runs.stream().map(r -> of(r.verdicts(), c).estimate()).toList());
            Verdict expected = Verdict.pooled(c, "draw", pooled, "");
            Verdict got = of(merged.verdicts(), c);
            assertEquals(expected.estimate(), got.estimate(), c.id()); // every double compared bit for bit
            assertEquals(expected.outcome(), got.outcome(), c.id());
            assertEquals(expected.criterion(), got.criterion(), c.id());
            if (!c.isCheck()) {
                assertNotEquals(of(runs.get(0).verdicts(), c).estimate(), got.estimate(), c.id() + " was not pooled");
            }
        }
        assertEquals(20, of(merged.verdicts(), SweepToy.MEAN).estimate().n(), "5 runs x 4 draws");
        assertEquals(100, of(merged.verdicts(), SweepToy.RATE).estimate().n(), "5 runs x 20 trials");
        double meanFirstDraw = runs.stream().mapToDouble(r -> r.metrics().get("draw/first draw")).sum()
                / runs.size();
        assertEquals(meanFirstDraw, merged.metrics().get("draw/first draw"));
        assertEquals("5 of 5 units pooled (run seeds 42 to 46)", merged.sweep().line());
    }

    @Test
    void missingAndFailedUnitsAreListedAndNotPooled() throws IOException {
        SweepPlan plan = SweepPlan.of(List.of(TOY), 42, 4, "quick");
        plan.record(out);
        run(plan, plan.units(), out, false);
        deleteTree(out.resolve("toy/seed-44"));
        ResultWriter.writeFolder(out.resolve("toy/seed-45"), d -> Files.writeString(d.resolve(SweepMerge.FAILED_FILE),
                "IllegalStateException: boom\n"));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepMerge.Outcome outcome = SweepMerge.merge(out, plan, id -> TOY,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertFalse(outcome.complete());
        assertEquals(1, outcome.missing());
        assertEquals(1, outcome.failed());
        String line = "toy: 2 of 4 units pooled (run seeds 42 to 45); missing: seed-44; failed: seed-45 "
                + "(IllegalStateException: boom)";
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(line), log.toString(StandardCharsets.UTF_8));
        ResultSummary merged = ResultSummary.read(out.resolve("toy/result.json"));
        assertFalse(merged.complete());
        assertEquals(8, of(merged.verdicts(), SweepToy.MEAN).estimate().n(), "2 runs x 4 draws");

        // --resume runs exactly the missing and the failed unit; then the merge is complete.
        SweepRunner.Ran again = run(plan, plan.units(), out, true);
        assertEquals(2, again.ran());
        assertEquals(2, again.skipped());
        assertTrue(SweepMerge.merge(out, plan, id -> TOY, QUIET).complete());
    }

    @Test
    void aUnitKilledBeforeItsRenameLeavesNothingResumeTakesAsDone() throws Exception {
        SweepPlan plan = SweepPlan.of(List.of(TOY), 42, 2, "quick");
        plan.record(out);
        SweepPlan.Unit victim = plan.units().get(1);
        run(plan, List.of(plan.units().get(0)), out, false);
        // The victim's complete result, made elsewhere, which a process copies in and is killed before renaming.
        Path elsewhere = Files.createDirectories(out.resolve("elsewhere"));
        run(plan, List.of(victim), elsewhere, false);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledUnitWriter.class.getName(), victim.dir(out).toString(), victim.dir(elsewhere).toString())
                .inheritIO().start();
        assertEquals(KilledUnitWriter.KILLED, p.waitFor());

        List<Path> left;
        try (Stream<Path> s = Files.list(out.resolve("toy"))) {
            left = s.filter(ResultWriter::isHidden).toList();
        }
        assertEquals(1, left.size(), "the killed write's hidden folder");
        assertTrue(Files.isRegularFile(left.get(0).resolve("result.json")), "it holds a whole result.json");
        assertFalse(Files.exists(victim.dir(out)));
        assertEquals(UnitState.MISSING, SweepMerge.inspect(out, plan, victim).state());
        assertEquals(1, SweepMerge.merge(out, plan, id -> TOY, QUIET).missing());

        SweepRunner.Ran resumed = run(plan, plan.units(), out, true);
        assertEquals(1, resumed.ran(), "the killed unit runs again");
        assertEquals(1, resumed.skipped());
        assertEquals(UnitState.DONE, SweepMerge.inspect(out, plan, victim).state());
        try (Stream<Path> s = Files.list(out.resolve("toy"))) {
            assertEquals(List.of(), s.filter(ResultWriter::isHidden).toList(), "its writer is dead: cleaned up");
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
