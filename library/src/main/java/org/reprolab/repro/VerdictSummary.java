package org.reprolab.repro;

import java.util.List;

/**
 * A run's verdicts so far with their tally: what a notebook's closing cell shows ({@link ReproSession#verdicts()}).
 *
 * @param paper the paper's id
 * @param verdicts the verdicts, in declaration order
 * @param complete whether every step ran
 * @param concept whether the paper is a concept notebook (checks only: "concept, no claims")
 */
public record VerdictSummary(String paper, List<Verdict> verdicts, boolean complete, boolean concept) {

    /** The counts, claims and checks apart. */
    public Tally tally() {
        return Tally.of(verdicts);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(paper + ": " + tally().line(concept)
                + (complete ? "" : " (not every step ran)"));
        verdicts.forEach(v -> s.append("\n  ").append(v.oneLine()));
        return s.toString();
    }
}
