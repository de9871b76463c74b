package org.strongroom.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A small HTTP client for the REST contract, as an outside client sees it: real HTTP, Basic auth,
 * JSON bodies. One instance per user.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-Secret-42");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    private Api(URI base, String authorization) {
        this(base, authorization, HTTP);
    }

    private Api(URI base, String authorization, HttpClient http) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
    }

    /** The same client over HTTPS at {@code httpsBase}, trusting what {@code tls} trusts. */
    public Api overTls(URI httpsBase, SSLContext tls) {
        return new Api(httpsBase, authorization, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(tls).build());
    }

    public static Api anonymous(URL base) {
        return new Api(toUri(base), null);
    }

    public static Api as(URL base, String user, String password) {
        return new Api(toUri(base), "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that sends {@code Authorization: Bearer {token}}: a service principal's access token. */
    public static Api bearer(URL base, String token) {
        return new Api(toUri(base), "Bearer " + token);
    }

    /**
     * A client signed in as a new service principal, by the client-credentials grant at the token endpoint (plain
     * HTTP from this machine); {@code created} is the answer of {@code POST /api/servicePrincipals}.
     */
    public static Api servicePrincipal(URL base, JsonObject created) {
        String form = "grant_type=client_credentials&client_id=" + created.getJsonObject("servicePrincipal").getString("appId")
                + "&client_secret=" + URLEncoder.encode(created.getString("clientSecret"), StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(created.getString("scope"), StandardCharsets.UTF_8);
        Response token = anonymous(base).send("POST", "/" + created.getString("tenantId") + "/oauth2/v2.0/token", form,
                "application/x-www-form-urlencoded");
        if (token.status() != 200) {
            throw new IllegalStateException("No token for the service principal: " + token);
        }
        return bearer(base, token.json().getString("access_token"));
    }

    public static Api admin(URL base) {
        return as(base, "admin", ADMIN_PASSWORD);
    }

    /** Creates a user with {@code role} through the admin API and returns a client acting as it. */
    public Api newUser(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        Response created = put("/api/users/" + name,
                "{\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}");
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create user " + name + ": " + created);
        }
        return new Api(base, "Basic " + Base64.getEncoder()
                .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An answer: status, raw body, and the body as JSON when it is an object. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Whether this is the error body of API.md with the given status and code. */
        public boolean isError(int expectedStatus, String code) {
            if (status != expectedStatus || body == null || body.isBlank()) {
                return false;
            }
            JsonObject json = json();
            return code.equals(json.getString("code", null)) && json.containsKey("message")
                    && Set.of("code", "message", "target").containsAll(json.keySet());
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
