package org.strongroom.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.ErrorCode;

/**
 * Refuses a request body larger than {@link #MAX_BYTES} with 413 {@code PayloadTooLarge}, before
 * reading it: no call of the API needs more (the largest, a restore with a long list of paths, stays far
 * below). A body sent without a length is cut off by the server's own limit (Undertow's 10 MiB).
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    static final long MAX_BYTES = 4L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            request.abortWith(ErrorResponses.of(ErrorCode.BadRequest, "Content-Length is not a number", "body"));
            return;
        }
        if (bytes > MAX_BYTES) {
            request.abortWith(ErrorResponses.of(ErrorCode.PayloadTooLarge, "The request body has " + bytes
                    + " bytes; this API accepts at most " + MAX_BYTES + " (4 MiB)", "body"));
        }
    }
}
