package org.strongroom.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.ErrorCode;

/**
 * A JSON body must be exactly one JSON value: the binding layer would read the first value of
 * {@code {}{}} or {@code {"a":1}x} and ignore the rest. Checked here with a streaming pass (no tree is
 * built, so deep nesting cannot exhaust the stack) before the body is bound; refused with 400
 * {@code BadRequest}, target {@code body}.
 */
@Provider
public class WellFormedJson implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return;
        }
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (RuntimeException e) {
            // JsonException for malformed input; the parser throws a plain RuntimeException past its nesting limit (1000).
            request.abortWith(ErrorResponses.of(ErrorCode.BadRequest, "The request body is not one well-formed JSON value: "
                    + e.getMessage(), "body"));
        }
    }
}
