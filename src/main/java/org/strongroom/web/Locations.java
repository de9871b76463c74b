package org.strongroom.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.strongroom.platform.Settings;

/**
 * Absolute {@code Location} URIs under the API root of the public URL ({@code STRONGROOM_PUBLIC_URL}),
 * like the key ids: the address clients are meant to use, whichever one a request came in on.
 */
@ApplicationScoped
public class Locations {

    @Inject
    Settings settings;

    /** {@code {public URL}/api/{segments...}}, each segment escaped. */
    public URI of(String... segments) {
        UriBuilder builder = UriBuilder.fromUri(settings.publicBaseUrl()).path("api");
        for (String segment : segments) {
            builder.segment(segment);
        }
        return builder.build();
    }

    /** A {@code PUT}'s answer: 201 with {@code Location} when it created the resource, else 200; the body either way. */
    public Response putAnswer(boolean created, Object body, String... segments) {
        return created ? Response.created(of(segments)).entity(body).build() : Response.ok(body).build();
    }
}
