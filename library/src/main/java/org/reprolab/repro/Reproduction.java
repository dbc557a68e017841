package org.reprolab.repro;

import java.util.List;

/**
 * A paper's reproduction: its card, its claims as pass criteria, and the steps that measure them. Write one by
 * extending {@link PaperReproduction}.
 *
 * <p>Implementations are listed in {@code META-INF/services/org.reprolab.repro.Reproduction}. Every claim must
 * receive exactly one verdict from some step.
 */
public interface Reproduction {

    /** The paper card. */
    PaperCard card();

    /** The claims and checks this reproduction decides, in the order they are reported. */
    List<Claim> claims();

    /** The steps, in run order. */
    List<Step> steps();

    /** What stands in for what the paper did under every profile (smaller data, CPU), one sentence each. */
    default List<String> standIns() {
        return List.of();
    }

    /** What stands in for what the paper did under {@code profile}, one sentence each. */
    default List<String> standIns(Profile profile) {
        return standIns();
    }

    /** The paper's id. */
    default String id() {
        return card().id();
    }

    /** Runs every step under {@code profile} and {@code seed}. */
    default ReproResult run(Profile profile, long seed) {
        return new ReproSession(this, profile, seed).runAll();
    }
}
