package org.strongroom.platform;

import java.util.Objects;

/**
 * A refusal or failure with a public {@link ErrorCode}, a message meant for the user, and the target it
 * is about (a field, a resource path, a key id).
 *
 * <p>Thrown by domain objects and use cases when a rule is broken; the REST layer turns it into a
 * {@code {"code","message","target"}} body and the job runner stores it on the failed job. Never wrap
 * secrets or stack details in the message: it is shown to clients as written.
 */
public class StrongroomException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String target;

    public StrongroomException(ErrorCode code, String message, String target) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.target = target;
    }

    public StrongroomException(ErrorCode code, String message, String target, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
        this.target = target;
    }

    public static StrongroomException badRequest(String message, String target) {
        return new StrongroomException(ErrorCode.BadRequest, message, target);
    }

    public static StrongroomException notFound(String message, String target) {
        return new StrongroomException(ErrorCode.NotFound, message, target);
    }

    public static StrongroomException conflict(String message, String target) {
        return new StrongroomException(ErrorCode.Conflict, message, target);
    }

    public ErrorCode code() {
        return code;
    }

    public String target() {
        return target;
    }
}
