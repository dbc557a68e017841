package org.reprolab.kernel.execution;

/**
 * A bad magic call or magic argument: its message is the whole report (one line naming what is valid), shown as
 * a {@code UsageError} without a stack trace.
 */
public final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An error whose message says what was wrong and what is valid. */
    public UsageException(String message) {
        super(message);
    }
}
