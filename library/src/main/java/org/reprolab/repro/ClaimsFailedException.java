package org.reprolab.repro;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown where failing claims must stop the caller (a notebook cell, a test): it lists them with numbers. */
public final class ClaimsFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<Verdict> failed;

    /** {@code where}: paper or paper/step. */
    public ClaimsFailedException(String where, List<Verdict> failed) {
        super(failed.size() + " claim" + (failed.size() == 1 ? "" : "s") + " failed in " + where + ": "
                + failed.stream().map(Verdict::oneLine).collect(Collectors.joining("; ")));
        this.failed = List.copyOf(failed);
    }

    /** The failed verdicts. */
    public List<Verdict> failed() {
        return failed;
    }
}
