package org.strongroom.platform;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Server settings a deployer may change, read once from the environment at start-up
 * (docs/operations.md lists them).
 */
@ApplicationScoped
public class Settings {

    private String publicBaseUrl;

    @PostConstruct
    void read() {
        publicBaseUrl = normalise(env("STRONGROOM_PUBLIC_URL", "http://localhost:8080"));
    }

    /**
     * Where clients reach this server, without a trailing slash, e.g. {@code http://localhost:8080}.
     * Key ids ({@code kid}) are built from it, so it must be stable: set {@code STRONGROOM_PUBLIC_URL}
     * to the address clients use before creating keys.
     */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    static String normalise(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalStateException("STRONGROOM_PUBLIC_URL must be an http(s) URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("STRONGROOM_PUBLIC_URL is not a URL: " + url, e);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
