package org.strongroom.storage.domain;

/** A file the store should hold is missing, short or unreadable. */
public class StoreDamagedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreDamagedException(String message) {
        super(message);
    }

    public StoreDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
