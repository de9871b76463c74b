package org.strongroom.web;

import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.ErrorCode;

/**
 * Everything no other mapper claims. A body that could not be read as JSON of the expected shape is
 * the client's error (400 {@code BadRequest}); a change that lost a race with another request is 409
 * {@code Conflict}; anything else is logged with a reference and answered 500 {@code InternalError}
 * with that reference only, never the exception's text or stack.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        String target = uri.getRequestUri().getPath();
        if (isUnreadableBody(e)) {
            return ErrorResponses.of(ErrorCode.BadRequest,
                    "The request body is not valid JSON for this call: " + reason(e), "body");
        }
        if (isRace(e)) {
            LOG.info(() -> "Concurrent change refused on " + target + ": " + e);
            return ErrorResponses.of(ErrorCode.Conflict, "Another request changed or created this resource at the same "
                    + "time; read it again and retry", target);
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + reference + " on " + target, e);
        return ErrorResponses.of(ErrorCode.InternalError,
                "The server could not complete the request (reference " + reference + ")", target);
    }

    private static boolean isUnreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two requests changed the same row at once (optimistic lock), or created the same name at once (a unique
     * key, SQLState class 23): the loser may retry, so it is a 409, not a server fault.
     */
    private static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isRace(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The parser's own words, without Java class names. */
    private static String reason(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? "unreadable" : deepest.getMessage();
        return message.replaceAll("(?:[a-z_$][a-z0-9_$]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
    }
}
