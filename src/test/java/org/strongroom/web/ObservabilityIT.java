package org.strongroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Prometheus;
import org.strongroom.support.SourceTrees;

/**
 * What operators wire into their tooling: the OpenAPI document (every path of API.md), Prometheus
 * metrics on the management port that move when a backup runs, and the readiness probe.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {

    /** Every call of API.md, as "METHOD path" with {keyVaultUri} written out. */
    private static final List<String> API_MD = List.of(
            "GET /api/health",
            "PUT /api/keyvaults/{kv}", "GET /api/keyvaults/{kv}", "GET /api/keyvaults", "PATCH /api/keyvaults/{kv}",
            "PUT /api/keyvaults/{kv}/accessPolicies/{principalId}", "DELETE /api/keyvaults/{kv}/accessPolicies/{principalId}",
            "POST /api/keyvaults/{kv}/keys/{name}/create", "PUT /api/keyvaults/{kv}/keys/{name}",
            "GET /api/keyvaults/{kv}/keys/{name}", "GET /api/keyvaults/{kv}/keys/{name}/{version}",
            "GET /api/keyvaults/{kv}/keys", "GET /api/keyvaults/{kv}/keys/{name}/versions",
            "PATCH /api/keyvaults/{kv}/keys/{name}/{version}", "POST /api/keyvaults/{kv}/keys/{name}/rotate",
            "DELETE /api/keyvaults/{kv}/keys/{name}", "GET /api/keyvaults/{kv}/deletedkeys",
            "GET /api/keyvaults/{kv}/deletedkeys/{name}", "POST /api/keyvaults/{kv}/deletedkeys/{name}/recover",
            "DELETE /api/keyvaults/{kv}/deletedkeys/{name}",
            "POST /api/keyvaults/{kv}/keys/{name}/{version}/wrapkey", "POST /api/keyvaults/{kv}/keys/{name}/{version}/unwrapkey",
            "PUT /api/vaults/{vault}", "GET /api/vaults/{vault}", "GET /api/vaults", "PUT /api/vaults/{vault}/identity",
            "PUT /api/vaults/{vault}/encryption", "GET /api/vaults/{vault}/encryption", "POST /api/vaults/{vault}/move",
            "PUT /api/vaults/{vault}/items/{item}", "GET /api/vaults/{vault}/items", "GET /api/vaults/{vault}/items/{item}",
            "POST /api/vaults/{vault}/items/{item}/backup", "GET /api/vaults/{vault}/items/{item}/recoveryPoints",
            "POST /api/vaults/{vault}/items/{item}/recoveryPoints/{rp}/restore",
            "POST /api/vaults/{vault}/items/{item}/recoveryPoints/{rp}/verify",
            "PUT /api/diskEncryptionSets/{des}", "GET /api/diskEncryptionSets/{des}",
            "GET /api/jobs", "GET /api/jobs/{id}", "GET /api/activitylog");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String management(String path) {
        return "http://" + base.getHost() + ":" + System.getProperty("it.management.port", "10090") + path;
    }

    private static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void openApiDocument_listsEveryCallOfApiMd() throws Exception {
        HttpResponse<String> answer = get(base + "openapi?format=JSON");
        assertEquals(200, answer.statusCode());
        JsonObject paths = Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.asJsonObject().keySet()
                .forEach(method -> documented.add(method.toUpperCase() + " " + shape(path))));
        List<String> missing = new ArrayList<>();
        for (String call : API_MD) {
            String[] parts = call.split(" ");
            if (!documented.contains(parts[0] + " " + shape(parts[1]))) {
                missing.add(call);
            }
        }
        assertEquals(List.of(), missing, "documented: " + documented);
    }

    @Test
    void prometheusMetrics_countJobsBytesAndKeyVaultOperations_andMoveAfterABackup() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        Path tree = SourceTrees.tree("metrics", 60);
        assertEquals(201, cmk.admin().put("/api/vaults/" + setup.vault() + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + tree + "\"}}").status());
        HttpResponse<String> before = get(management("/prometheus"));
        assertEquals(200, before.statusCode());

        JsonObject job = cmk.awaitJob(cmk.admin().post("/api/vaults/" + setup.vault() + "/items/files1/backup", ""));
        assertEquals("Completed", job.getString("status"));
        String after = get(management("/prometheus")).body();

        assertTrue(after.contains("# TYPE strongroom_jobs_ended_total counter"), after);
        assertEquals(1.0, Prometheus.metric(after, "strongroom_jobs_ended_total", "operation=\"Backup\"", "status=\"Completed\"")
                - Prometheus.metric(before.body(), "strongroom_jobs_ended_total", "operation=\"Backup\"", "status=\"Completed\""));
        long treeBytes;
        try (var files = Files.walk(tree)) {
            treeBytes = files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> p.toFile().length()).sum();
        }
        assertEquals((double) treeBytes, Prometheus.metric(after, "strongroom_backup_source_bytes_total", "workload=\"Files\"")
                - Prometheus.metric(before.body(), "strongroom_backup_source_bytes_total", "workload=\"Files\""));
        assertTrue(Prometheus.metric(after, "strongroom_keyvault_operations_total", "operation=\"unwrapKey\"", "outcome=\"ok\"")
                > Prometheus.metric(before.body(), "strongroom_keyvault_operations_total", "operation=\"unwrapKey\"", "outcome=\"ok\""),
                "the backup unwrapped the vault's data key through the key vault");
        assertTrue(Prometheus.metric(after, "strongroom_job_seconds_total", "operation=\"Backup\"")
                > Prometheus.metric(before.body(), "strongroom_job_seconds_total", "operation=\"Backup\""), "the backup's duration is added");
        for (String family : List.of("strongroom_jobs_ended_total", "strongroom_job_seconds_total",
                "strongroom_backup_source_bytes_total", "strongroom_backup_new_bytes_total", "strongroom_keyvault_operations_total")) {
            String help = after.lines().filter(line -> line.startsWith("# HELP " + family + " ")).findFirst()
                    .map(line -> line.substring(("# HELP " + family + " ").length())).orElse("");
            assertTrue(help.split(" ").length >= 6, "HELP of " + family + " says what it counts: '" + help + "'");
        }
    }

    @Test
    void readinessProbe_answersUpWithTheDatabaseAndBrokerChecks() throws Exception {
        HttpResponse<String> ready = get(management("/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"strongroom\""), ready.body());
        assertTrue(ready.body().contains("\"database\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("\"broker\":\"UP\""), ready.body());
    }
}
