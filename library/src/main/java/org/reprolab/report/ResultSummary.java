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
 */
public record ResultSummary(String id, PaperCard card, String profile, long seed, String reprolabVersion,
        String gitCommit, EngineInfo engine, String startedAt, double wallSeconds, boolean complete, Tally tally,
        List<Verdict> verdicts, Map<String, Double> metrics,
        List<Artifact> tables, List<Artifact> charts, List<String> standIns, List<String> notes,
        Map<String, Double> stepSeconds) {

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
                r.metrics(), tables, charts, r.standIns(), r.notes(), stepSeconds);
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
