package org.reprolab.repro;

import java.util.Objects;

/**
 * One experiment of a reproduction: self-contained (it computes what it needs), seeded from the run seed
 * and its own id, so it gives the same numbers whether run alone in a notebook cell or inside a full run.
 *
 * @param id short id, unique within the paper (e.g. {@code propagation})
 * @param title one line saying what the step does
 * @param body the work
 */
public record Step(String id, String title, Body body) {

    /** Checks the fields. */
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** A step. */
    public static Step of(String id, String title, Body body) {
        return new Step(id, title, body);
    }

    /** The work of a step; it records metrics, tables, charts and verdicts on the context. */
    @FunctionalInterface
    public interface Body {
        /** Runs the step. */
        void run(StepContext ctx) throws Exception;
    }
}
