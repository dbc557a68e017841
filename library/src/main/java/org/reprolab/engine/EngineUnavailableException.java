package org.reprolab.engine;

/** The engine's native library cannot be loaded; the message is one line and names the fix. */
public final class EngineUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A one-line message and its cause. */
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
