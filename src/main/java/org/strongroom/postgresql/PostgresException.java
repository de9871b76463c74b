package org.strongroom.postgresql;

/** A client tool failed: what it said on its error output, for the caller to turn into the refusal that fits. */
public class PostgresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostgresException(String message) {
        super(message);
    }

    public PostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
