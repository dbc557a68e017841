package org.reprolab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reprolab.math.Estimate;
import org.reprolab.math.SignificantDigits;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Tally;
import org.reprolab.repro.Verdict;
import org.reprolab.report.HtmlReport;
import org.reprolab.report.ResultSummary;
import org.reprolab.report.ResultSummary.SweepUnits;
import org.reprolab.report.ResultSummary.Unit;
import org.reprolab.report.ResultSummary.UnitState;
import org.reprolab.report.ResultWriter;

/**
 * Merges the units of a seed sweep into one result per paper, {@code <out>/<id>/result.json}, and writes
 * {@code <out>/index.html}.
 *
 * <p>What a sweep computes: a run with run seed r decides every claim over its own samples (the seeds, trials
 * or restarts its steps derive from r) and keeps them in the claim's {@link Estimate}. The sweep over run seeds
 * r..r+N-1 pools, claim by claim, the estimates of those N runs in ascending run seed ({@link Estimate#pool}: the
 * estimate over all their samples) and decides the pooled estimate with the claim's own criterion
 * ({@link Verdict#pooled}). Each run is deterministic (README, Numerics) and its estimates survive
 * {@code result.json} bit for bit, so the merge gives the same numbers however the units were spread over
 * processes, shards and machines, in whatever order they finished.
 *
 * <p>Units that are missing (not run, running or killed) or failed are listed, not pooled.
 */
final class SweepMerge {

    /** What a unit that threw before it had a result leaves in its folder: the error, one line. */
    static final String FAILED_FILE = "failed.txt";

    private SweepMerge() {}

    /**
     * A unit's state on disk.
     *
     * @param unit the unit
     * @param state done, failed or missing
     * @param why why it failed, or empty
     * @param result its result when done, else null
     */
    record UnitStatus(SweepPlan.Unit unit, UnitState state, String why, ResultSummary result) {

        /** The unit as the merged result lists it. */
        Unit summary() {
            return new Unit(unit.seed(), state, unit.folder(), why, result == null ? 0 : result.wallSeconds(),
                    result == null || result.gitCommit() == null ? "" : result.gitCommit());
        }
    }

    /**
     * What a merge found.
     *
     * @param tally the merged verdicts of every paper, counted
     * @param units units expected
     * @param missing units without a result
     * @param failed units that failed
     */
    record Outcome(Tally tally, int units, int missing, int failed) {

        /** Whether every unit is done. */
        boolean complete() {
            return missing == 0 && failed == 0;
        }
    }

    /** The state of {@code u}: done (a complete result of this unit), failed (and why) or missing. */
    static UnitStatus inspect(Path out, SweepPlan plan, SweepPlan.Unit u) {
        Path dir = u.dir(out);
        if (!Files.isDirectory(dir)) {
            return new UnitStatus(u, UnitState.MISSING, "", null);
        }
        try {
            Path failed = dir.resolve(FAILED_FILE);
            if (Files.isRegularFile(failed)) {
                return new UnitStatus(u, UnitState.FAILED, Files.readString(failed, StandardCharsets.UTF_8).strip(),
                        null);
            }
            ResultSummary s = ResultSummary.read(dir.resolve("result.json"));
            if (!s.id().equals(u.paper()) || s.seed() != u.seed() || !plan.profile().equals(s.profile())) {
                return new UnitStatus(u, UnitState.FAILED, "its result.json is of " + s.id() + " seed " + s.seed()
                        + ", " + s.profile() + " profile", null);
            }
            if (!s.complete()) {
                return new UnitStatus(u, UnitState.FAILED, "not every step ran", null);
            }
            Optional<Verdict> unmeasured = s.verdicts().stream().filter(Verdict::unmeasured).findFirst();
            if (unmeasured.isPresent()) {
                return new UnitStatus(u, UnitState.FAILED, unmeasured.get().claimId() + ": "
                        + unmeasured.get().detail(), null);
            }
            return new UnitStatus(u, UnitState.DONE, "", s);
        } catch (IOException e) {
            return new UnitStatus(u, UnitState.FAILED, e.getMessage(), null);
        }
    }

    /**
     * Merges the sweep under {@code out} (its manifest says which units to expect), writes each paper's merged
     * result and the report, and prints one line per paper. {@code papers} finds a paper's claims by id.
     */
    static Outcome merge(Path out, SweepPlan plan, Function<String, Reproduction> papers, PrintStream log)
            throws IOException {
        Tally all = new Tally(0, 0, 0, 0, 0);
        int missing = 0;
        int failed = 0;
        for (String id : plan.papers()) {
            Reproduction r = papers.apply(id);
            List<UnitStatus> units = plan.units(id).stream().map(u -> inspect(out, plan, u)).toList();
            SweepUnits sweep = new SweepUnits(plan.seedList(), units.stream().map(UnitStatus::summary).toList());
            missing += sweep.in(UnitState.MISSING).size();
            failed += sweep.in(UnitState.FAILED).size();
            Path merged = out.resolve(id).resolve("result.json");
            List<ResultSummary> done = units.stream().filter(u -> u.state() == UnitState.DONE)
                    .map(UnitStatus::result).toList();
            if (done.isEmpty()) {
                // An older merge's result would outlive the units it pooled.
                Files.deleteIfExists(merged);
                log.println(id + ": " + sweep.line() + "; no merged result");
                continue;
            }
            ResultWriter.cleanStale(merged); // what a killed merge left
            ResultSummary s = merged(r, plan, done, sweep);
            ResultWriter.writeFile(merged, s.toJson());
            log.println(id + ": " + sweep.line() + ": " + s.tally().line());
            all = all.plus(s.tally());
        }
        if (missing + failed < plan.units().size()) {
            log.println("report: " + HtmlReport.write(out).toAbsolutePath());
        } else {
            log.println("report: not written, no unit is done yet");
        }
        return new Outcome(all, plan.units().size(), missing, failed);
    }

    /** The merged result of one paper from its done units (seeds ascending). */
    static ResultSummary merged(Reproduction r, SweepPlan plan, List<ResultSummary> done, SweepUnits sweep) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Claim c : r.claims()) {
            List<Verdict> parts = new ArrayList<>();
            for (ResultSummary s : done) {
                parts.add(s.verdicts().stream().filter(v -> v.claimId().equals(c.id())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(r.id() + "/seed-" + s.seed()
                                + " has no verdict for claim '" + c.id() + "' (it ran other code); delete that folder "
                                + "and rerun the sweep with --resume")));
            }
            Estimate pooled;
            try {
                pooled = Estimate.pool(parts.stream().map(Verdict::estimate).toList());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot pool " + r.id() + "/" + c.id() + " over its units: "
                        + e.getMessage(), e);
            }
            verdicts.add(Verdict.pooled(c, parts.get(0).step(), pooled, detail(parts, done)));
        }
        ResultSummary first = done.get(0);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String k : first.metrics().keySet()) {
            if (done.stream().allMatch(s -> s.metrics().containsKey(k))) {
                metrics.put(k, done.stream().mapToDouble(s -> s.metrics().get(k)).sum() / done.size());
            }
        }
        Map<String, Double> stepSeconds = new LinkedHashMap<>();
        done.forEach(s -> s.stepSeconds().forEach((k, v) -> stepSeconds.merge(k, v, Double::sum)));
        String folder = "seed-" + first.seed() + "/";
        Function<ResultSummary.Artifact, ResultSummary.Artifact> inUnit = a -> new ResultSummary.Artifact(a.name(),
                folder + a.file(), a.title(), a.rows(), a.columns());
        LinkedHashSet<String> commits = done.stream().map(ResultSummary::gitCommit)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> notes = new ArrayList<>();
        notes.add("Merged from a seed sweep: " + sweep.line() + ". Each claim pools the samples of every done unit and "
                + "is decided again by its criterion; metrics are means over those units; tables, charts and the "
                + "notes below are run seed " + first.seed() + "'s (every unit's own are in " + r.id()
                + "/seed-<s>/).");
        if (commits.size() > 1) {
            notes.add("The units ran at different commits: " + String.join(", ", commits) + ".");
        }
        notes.addAll(first.notes());
        boolean complete = sweep.in(UnitState.DONE).size() == sweep.units().size();
        return new ResultSummary(r.id(), first.card(), plan.profile(), plan.firstSeed(), first.reprolabVersion(),
                String.join(",", commits), first.engine(), first.startedAt(),
                done.stream().mapToDouble(ResultSummary::wallSeconds).sum(), complete, Tally.of(verdicts), verdicts,
                metrics, first.tables().stream().map(inUnit).toList(), first.charts().stream().map(inUnit).toList(),
                first.standIns(), notes, stepSeconds, sweep);
    }

    /** How a pooled verdict came about: the runs' values, then the first run's own detail. */
    private static String detail(List<Verdict> parts, List<ResultSummary> done) {
        Verdict first = parts.get(0);
        String own = first.detail().isEmpty() ? "" : "; run seed " + done.get(0).seed() + ": " + first.detail();
        if (parts.size() == 1) {
            return "1 run (run seed " + done.get(0).seed() + ")" + own;
        }
        boolean same = parts.stream().allMatch(v -> v.estimate().equals(first.estimate()));
        String seeds = done.stream().map(s -> Long.toString(s.seed())).collect(Collectors.joining(", "));
        if (same) {
            return "the same in all " + parts.size() + " runs (run seeds " + seeds + ")" + own;
        }
        return "pooled over " + parts.size() + " runs (run seeds " + seeds + "; each run: "
                + parts.stream().map(v -> SignificantDigits.format(v.measured())).collect(Collectors.joining(", "))
                + ")" + own;
    }
}
