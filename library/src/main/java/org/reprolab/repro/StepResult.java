package org.reprolab.repro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.math.SignificantDigits;
import tech.tablesaw.api.Table;

/**
 * What one step produced.
 *
 * @param reproductionId the paper's id
 * @param stepId the step's id
 * @param title the step's title
 * @param seconds wall time of the step
 * @param metrics named numbers, in recording order
 * @param tables named tables
 * @param charts named charts
 * @param verdicts verdicts of the claims this step checked
 * @param notes remarks
 * @param error the exception that stopped the step ({@code Class: message}), or null
 */
public record StepResult(String reproductionId, String stepId, String title, double seconds,
        Map<String, Double> metrics, Map<String, Table> tables, Map<String, Chart<?, ?>> charts,
        List<Verdict> verdicts, List<String> notes, String error) {

    /** Whether the step finished and none of its verdicts failed (inconclusive ones aside). */
    public boolean passed() {
        return error == null && !tally().anyFailed();
    }

    /** This step's verdicts, counted. */
    public Tally tally() {
        return Tally.of(verdicts);
    }

    /** Throws {@link ClaimsFailedException} naming the failed claims and checks, if any; returns this otherwise. */
    public StepResult verify() {
        List<Verdict> failed = verdicts.stream().filter(Verdict::failed).toList();
        if (!failed.isEmpty()) {
            throw new ClaimsFailedException(reproductionId + "/" + stepId, failed);
        }
        if (error != null) {
            throw new IllegalStateException(reproductionId + "/" + stepId + " stopped: " + error);
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(reproductionId + "/" + stepId + ": " + title);
        s.append(String.format(" (%.1f s)", seconds));
        metrics.forEach((k, v) -> s.append("\n  ").append(k).append(" = ").append(SignificantDigits.format(v)));
        verdicts.forEach(v -> s.append("\n  ").append(v.oneLine()));
        notes.forEach(n -> s.append("\n  note: ").append(n));
        if (error != null) {
            s.append("\n  stopped by ").append(error);
        }
        return s.toString();
    }

    static final class Builder {
        private final String reproductionId;
        private final Step step;
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        private final List<Verdict> verdicts = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(String reproductionId, Step step) {
            this.reproductionId = reproductionId;
            this.step = step;
        }

        synchronized void metric(String name, double value) {
            metrics.put(name, value);
        }

        synchronized void table(String name, Table table) {
            tables.put(unique(name, tables), table);
        }

        synchronized void chart(String name, Chart<?, ?> chart) {
            charts.put(unique(name, charts), chart);
        }

        synchronized void verdict(Verdict v) {
            if (verdicts.stream().anyMatch(o -> o.claimId().equals(v.claimId()))) {
                throw new IllegalStateException("claim '" + v.claimId() + "' checked twice in step " + step.id());
            }
            verdicts.add(v);
        }

        synchronized void note(String text) {
            notes.add(text);
        }

        synchronized boolean decided(String claimId) {
            return verdicts.stream().anyMatch(v -> v.claimId().equals(claimId));
        }

        synchronized StepResult build(double seconds, String error) {
            return new StepResult(reproductionId, step.id(), step.title(), seconds,
                    Collections.unmodifiableMap(new LinkedHashMap<>(metrics)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(tables)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(charts)), List.copyOf(verdicts),
                    List.copyOf(notes), error);
        }

        private static String unique(String name, Map<String, ?> in) {
            String n = name;
            for (int i = 2; in.containsKey(n); i++) {
                n = name + "-" + i;
            }
            return n;
        }
    }
}
