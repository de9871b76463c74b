package org.strongroom.security.app;

import java.time.Duration;

/**
 * A token request refused, as an OAuth 2.0 error ({@code error}, RFC 6749 §5.2) with the number Entra ID
 * gives the same refusal ({@code AADSTS…}), which MSAL-based clients show to their users.
 */
public class TokenRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final int errorNumber;
    private final Duration retryAfter;

    public TokenRefusal(int status, String error, int errorNumber, String description) {
        this(status, error, errorNumber, description, null);
    }

    private TokenRefusal(int status, String error, int errorNumber, String description, Duration retryAfter) {
        super("AADSTS" + errorNumber + ": " + description);
        this.status = status;
        this.error = error;
        this.errorNumber = errorNumber;
        this.retryAfter = retryAfter;
    }

    static TokenRefusal throttled(Duration wait) {
        return new TokenRefusal(429, "temporarily_unavailable", 50196, "Too many failed sign-ins for this client or from "
                + "this address: try again in " + Math.max(1, wait.toSeconds()) + " s", wait);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public int errorNumber() {
        return errorNumber;
    }

    /** How long to wait before trying again, for a throttled request; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
