package org.strongroom.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
}
