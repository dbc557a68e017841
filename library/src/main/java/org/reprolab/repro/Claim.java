package org.reprolab.repro;

import java.util.Objects;

/**
 * A named, falsifiable claim that a reproduction checks.
 *
 * @param id short id, unique within the paper (e.g. {@code constants})
 * @param statement what is claimed, in one sentence
 */
public record Claim(String id, String statement) {

    /** Checks the fields. */
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
    }

    /** A claim. */
    public static Claim of(String id, String statement) {
        return new Claim(id, statement);
    }
}
