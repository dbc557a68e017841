package org.reprolab.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.engine.EngineInfo;
import org.reprolab.engine.Engines;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.StepResult;
import org.reprolab.repro.Tally;
import org.reprolab.repro.Verdict;

/**
 * The data of a result, as written to {@code result.json}: what the report and the output comparer read.
 *
 * @param id paper id
 * @param card paper card
 * @param profile quick or full
 * @param seed run seed
 * @param reprolabVersion Reprolab's version
 * @param gitCommit commit of the code that ran (with {@code -dirty} when uncommitted changes were present)
 * @param engine engine, device, threads
 * @param startedAt ISO-8601 start
 * @param wallSeconds wall time of the steps
 * @param complete whether all steps ran
 * @param tally claims (pass, fail, inconclusive) and checks (pass, fail), counted apart
 * @param verdicts one per claim and check, in declaration order
 * @param metrics all metrics ({@code step/name})
 * @param tables tables, with their CSV files
 * @param charts charts, with their PNG files
 * @param standIns what stands in for the paper's setting
 * @param notes remarks from the steps
 * @param stepSeconds wall time per step
 * @param sweep for a result merged from a seed sweep, its units (null for the result of one run)
 */
public record ResultSummary(String id, PaperCard card, String profile, long seed, String reprolabVersion,
        String gitCommit, EngineInfo engine, String startedAt, double wallSeconds, boolean complete, Tally tally,
        List<Verdict> verdicts, Map<String, Double> metrics,
        List<Artifact> tables, List<Artifact> charts, List<String> standIns, List<String> notes,
        Map<String, Double> stepSeconds, SweepUnits sweep) {

    /**
     * A table or chart and the file it was written to.
     *
     * @param name key, {@code step-name}
     * @param file path relative to the result's folder
     * @param title the table's name or the chart's title, for captions
     * @param rows rows (tables) or height in pixels (charts)
     * @param columns columns (tables) or width in pixels (charts)
     */
    public record Artifact(String name, String file, String title, int rows, int columns) { }

    /**
     * The units of a seed sweep that a merged result pools: one per run seed, each done, failed or missing.
     *
     * @param seeds the run seeds the sweep expects, ascending
     * @param units one per seed, in the same order
     */
    public record SweepUnits(List<Long> seeds, List<Unit> units) {

        /** The units in {@code state}. */
        public List<Unit> in(UnitState state) {
            return units.stream().filter(u -> u.state() == state).toList();
        }

        /** {@code 3 of 4 units pooled (run seeds 42 to 45); missing: seed 44; failed: seed 45 (why)}. */
        public String line() {
            StringBuilder b = new StringBuilder().append(in(UnitState.DONE).size()).append(" of ").append(units.size())
                    .append(" units pooled (run seeds ").append(seeds.get(0))
                    .append(seeds.size() == 1 ? "" : " to " + seeds.get(seeds.size() - 1)).append(")");
            List<Unit> missing = in(UnitState.MISSING);
            if (!missing.isEmpty()) {
                b.append("; missing: ").append(String.join(", ", missing.stream().map(Unit::folder).toList()));
            }
            List<Unit> failed = in(UnitState.FAILED);
            if (!failed.isEmpty()) {
                b.append("; failed: ").append(String.join(", ", failed.stream()
                        .map(u -> u.folder() + " (" + u.why() + ")").toList()));
            }
            return b.toString();
        }
    }

    /** What became of a unit of a sweep. */
    public enum UnitState {
        /** Its result is complete, and pooled. */
        DONE,
        /** It ran, but a step or the run failed: not pooled. */
        FAILED,
        /** No result: not run yet, running, or killed. */
        MISSING
    }

    /**
     * One unit of a seed sweep: a paper run once with one run seed.
     *
     * @param seed the run seed
     * @param state done, failed or missing
     * @param folder its folder, relative to the paper's ({@code seed-42})
     * @param why why it failed, or empty
     * @param wallSeconds its wall time, 0 unless done
     * @param gitCommit the commit that ran it, or empty
     */
    public record Unit(long seed, UnitState state, String folder, String why, double wallSeconds, String gitCommit) { }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    /** The summary of {@code r}; artifact file names follow {@link ResultWriter}'s layout. */
    public static ResultSummary of(ReproResult r, String gitCommit) {
        List<Artifact> tables = r.tables().entrySet().stream()
                .map(e -> new Artifact(e.getKey(), "tables/" + e.getKey() + ".csv", e.getValue().name(),
                        e.getValue().rowCount(), e.getValue().columnCount())).toList();
        List<Artifact> charts = r.charts().entrySet().stream()
                .map(e -> new Artifact(e.getKey(), "charts/" + e.getKey() + ".png", e.getValue().getTitle(),
                        e.getValue().getHeight(), e.getValue().getWidth())).toList();
        Map<String, Double> stepSeconds = new LinkedHashMap<>();
        for (StepResult s : r.steps()) {
            stepSeconds.put(s.stepId(), s.seconds());
        }
        return new ResultSummary(r.id(), r.card(), r.profile().id(), r.seed(), Engines.reprolabVersion(),
                gitCommit, r.engine(), r.startedAt(), r.wallSeconds(), r.complete(), r.tally(), r.verdicts(),
                r.metrics(), tables, charts, r.standIns(), r.notes(), stepSeconds, null);
    }

    /** This summary as JSON. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** Reads a {@code result.json}; a one-line error names the file when it is not one. */
    public static ResultSummary read(Path file) throws IOException {
        try {
            ResultSummary s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ResultSummary.class);
            if (s == null || s.id() == null || s.card() == null) {
                throw new JsonParseException("missing id or card");
            }
            return s;
        } catch (JsonParseException e) {
            throw new IOException(file + " is not a Reprolab result file (" + e.getMessage()
                    + "); rerun 'reprolab run' to rewrite it", e);
        }
    }
}
