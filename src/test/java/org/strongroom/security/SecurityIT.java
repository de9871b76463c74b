package org.strongroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;

/** Authentication and roles over HTTP, on the packaged application. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static final String VAULT_BODY = "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-1\",\"resourceGroup\":\"rg-1\"}";

    @Test
    void apiCall_withoutCredentials_is401WithChallengeAndErrorBody() {
        Api.Response answer = Api.anonymous(base).get("/api/vaults");
        assertTrue(answer.isError(401, "Unauthorized"), answer.toString());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Basic"), answer.header("WWW-Authenticate"));
    }

    @Test
    void apiCall_withWrongPassword_is401() {
        Api.Response answer = Api.as(base, "admin", "not-the-password").get("/api/vaults");
        assertTrue(answer.isError(401, "Unauthorized"), answer.toString());
    }

    @Test
    void scriptCall_withWrongPassword_is401WithoutChallenge_soBrowsersShowNoLoginDialog() throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/vaults"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "admin:not-the-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("X-Requested-With", "XMLHttpRequest").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").isEmpty(), answer.headers().toString());
        assertTrue(answer.body().contains("\"Unauthorized\""), answer.body());
    }

    @Test
    void repeatedWrongPasswords_areThrottled_with429AndRetryAfter_eventheRightPasswordUntilTheWindowEnds() {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Api.admin(base).put("/api/users/" + name,
                "{\"password\":\"the right password\",\"roles\":[\"reader\"]}").status());
        for (int i = 0; i < 5; i++) {
            assertTrue(Api.as(base, name, "guess " + i).get("/api/vaults").isError(401, "Unauthorized"), "guess " + i);
        }
        Api.Response throttled = Api.as(base, name, "the right password").get("/api/vaults");
        assertTrue(throttled.isError(429, "TooManyRequests"), throttled.toString());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(throttled.json().getString("message").contains("Too many failed logins"), throttled.toString());
        assertEquals(200, Api.admin(base).get("/api/vaults").status(), "other users are not held up");
    }

    @Test
    void post_withoutJsonContentType_isRefused_soAnotherSitesFormCannotTriggerIt() {
        Api admin = Api.admin(base);
        String vault = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, admin.put("/api/vaults/" + vault, VAULT_BODY).status());
        String move = "/api/vaults/" + vault + "/move";
        for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", null}) {
            Api.Response refused = admin.send("POST", move, type == null ? null : "resourceGroup=rg-moved", type);
            assertTrue(refused.isError(415, "UnsupportedMediaType"), type + ": " + refused);
        }
        assertEquals("rg-1", admin.get("/api/vaults/" + vault).json().getString("resourceGroup"), "nothing moved");
        java.net.http.HttpResponse<String> fromThePages;
        try {
            fromThePages = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base + "api/vaults/" + vault + "/items/none/backup"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("admin:" + Api.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("X-Requested-With", "XMLHttpRequest").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(404, fromThePages.statusCode(), "a script's POST with X-Requested-With gets through to the call: "
                + fromThePages.body());
    }

    @Test
    void apiCall_asUnknownUser_is401() {
        Api.Response answer = Api.as(base, "nobody-" + UUID.randomUUID(), "whatever-password").get("/api/jobs");
        assertTrue(answer.isError(401, "Unauthorized"), answer.toString());
    }

    @Test
    void health_needsNoCredentials_andReportsDatabaseAndBrokerUp() {
        Api.Response answer = Api.anonymous(base).get("/api/health");
        assertEquals(200, answer.status(), answer.toString());
        JsonObject json = answer.json();
        assertEquals("UP", json.getString("status"));
        assertEquals(2, json.getJsonArray("checks").size());
        json.getJsonArray("checks").getValuesAs(JsonObject.class)
                .forEach(check -> assertEquals("UP", check.getString("status"), check.toString()));
    }

    @Test
    void reader_putVault_is403AndCreatesNothing() {
        Api reader = Api.admin(base).newUser("reader");
        String vault = "v-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response answer = reader.put("/api/vaults/" + vault, VAULT_BODY);
        assertTrue(answer.isError(403, "Forbidden"), answer.toString());
        assertTrue(Api.admin(base).get("/api/vaults/" + vault).isError(404, "NotFound"));
    }

    @Test
    void operator_putVault_is403() {
        Api operator = Api.admin(base).newUser("operator");
        Api.Response answer = operator.put("/api/vaults/v-" + UUID.randomUUID().toString().substring(0, 8), VAULT_BODY);
        assertTrue(answer.isError(403, "Forbidden"), answer.toString());
    }

    @Test
    void reader_mayReadVaultsAndJobs() {
        Api reader = Api.admin(base).newUser("reader");
        assertEquals(200, reader.get("/api/vaults").status());
        assertEquals(200, reader.get("/api/jobs").status());
    }

    @Test
    void nonAdmin_manageUsers_is403() {
        Api operator = Api.admin(base).newUser("operator");
        assertTrue(operator.get("/api/users").isError(403, "Forbidden"));
        assertTrue(operator.put("/api/users/x" + UUID.randomUUID().toString().substring(0, 8),
                "{\"password\":\"long enough pw\",\"roles\":[\"admin\"]}").isError(403, "Forbidden"));
    }

    @Test
    void changedPassword_takesEffectAtOnce() {
        Api admin = Api.admin(base);
        String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, admin.put("/api/users/" + name, "{\"password\":\"first password\",\"roles\":[\"reader\"]}").status());
        assertEquals(200, Api.as(base, name, "first password").get("/api/vaults").status());
        assertEquals(200, admin.put("/api/users/" + name, "{\"password\":\"second password\",\"roles\":[\"reader\"]}").status());
        assertTrue(Api.as(base, name, "first password").get("/api/vaults").isError(401, "Unauthorized"));
        assertEquals(200, Api.as(base, name, "second password").get("/api/vaults").status());
    }

    @Test
    void user_withWeakPasswordOrUnknownRole_isRefused400() {
        Api admin = Api.admin(base);
        String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(admin.put("/api/users/" + name, "{\"password\":\"short\",\"roles\":[\"reader\"]}")
                .isError(400, "BadRequest"));
        assertTrue(admin.put("/api/users/" + name, "{\"password\":\"long enough pw\",\"roles\":[\"superuser\"]}")
                .isError(400, "BadRequest"));
        assertTrue(admin.get("/api/users/" + name).isError(404, "NotFound"));
    }

    @Test
    void lastAdmin_cannotBeDeletedOrDemoted_is409() {
        Api admin = Api.admin(base);
        assertEquals(List.of("admin"), admin.get("/api/users").json().getJsonArray("value").stream()
                .map(u -> u.asJsonObject()).filter(u -> u.getJsonArray("roles").toString().contains("\"admin\""))
                .map(u -> u.getString("name")).toList(), "precondition: 'admin' is the only admin (a test left another)");
        assertTrue(admin.delete("/api/users/admin").isError(409, "Conflict"));
        assertTrue(admin.put("/api/users/admin", "{\"password\":\"" + Api.ADMIN_PASSWORD + "\",\"roles\":[\"reader\"]}")
                .isError(409, "Conflict"));
        assertEquals(200, admin.get("/api/users/admin").status());
    }
}
