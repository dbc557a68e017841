package org.reprolab.repro;

import org.reprolab.math.Estimate;

/**
 * The outcome of one claim or check in one run: what was measured (with its interval), against which
 * criterion, and the paper's number.
 *
 * @param claimId the claim's id
 * @param statement the claim's statement
 * @param kind claim or check
 * @param step the step that measured it
 * @param outcome PASS, FAIL or INCONCLUSIVE
 * @param estimate the measured value and its interval
 * @param detail how it was measured, in words and numbers (e.g. {@code "G2G 0.8355 − dense 0.8415"})
 * @param criterion the criterion, printed
 * @param basis where the criterion comes from ({@code paper: ...}, {@code notes: ...}, {@code ours: ...})
 * @param reference the paper's number and its source
 * @param revision an earlier criterion and why it changed, or empty
 */
public record Verdict(String claimId, String statement, Claim.Kind kind, String step, Outcome outcome,
        Estimate estimate, String detail, String criterion, String basis, Reference reference, String revision) {

    /** The verdict of {@code claim} on {@code estimate}, decided by {@code criterion}. */
    static Verdict decide(Claim claim, Criterion criterion, Reference reference, String step, Estimate estimate,
            String detail) {
        Outcome o = criterion.decide(estimate);
        if (claim.sampled() && !estimate.hasInterval() && !Double.isNaN(estimate.value())) {
            o = Outcome.INCONCLUSIVE; // one seed: the noise is unknown, so no margin can be judged either way
        }
        return new Verdict(claim.id(), claim.statement(), claim.kind(), step, o, estimate, detail == null ? "" : detail,
                criterion.describe(), claim.basis(), reference, claim.revision());
    }

    /**
     * The verdict of {@code claim} on an estimate pooled from independent runs (the units of a seed sweep),
     * decided again by the claim's own criterion, as a single run over all their samples would decide it.
     */
    public static Verdict pooled(Claim claim, String step, Estimate pooled, String detail) {
        if (claim.criterion() == null) {
            throw new IllegalArgumentException("claim '" + claim.id() + "' declares no criterion, so its pooled "
                    + "estimate cannot be decided; declare it with Claim.criterion(...)");
        }
        return decide(claim, claim.criterion(), claim.referenceOrDefault(), step, pooled, detail);
    }

    /** A claim that no step measured (its step stopped, or did not decide it): a failure. */
    static Verdict notMeasured(Claim claim, String why) {
        return new Verdict(claim.id(), claim.statement(), claim.kind(), "", Outcome.FAIL, Estimate.exact(Double.NaN),
                "not measured (" + why + ")", claim.criterion() == null ? "a verdict from some step"
                        : claim.criterion().describe(), claim.basis(), claim.referenceOrDefault(), claim.revision());
    }

    /** Whether no step measured it: a claim left undecided because its step stopped with an error. */
    public boolean unmeasured() {
        return step == null || step.isEmpty();
    }

    /** Whether it passed. */
    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /** Whether it failed. */
    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /** Whether this is a check rather than a claim. */
    public boolean isCheck() {
        return kind == Claim.Kind.CHECK;
    }

    /** The point value measured. */
    public double measured() {
        return estimate.value();
    }

    /** "PASS", "FAIL" or "INCONCLUSIVE". */
    public String label() {
        return outcome.name();
    }

    /** The measured value with its interval and the interval's method, then the detail. */
    public String measuredText() {
        String m = estimate.hasInterval() ? estimate.format() + " (" + estimate.method() + ")"
                : estimate.format() + (estimate.n() == 1 && estimate.kind() != Estimate.Kind.EXACT
                        ? " (" + estimate.method() + ")" : "");
        return detail.isEmpty() ? m : m + ": " + detail;
    }

    /**
     * One line: {@code PASS vs-dense: measured 0.006 [0.002, 0.01] (95% t-interval over 3 seeds, paired): G2G ...,
     * criterion ≥ 0 (paper: ...); reference up to +4.3 points [abstract]}.
     */
    public String oneLine() {
        return String.format("%s %s%s: measured %s, criterion %s%s; reference %s [%s]", label(),
                isCheck() ? "check " : "", claimId, measuredText(), criterion,
                basis == null ? "" : " (" + basis + ")", reference.text(), reference.source());
    }

}
