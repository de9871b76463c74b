package org.strongroom.crypto;

/**
 * Ciphertext failed authentication: it was altered, truncated, swapped, or opened with the wrong key.
 * The message says what was being opened, never key bytes or plaintext.
 */
public class IntegrityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
