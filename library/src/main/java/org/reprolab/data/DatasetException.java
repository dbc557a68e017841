package org.reprolab.data;

/** A dataset is missing or corrupt. The message is one line and names the fix. */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A one-line message naming the problem and the fix. */
    public DatasetException(String message) {
        super(message);
    }

    /** With a cause. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
