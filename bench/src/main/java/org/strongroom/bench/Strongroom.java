package org.strongroom.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A Strongroom server for the benchmark: WildFly from the build's target/ with a server base directory
 * of its own (fresh each run), port offset 200 (or another), embedded defaults (H2, embedded Artemis), started with
 * the JDK under test; and the REST calls the benchmark makes.
 */
final class Strongroom implements AutoCloseable {

    static final String PASSWORD = "bench-Secret-42";
    static final int OFFSET = 200;

    final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final Process process;
    private final Path baseDir;

    private Strongroom(Process process, Path baseDir, int offset) {
        this.process = process;
        this.baseDir = baseDir;
        this.base = "http://127.0.0.1:" + (8080 + offset);
    }

    /** Starts WildFly with the WAR on {@code javaHome}; waits until Strongroom answers its health check. */
    static Strongroom start(Path project, Path javaHome, Path baseDir) throws IOException, InterruptedException {
        return start(project, javaHome, baseDir, OFFSET, Map.of());
    }

    /** As {@link #start(Path, Path, Path)}, on port offset {@code offset}, with {@code extraEnv} (e.g. JAVA_OPTS). */
    static Strongroom start(Path project, Path javaHome, Path baseDir, int offset, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        return start(project, javaHome, baseDir, offset, extraEnv, "standalone-full.xml", "strongroom");
    }

    /** A node of a cluster (docs/scaling.md): {@code standalone-full-ha.xml}, named {@code node}. */
    static Strongroom startNode(Path project, Path javaHome, Path baseDir, int offset, Map<String, String> extraEnv, String node)
            throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("STRONGROOM_NODE_ID", node);
        return start(project, javaHome, baseDir, offset, env, "standalone-full-ha.xml", node);
    }

    private static Strongroom start(Path project, Path javaHome, Path baseDir, int offset, Map<String, String> extraEnv,
                                    String config, String node) throws IOException, InterruptedException {
        Path jbossHome;
        try (Stream<Path> dirs = Files.list(project.resolve("target"))) {
            jbossHome = dirs.filter(p -> p.getFileName().toString().startsWith("wildfly-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No WildFly in target/: run mvn -DskipTests package first"));
        }
        DataSet.deleteTree(baseDir);
        Files.createDirectories(baseDir.resolve("deployments"));
        copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.copy(project.resolve("target/strongroom.war"), baseDir.resolve("deployments/strongroom.war"));
        ProcessBuilder builder = new ProcessBuilder(jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", config, "-Djboss.node.name=" + node, "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("STRONGROOM_ADMIN_PASSWORD", PASSWORD);
        env.put("STRONGROOM_PUBLIC_URL", "http://127.0.0.1:" + (8080 + offset));
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        Path restores = baseDir.resolveSibling("restore-strongroom");
        Files.createDirectories(restores);
        env.put("STRONGROOM_RESTORE_ROOTS", restores.toString());
        env.putAll(extraEnv);
        Strongroom server = new Strongroom(builder.start(), baseDir, offset);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            try {
                if (server.http.send(HttpRequest.newBuilder(URI.create(server.base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200 && server.cryptoWarmedUp()) {
                    return server;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        server.close();
        throw new IllegalStateException("Strongroom did not start; see " + baseDir.resolve("console.log"));
    }

    /** Whether the server has logged that its chunk crypto is warm (it does so a few seconds after starting). */
    private boolean cryptoWarmedUp() throws IOException {
        Path log = baseDir.resolve("log/server.log");
        return Files.exists(log) && Files.readString(log).contains("Chunk crypto warmed up");
    }

    /** The server's Java process (standalone.sh runs it as a child). */
    ProcessHandle java() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    /** CPU time the server's JVM has used so far, from /proc (user + system). */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + java().pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / 100);
    }

    Path storeDir() {
        return baseDir.resolve("data/strongroom/store");
    }

    JsonObject call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** GET with latency: the time the answer took, in nanoseconds. */
    long timedGet(String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
        }
        return System.nanoTime() - start;
    }

    /** Waits for a job to end (polling every 50 ms); answers it. */
    JsonObject awaitJob(String id) throws IOException, InterruptedException {
        while (true) {
            JsonObject job = call("GET", "/api/jobs/" + id, null);
            if (!"InProgress".equals(job.getString("status"))) {
                if (!job.getString("status").startsWith("Completed")) {
                    throw new IllegalStateException("Job failed: " + job);
                }
                return job;
            }
            Thread.sleep(50);
        }
    }

    /** A key vault with soft delete and purge protection, and an RSA-2048 key; answers the versioned kid. */
    String keyVaultWithKey(String kv, String key) throws IOException, InterruptedException {
        call("PUT", "/api/keyvaults/" + kv, "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-keys\",\"resourceGroup\":\"rg\","
                + "\"softDeleteEnabled\":true,\"purgeProtectionEnabled\":true}");
        return call("POST", "/api/keyvaults/" + kv + "/keys/" + key + "/create", "{\"kty\":\"RSA\",\"key_size\":2048}")
                .getJsonObject("key").getString("kid");
    }

    /** A vault with an identity granted on {@code kv}, using {@code keyUri} (versioned or versionless). */
    void cmkVault(String vault, String kv, String keyUri) throws IOException, InterruptedException {
        call("PUT", "/api/vaults/" + vault, "{\"region\":\"westeurope\",\"subscriptionId\":\"sub\",\"resourceGroup\":\"rg\"}");
        String principal = call("PUT", "/api/vaults/" + vault + "/identity", "{\"type\":\"SystemAssigned\"}").getString("principalId");
        call("PUT", "/api/keyvaults/" + kv + "/accessPolicies/" + principal,
                "{\"permissions\":{\"keys\":[\"get\",\"list\",\"wrapKey\",\"unwrapKey\"]}}");
        awaitJob(call("PUT", "/api/vaults/" + vault + "/encryption", "{\"keyUri\":\"" + keyUri
                + "\",\"keyVaultSubscriptionId\":\"sub-keys\"}").getString("id"));
    }

    void item(String vault, String item, String workload, Path source) throws IOException, InterruptedException {
        call("PUT", "/api/vaults/" + vault + "/items/" + item, "{\"workloadType\":\"" + workload + "\",\"source\":{\"path\":\""
                + source + "\"}}");
    }

    /** Starts the jobs the calls answer with, all at once, and waits for all of them. */
    List<JsonObject> runTogether(List<String[]> calls) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (String[] call : calls) {
            ids.add(call(call[0], call[1], call[2]).getString("id"));
        }
        List<JsonObject> jobs = new ArrayList<>();
        for (String id : ids) {
            jobs.add(awaitJob(id));
        }
        return jobs;
    }

    String newestPoint(String vault, String item) throws IOException, InterruptedException {
        return call("GET", "/api/vaults/" + vault + "/items/" + item + "/recoveryPoints", null)
                .getJsonArray("value").getJsonObject(0).getString("id");
    }

    @Override
    public void close() {
        java().destroy();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
