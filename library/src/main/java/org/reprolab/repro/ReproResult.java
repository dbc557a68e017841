package org.reprolab.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.engine.EngineInfo;
import tech.tablesaw.api.Table;

/**
 * Everything a run of one reproduction produced: its steps' metrics, tables, charts, and one verdict per
 * claim and check (one no step decided is reported as failed, "not measured").
 *
 * @param card the paper card
 * @param profile the profile run
 * @param seed the run seed
 * @param engine engine, device and threads
 * @param startedAt ISO-8601 start time
 * @param wallSeconds wall time of all steps run
 * @param claims the declared claims
 * @param standIns what stands in for the paper's setting under this profile
 * @param steps the steps that ran, in order
 * @param complete whether every step ran (a notebook may have run only some)
 */
public record ReproResult(PaperCard card, Profile profile, long seed, EngineInfo engine, String startedAt,
        double wallSeconds, List<Claim> claims, List<String> standIns, List<StepResult> steps, boolean complete) {

    /** The paper's id. */
    public String id() {
        return card.id();
    }

    /**
     * One verdict per declared claim and check, in declaration order; unmeasured ones fail when the run is
     * complete.
     */
    public List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        for (Claim c : claims) {
            Optional<Verdict> v = steps.stream().flatMap(s -> s.verdicts().stream())
                    .filter(x -> x.claimId().equals(c.id())).findFirst();
            if (v.isPresent()) {
                out.add(v.get());
            } else if (complete) {
                String why = steps.stream().filter(s -> s.error() != null)
                        .map(s -> s.stepId() + " stopped: " + s.error())
                        .findFirst().orElse("no step checked it");
                out.add(Verdict.notMeasured(c, why));
            }
        }
        return out;
    }

    /** Claims and checks counted apart, by outcome. */
    public Tally tally() {
        return Tally.of(verdicts());
    }

    /** Whether the run is complete and nothing failed (inconclusive claims are not failures, nor passes). */
    public boolean passed() {
        return complete && !tally().anyFailed();
    }

    /** All metrics, keyed {@code step/name}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        steps.forEach(s -> s.metrics().forEach((k, v) -> m.put(s.stepId() + "/" + k, v)));
        return m;
    }

    /** All tables, keyed {@code step-name}. */
    public Map<String, Table> tables() {
        Map<String, Table> m = new LinkedHashMap<>();
        steps.forEach(s -> s.tables().forEach((k, v) -> m.put(s.stepId() + "-" + k, v)));
        return m;
    }

    /** All charts, keyed {@code step-name}. */
    public Map<String, Chart<?, ?>> charts() {
        Map<String, Chart<?, ?>> m = new LinkedHashMap<>();
        steps.forEach(s -> s.charts().forEach((k, v) -> m.put(s.stepId() + "-" + k, v)));
        return m;
    }

    /** All notes, prefixed with their step. */
    public List<String> notes() {
        List<String> n = new ArrayList<>();
        steps.forEach(s -> s.notes().forEach(x -> n.add(s.stepId() + ": " + x)));
        steps.stream().filter(s -> s.error() != null).forEach(s -> n.add(s.stepId() + " stopped: " + s.error()));
        return n;
    }

    /** Throws {@link ClaimsFailedException} if any claim or check failed or (in a complete run) was not measured. */
    public ReproResult verify() {
        List<Verdict> failed = verdicts().stream().filter(Verdict::failed).toList();
        if (!failed.isEmpty()) {
            throw new ClaimsFailedException(id(), failed);
        }
        return this;
    }

    /** {@code claims: 5 pass, 1 fail, 2 inconclusive; checks: 4 of 4} (a concept: {@code concept, no claims; ...}). */
    public String summaryLine() {
        return tally().line(card.concept());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(card.id()).append(": ").append(card.title()).append(" [").append(profile.id()).append(", seed ")
                .append(seed).append(String.format(", %.1f s]", wallSeconds));
        for (Verdict v : verdicts()) {
            s.append("\n  ").append(v.oneLine());
        }
        s.append("\n  ").append(summaryLine());
        return s.toString();
    }
}
