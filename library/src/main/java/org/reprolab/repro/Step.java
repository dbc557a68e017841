package org.reprolab.repro;

import java.util.List;
import java.util.Objects;

/**
 * One experiment of a reproduction: self-contained (it computes what it needs), seeded from the run seed
 * and its own id, so it gives the same numbers whether run alone in a notebook cell or inside a full run.
 *
 * @param id short id, unique within the paper (e.g. {@code propagation})
 * @param title one line saying what the step does
 * @param body the work
 * @param decides the claims and checks this step decides, each exactly once
 * @param singleThreaded whether the step runs on one intra-op thread in fast mode too (many tiny ops, where
 *     more threads only wait at barriers); deterministic runs always use one
 */
public record Step(String id, String title, Body body, List<Claim> decides, boolean singleThreaded) {

    /** Checks the fields. */
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        decides = List.copyOf(Objects.requireNonNull(decides, "decides"));
    }

    /** A step that decides {@code claims}. */
    public static Step of(String id, String title, Body body, List<Claim> claims) {
        return new Step(id, title, body, claims, false);
    }

    /** This step, run on one intra-op thread in fast mode too. */
    public Step onOneThread() {
        return new Step(id, title, body, decides, true);
    }

    /** The work of a step; it records metrics, tables, charts and verdicts on the context. */
    @FunctionalInterface
    public interface Body {
        /** Runs the step. */
        void run(StepContext ctx) throws Exception;
    }
}
