package org.strongroom.platform;

/**
 * The codes every refusal and every failed job carries, with the HTTP status a refusal answers.
 *
 * <p>The names are public: clients and the job records use them as written (see API.md and SPEC.md).
 */
public enum ErrorCode {
    BadRequest(400),
    Unauthorized(401),
    Forbidden(403),
    NotFound(404),
    MethodNotAllowed(405),
    NotAcceptable(406),
    Conflict(409),
    /** The key version is disabled: it may not wrap or unwrap. */
    KeyDisabled(409),
    /** The key version's expiry time ({@code exp}) has passed. */
    KeyExpired(409),
    /** The key version's activation time ({@code nbf}) has not come yet. */
    KeyNotYetValid(409),
    PayloadTooLarge(413),
    UnsupportedMediaType(415),
    InternalError(500),
    /** A job whose message exhausted its deliveries: it was moved to the dead-letter queue. */
    InternalErrorJobAbandoned(500),
    ServiceUnavailable(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
