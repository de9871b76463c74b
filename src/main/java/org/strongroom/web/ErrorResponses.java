package org.strongroom.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.strongroom.platform.ErrorCode;

/** Builds error answers; the one place that decides their shape and media type. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(ErrorCode code, String message, String target) {
        return of(code.httpStatus(), code, message, target);
    }

    public static Response of(int status, ErrorCode code, String message, String target) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(code, message, target))
                .build();
    }

    /** The public code for an HTTP status that no more specific code explains. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.Unauthorized;
            case 403 -> ErrorCode.Forbidden;
            case 404 -> ErrorCode.NotFound;
            case 405 -> ErrorCode.MethodNotAllowed;
            case 406 -> ErrorCode.NotAcceptable;
            case 409 -> ErrorCode.Conflict;
            case 413 -> ErrorCode.PayloadTooLarge;
            case 415 -> ErrorCode.UnsupportedMediaType;
            case 429 -> ErrorCode.TooManyRequests;
            case 503 -> ErrorCode.ServiceUnavailable;
            default -> status >= 500 ? ErrorCode.InternalError : ErrorCode.BadRequest;
        };
    }
}
