package org.strongroom.web;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.ErrorCode;

/**
 * Errors the JAX-RS runtime raises itself: unknown path (404), wrong method (405, keeping the
 * {@code Allow} header), unsupported media type (415), a role too weak (403), and the like.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        ErrorCode code = ErrorResponses.codeFor(status);
        String target = uri.getRequestUri().getPath();
        String message = switch (code) {
            case NotFound -> e instanceof NotFoundException
                    ? "No resource at " + target : "Not found";
            case MethodNotAllowed -> "Method not allowed on " + target + "; allowed: " + original.getAllowedMethods();
            case Forbidden -> "Your role does not allow this call";
            case UnsupportedMediaType -> "Send the body as application/json";
            case NotAcceptable -> "This call answers application/json";
            default -> status >= 500 ? "The server could not complete the request" : "The request was not valid";
        };
        Response.ResponseBuilder answer = Response.fromResponse(ErrorResponses.of(status, code, message, target));
        if (e instanceof NotAllowedException) {
            answer.allow(original.getAllowedMethods());
        }
        return answer.build();
    }
}
