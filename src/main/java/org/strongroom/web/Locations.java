package org.strongroom.web;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * Absolute {@code Location} URIs under the API root. (A relative URI given to JAX-RS is resolved against
 * the application's base, {@code /api/}, so {@code "/api/jobs/x"} would come out as {@code /api/api/jobs/x}.)
 */
public final class Locations {

    private Locations() {
    }

    /** {@code {base}/api/{segments...}}, each segment escaped. */
    public static URI of(UriInfo uri, String... segments) {
        UriBuilder builder = uri.getBaseUriBuilder();
        for (String segment : segments) {
            builder.segment(segment);
        }
        return builder.build();
    }
}
