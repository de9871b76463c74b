package org.strongroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Strongroom server of a test's own, for what Arquillian's shared server must not suffer: being
 * killed. WildFly from the build (system property {@code jboss.home}) with the built WAR, on a base
 * directory and port offset of its own, on the embedded defaults (H2 file database, embedded Artemis, a
 * self-signed certificate for HTTPS) whatever database and certificate the rest of the suite uses. Its state survives {@link #kill()} and {@link #start()}.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path baseDir;
    private final int portOffset;
    private final Map<String, String> environment;
    private final String config;
    private final String nodeName;
    private Process process;

    private StandaloneServer(Path baseDir, int portOffset, Map<String, String> environment, String config, String nodeName) {
        this.baseDir = baseDir;
        this.portOffset = portOffset;
        this.environment = environment;
        this.config = config;
        this.nodeName = nodeName;
    }

    /** A fresh server (its base directory emptied) on {@code portOffset}, with extra environment; started. */
    public static StandaloneServer fresh(String name, int portOffset, Map<String, String> environment) {
        return fresh(name, portOffset, environment, "standalone-full.xml");
    }

    /**
     * A fresh node of a cluster ({@code standalone-full-ha.xml}, node name {@code name}) on {@code portOffset}; the
     * environment names the shared database, the members and the cluster password (docs/scaling.md); started.
     */
    public static StandaloneServer clusterNode(String name, int portOffset, Map<String, String> environment) {
        Map<String, String> node = new HashMap<>(environment);
        node.put("STRONGROOM_NODE_ID", name);
        return fresh(name, portOffset, node, "standalone-full-ha.xml");
    }

    private static StandaloneServer fresh(String name, int portOffset, Map<String, String> environment, String config) {
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        Path baseDir = Path.of("target", name).toAbsolutePath();
        try {
            SourceTrees.deleteTree(baseDir);
            Files.createDirectories(baseDir.resolve("deployments"));
            copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
            Files.copy(Path.of(System.getProperty("strongroom.war", "target/strongroom.war")),
                    baseDir.resolve("deployments/strongroom.war"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StandaloneServer server = new StandaloneServer(baseDir, portOffset, environment, config, name);
        server.start();
        return server;
    }

    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Starts WildFly on the base directory as it is, and waits until Strongroom answers its health check. */
    public void start() {
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        ProcessBuilder builder = new ProcessBuilder(jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", config, "-Djboss.server.base.dir=" + baseDir, "-Djboss.node.name=" + nodeName,
                "-Djboss.socket.binding.port-offset=" + portOffset)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("STRONGROOM_DB_") || name.startsWith("STRONGROOM_TLS_KEYSTORE"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS", "-Xms256m -Xmx1g");
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        env.put("STRONGROOM_PUBLIC_URL", "http://127.0.0.1:" + (8080 + portOffset));
        env.putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited while starting; see " + baseDir.resolve("console.log"));
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(base().toURI().resolve("api/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException | java.net.URISyntaxException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("Strongroom did not start within 3 minutes; see " + baseDir.resolve("console.log"));
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no flush, no goodbye. Waits until it is gone. */
    public void kill() {
        ProcessHandle java = java();
        java.destroyForcibly();
        java.onExit().join();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server the normal way. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessHandle java = java();
        java.destroy();
        try {
            java.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception slow) {
            java.destroyForcibly();
        }
        process.destroy();
    }

    /** The JVM standalone.sh runs as its child. */
    private ProcessHandle java() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("No WildFly JVM under " + process.pid()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
