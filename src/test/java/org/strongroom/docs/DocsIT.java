package org.strongroom.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;

/**
 * The guides run as written: every {@code ```bash} block of a page, top to bottom, in one bash shell
 * with {@code -e -o pipefail} (blocks marked {@code ```shell}, such as the command that starts the
 * server, are not run), against the test server. The only changes are the ones a reader's machine
 * differs by, listed in {@link #substitutions}: the server's address, the admin password, the scratch
 * directory and the restore root (they must lie under the test server's allowed roots) and where the
 * server keeps its data.
 * Needs bash, curl, jq and openssl; skipped, naming them, where one is missing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocsIT {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final List<String> TOOLS = List.of("bash", "curl", "jq", "openssl");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private record Run(int exit, String output, String trace) {
    }

    @Test
    void quickstart_runsAsWritten_fromAnEmptyShell() throws Exception {
        Run run = run("quickstart", "quickstart.md");
        assertSucceeded(run);
        for (String expected : List.of("\"code\": \"UserErrorKeyVaultPermissionsNotConfigured\"",
                "{\"operation\":\"ConfigureEncryption\",\"status\":\"Completed\"}", "\"encryptionAtRestType\": \"CustomerManaged\"",
                "{\"operation\":\"Backup\",\"status\":\"Completed\"", "{\"operation\":\"Restore\",\"status\":\"Completed\"",
                "identical", "\"code\": \"UserErrorRestoreTargetExists\"", "did you mean 'target'?")) {
            assertTrue(run.output().contains(expected), "the quickstart shows " + expected + ":\n" + run.output());
        }
    }

    @Test
    void keyManagementByokPath_andRecoveryGuide_runAsWritten_fromOpensslToOfflineRecovery() throws Exception {
        Run run = run("byok", "key-management.md", "recovery.md");
        assertSucceeded(run);
        // The key id: the IT server has a key vault domain, so it names the key vault's own host, not /api/keyvaults/byok-kv.
        for (String expected : List.of("-----BEGIN PRIVATE KEY-----", "byok-kv.vault.strongroom.test:" + (8443 + Integer.getInteger("it.port.offset", 100)) + "/keys/my-kek/",
                "{\"operation\":\"ConfigureEncryption\",\"status\":\"Completed\"}", "Files, 2 files, 2000014 bytes", "\nidentical",
                "Board minutes", "disk identical", "sealed disk identical", "exit status 2",
                "{\"operation\":\"ResealDisk\",\"status\":\"Completed\"}")) {
            assertTrue(run.output().contains(expected), "the guides show " + expected + ":\n" + run.output());
        }
    }

    private static void assertSucceeded(Run run) {
        assertEquals(0, run.exit(), "a command of the guide failed (exit " + run.exit() + ")\n--- output:\n" + run.output()
                + "\n--- last commands:\n" + tail(run.trace(), 40));
    }

    private Map<String, String> substitutions(Path scratch) {
        String server = base.toString().replaceAll("/+$", "");
        Map<String, String> substitutions = new LinkedHashMap<>();
        substitutions.put("http://localhost:8080", server);
        substitutions.put("choose-a-password", Api.ADMIN_PASSWORD);
        substitutions.put("/tmp/strongroom-docs", scratch.toString());
        // The default restore root of `mvn -Prun`; the test server's restore roots include the scratch directory.
        substitutions.put("$PWD/target/strongroom-restores", scratch.resolve("restores").toString());
        substitutions.put("target/wildfly-39.0.1.Final/standalone/data",
                Path.of(System.getProperty("it.server.base", "target/it-server"), "data").toAbsolutePath().toString());
        substitutions.put("target/strongroom-recover.jar",
                Path.of(System.getProperty("strongroom.recover.jar", "target/strongroom-recover.jar")).toAbsolutePath().toString());
        return substitutions;
    }

    /** Runs the bash blocks of {@code pages} (in docs/) in one shell. */
    private Run run(String name, String... pages) throws IOException, InterruptedException {
        List<String> missing = TOOLS.stream().filter(tool -> !onPath(tool)).toList();
        assumeTrue(missing.isEmpty(), "the guides' commands need " + missing + ": install them (apt-get install " + String.join(" ", missing) + ")");
        Path scratch = Path.of("target", "it-sources", "docs-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(scratch);
        StringBuilder script = new StringBuilder();
        for (String page : pages) {
            Matcher block = BASH_BLOCK.matcher(Files.readString(Path.of("docs", page)));
            while (block.find()) {
                script.append(block.group(1)).append('\n');
            }
        }
        String text = script.toString();
        for (Map.Entry<String, String> substitution : substitutions(scratch).entrySet()) {
            text = text.replace(substitution.getKey(), substitution.getValue());
        }
        Path file = Path.of("target", "docs-" + name + ".sh");
        Files.writeString(file, text);
        Path output = Path.of("target", "docs-" + name + ".out");
        Path trace = Path.of("target", "docs-" + name + ".trace");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-x", file.toString())
                .redirectOutput(output.toFile()).redirectError(trace.toFile());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, Files.readString(output), Files.readString(trace) + "\n(timed out after 6 minutes)");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readString(trace, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String tail(String text, int lines) {
        List<String> all = new ArrayList<>(text.lines().toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
