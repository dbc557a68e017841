package org.reprolab.repro;

import java.util.Objects;

/**
 * A named, falsifiable statement a reproduction decides, with its pass criterion fixed before any number is
 * measured. Two kinds:
 * <ul>
 *   <li>a <b>claim</b> is the paper's own statement, in the paper's direction ("A beats B" is tested as
 *       A − B ≥ 0), with the paper's number as its {@link Reference};</li>
 *   <li>a <b>check</b> holds by construction (an identity, a bound the formula implies, a sparsity the mask
 *       fixes): computed and shown, counted apart from the claims.</li>
 * </ul>
 * A claim about trained models or random samples is {@linkplain #overSeeds() decided over seeds}: its verdict
 * needs an interval and has three states ({@link Outcome}).
 *
 * <pre>{@code
 * static final Claim VS_DENSE = Claim.claim("vs-dense", "G2GNet is at least as accurate as the dense MLP.")
 *         .criterion(Criterion.atLeast(0), "paper: the abstract reports gains over dense baselines")
 *         .reference(Reference.of(0.043, "up to +4.3 points", "abstract"))
 *         .overSeeds();
 * }</pre>
 *
 * @param id short id, unique within the paper (e.g. {@code vs-dense})
 * @param statement what is claimed, in one sentence
 * @param kind claim or check
 * @param criterion the pass criterion
 * @param basis where the criterion comes from: {@code "paper: ..."}, {@code "notes: ..."} or {@code "ours: ..."}
 * @param reference the paper's number and its source
 * @param sampled whether the verdict is decided over seeds (or other random samples) with an interval
 * @param revision an earlier criterion and why it changed, or empty
 */
public record Claim(String id, String statement, Kind kind, Criterion criterion, String basis, Reference reference,
        boolean sampled, String revision) {

    /** Claim or check. */
    public enum Kind {
        /** The paper's statement; counted in the claim totals. */
        CLAIM,
        /** Holds by construction; counted apart. */
        CHECK
    }

    /** Checks the fields. */
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(kind, "kind");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("claim id '" + id + "' must be lower-case words joined by '-'");
        }
        if (basis != null && !basis.matches("(paper|notes|ours): .+")) {
            throw new IllegalArgumentException("claim " + id + ": the criterion's basis must start with 'paper: ', "
                    + "'notes: ' or 'ours: ', got '" + basis + "'");
        }
        if (sampled && kind == Kind.CHECK) {
            throw new IllegalArgumentException("check " + id + " holds by construction: it is not decided over seeds");
        }
        revision = revision == null ? "" : revision;
    }

    /** The paper's claim {@code id}; give it a criterion (and usually a reference) next. */
    public static Claim claim(String id, String statement) {
        return new Claim(id, statement, Kind.CLAIM, null, null, null, false, "");
    }

    /** A check {@code id}: what holds by construction; give it a criterion next. */
    public static Claim check(String id, String statement) {
        return new Claim(id, statement, Kind.CHECK, null, null, null, false, "");
    }

    /** The pass criterion and where it comes from ({@code "paper: ..."}, {@code "notes: ..."}, {@code "ours: ..."}). */
    public Claim criterion(Criterion c, String basisOfCriterion) {
        return new Claim(id, statement, kind, Objects.requireNonNull(c, "criterion"),
                Objects.requireNonNull(basisOfCriterion, "basis"), reference, sampled, revision);
    }

    /** The paper's number and its source. */
    public Claim reference(Reference r) {
        return new Claim(id, statement, kind, criterion, basis, Objects.requireNonNull(r, "reference"), sampled,
                revision);
    }

    /** Decided over seeds: the verdict needs an interval (a single seed is INCONCLUSIVE). */
    public Claim overSeeds() {
        return new Claim(id, statement, kind, criterion, basis, reference, true, revision);
    }

    /** Records that the criterion was {@code previous} before, and {@code why} it changed. */
    public Claim revised(String previous, String why) {
        return new Claim(id, statement, kind, criterion, basis, reference, sampled,
                "criterion was " + previous + "; changed because " + why);
    }

    /** Whether this is a check (counted apart from the claims). */
    public boolean isCheck() {
        return kind == Kind.CHECK;
    }

    /** The reference, or "computed" for a check without one. */
    public Reference referenceOrDefault() {
        return reference != null ? reference
                : Reference.computed(kind == Kind.CHECK ? "holds by construction" : "none");
    }
}
