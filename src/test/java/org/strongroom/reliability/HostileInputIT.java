package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Figures;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * A corpus of malformed and hostile requests, sent as an outside client would: every answer is a 4xx
 * with the error body, never a 5xx, never a stack trace; no file appears outside the allowed roots
 * (the IT server allows only target/it-sources); and nothing a refused request named was created.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    record Case(String method, String path, String body, String contentType) {

        Case(String method, String path, String body) {
            this(method, path, body, "application/json");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "... (" + body.length() + " chars)" : body;
            return method + " " + path + " " + shown;
        }
    }

    @Test
    void hostileRequests_areAllRefusedWith4xxAndTheErrorBody_andWriteNothingOutsideTheRoots() throws IOException {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        Path outside = Path.of("target", "hostile-outside", Names.unique("o")).toAbsolutePath();
        Files.createDirectories(outside);
        Fixture fixture = fixture(cmk, outside);
        Set<String> vaultsBefore = names(admin.get("/api/vaults").json());

        List<Case> corpus = corpus(fixture, outside);
        List<String> violations = new ArrayList<>();
        for (Case request : corpus) {
            Api.Response answer = admin.send(request.method(), request.path(), request.body(), request.contentType());
            if (answer.status() < 400 || answer.status() >= 500 || !isErrorBody(answer)) {
                violations.add(answer.status() + " for " + request + " -> " + clip(answer.body()));
            } else if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
                violations.add("stack trace for " + request);
            }
        }

        assertEquals(List.of(), violations, violations.size() + " of " + corpus.size() + " requests were not refused cleanly");
        try (Stream<Path> written = Files.walk(outside)) {
            assertEquals(List.of(outside), written.toList(), "nothing is written outside the allowed roots");
        }
        assertEquals(vaultsBefore, names(admin.get("/api/vaults").json()), "refused requests created no vault");
        assertTrue(corpus.size() >= 200, "the corpus has " + corpus.size() + " requests");
        Figures.record("hostile", corpus.size() + " malformed or hostile requests: " + corpus.size()
                + " answered 4xx with the error body, 0 answered 5xx, 0 stack traces, 0 files written outside the allowed roots");
    }

    record Fixture(String vault, String item, String point, String otherVault, String otherItem, String keyVault, String kid,
                   Path escape) {
    }

    /** A vault with an item and a recovery point (restore targets need one), and a CMK vault with its key. */
    private static Fixture fixture(Cmk cmk, Path outside) throws IOException {
        Api admin = cmk.admin();
        Cmk.Setup setup = cmk.cmkVault();
        Path source = SourceTrees.newDirectory("hostile");
        Files.writeString(source.resolve("a.txt"), "hostile input fixture");
        String item = cmk.filesItem(setup.vault(), "files", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String point = cmk.newestPoint(item);
        String other = cmk.vault("westeurope");
        cmk.filesItem(other, "other", SourceTrees.newDirectory("hostile-other"));
        // A link inside the allowed root that leads outside it.
        Path escape = Files.createSymbolicLink(source.getParent().resolve(Names.unique("escape")), outside);
        return new Fixture(setup.vault(), "files", point, other, "other", setup.keyVault(), setup.kid(), escape);
    }

    private List<Case> corpus(Fixture f, Path outside) {
        List<Case> corpus = new ArrayList<>();
        String vault = "/api/vaults/" + f.vault();
        String item = vault + "/items/" + f.item();
        String restore = item + "/recoveryPoints/" + f.point() + "/restore";
        String newVault = "/api/vaults/" + Names.unique("hv-");
        String keyVault = "/api/keyvaults/" + f.keyVault();
        String kidPath = Cmk.path(f.kid());

        // 1. Broken JSON, to every call that takes a body.
        List<String> bodyCalls = List.of("PUT " + newVault, "PUT " + vault + "/identity", "PUT " + vault + "/encryption",
                "PUT " + vault + "/items/" + Names.unique("hi-"), "POST " + restore, "PUT /api/keyvaults/" + Names.unique("hkv-"),
                "PATCH " + keyVault, "PUT " + keyVault + "/accessPolicies/" + UUID.randomUUID(), "POST " + keyVault + "/keys/hk/create",
                "PUT " + keyVault + "/keys/himport", "POST " + kidPath + "/wrapkey", "POST " + kidPath + "/unwrapkey",
                "PATCH " + kidPath, "PUT /api/users/" + Names.unique("hu-"), "PUT /api/diskEncryptionSets/" + Names.unique("hdes-"),
                "POST " + vault + "/move");
        List<String> brokenBodies = List.of("{", "[]", "null", "\"text\"", "42", "{\"a\":", "{}{}", "{\"a\":1,}", "\u0000",
                "[".repeat(100_000) + "]".repeat(100_000), "\uFEFF{\"region\":", "{'single':'quotes'}");
        for (String call : bodyCalls) {
            String[] parts = call.split(" ", 2);
            for (String body : brokenBodies) {
                corpus.add(new Case(parts[0], parts[1], body));
            }
        }

        // 2. Wrong types and missing or absurd fields.
        for (String value : List.of("1", "[]", "{}", "true", "null", "\"\"", "\"" + "x".repeat(10_000) + "\"", "\"west\\u0000europe\"")) {
            corpus.add(new Case("PUT", newVault, "{\"region\":" + value + ",\"subscriptionId\":\"s\",\"resourceGroup\":\"rg\"}"));
            corpus.add(new Case("PUT", vault + "/encryption", "{\"keyUri\":" + value + ",\"keyVaultSubscriptionId\":\"sub-keys\"}"));
            corpus.add(new Case("POST", keyVault + "/keys/hk/create", "{\"kty\":" + value + ",\"key_size\":2048}"));
            corpus.add(new Case("PUT", vault + "/items/" + Names.unique("hi-"), "{\"workloadType\":" + value + ",\"source\":{\"path\":\"/x\"}}"));
        }
        corpus.add(new Case("POST", keyVault + "/keys/hk/create", "{\"kty\":\"RSA\",\"key_size\":-1}"));
        corpus.add(new Case("POST", keyVault + "/keys/hk/create", "{\"kty\":\"RSA\",\"key_size\":99999999999999999999}"));
        corpus.add(new Case("POST", keyVault + "/keys/hk/create", "{\"kty\":\"RSA\",\"key_size\":2048.5}"));
        corpus.add(new Case("PUT", "/api/keyvaults/" + Names.unique("hkv-"), "{\"region\":\"westeurope\",\"subscriptionId\":\"s\","
                + "\"resourceGroup\":\"rg\",\"softDeleteRetentionDays\":1e400}"));
        corpus.add(new Case("POST", kidPath + "/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"not base64 !!\"}"));
        corpus.add(new Case("POST", kidPath + "/unwrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + "A".repeat(4096) + "\"}"));
        corpus.add(new Case("POST", kidPath + "/wrapkey", "{\"alg\":\"RSA1_5\",\"value\":\"AAAA\"}"));
        corpus.add(new Case("PUT", "/api/users/" + Names.unique("hu-"), "{\"password\":\"x\",\"roles\":[\"root\"]}"));

        // 3. Huge bodies (beyond the 4 MiB the API accepts, and big ones below it).
        corpus.add(new Case("PUT", newVault, "{\"region\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}"));
        corpus.add(new Case("PUT", newVault, "{" + "\"k\":1,".repeat(300_000) + "\"region\":\"westeurope\"}"));
        corpus.add(new Case("POST", restore, "{\"target\":{\"path\":\"" + outside + "\"},\"paths\":[" + "\"a\",".repeat(200_000) + "\"b\"]}"));

        // 4. Names: traversal, encoded separators, unicode tricks, overlong.
        for (String name : List.of("..", "%2e%2e", "..%2F..%2Fetc", "a%2Fb", "a%5Cb", "%00", "a%00b", "x".repeat(300),
                "v%E2%80%AEtluav", "%EF%BC%8Fetc", "%E2%80%8Bvault", "%F0%9F%92%A3bomb", "-", "a", "%C0%AE%C0%AE", "name%20with%20space",
                "%3Cscript%3E", "%27%20OR%201%3D1--")) {
            corpus.add(new Case("PUT", "/api/vaults/" + name, "{\"region\":\"westeurope\",\"subscriptionId\":\"s\",\"resourceGroup\":\"rg\"}"));
            corpus.add(new Case("PUT", vault + "/items/" + name, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"/x\"}}"));
            corpus.add(new Case("PUT", "/api/keyvaults/" + name, "{\"region\":\"westeurope\",\"subscriptionId\":\"s\",\"resourceGroup\":\"rg\"}"));
        }

        // 5. Restore targets and selected paths that leave the roots, or are no paths at all.
        Path root = Path.of("target", "it-sources").toAbsolutePath();
        String escape = f.escape().toString();
        for (String target : List.of(outside.toString(), outside + "/x", root + "/../hostile-outside/" + outside.getFileName(),
                root + "/./../../target/hostile-outside/" + outside.getFileName() + "/y", escape, escape + "/deeper", "relative/path",
                "../../etc", "~/x", "file://" + outside, "/etc", "/", "", " ", root + "/a\u0000b", root + "/" + "x".repeat(5000),
                "\\\\server\\share", "C:\\Windows")) {
            corpus.add(new Case("POST", restore, "{\"target\":{\"path\":\"" + json(target) + "\"}}"));
        }
        for (String path : List.of("../../etc/passwd", "/../etc/passwd", "a/../../..", "./a", "\u0000", "")) {
            corpus.add(new Case("POST", restore, "{\"target\":{\"path\":\"" + json(root.resolve(Names.unique("t")).toString())
                    + "\"},\"paths\":[\"" + json(path) + "\"]}"));
        }
        corpus.add(new Case("POST", restore, "{\"target\":{\"path\":42}}"));
        corpus.add(new Case("POST", restore, "{\"target\":\"" + json(outside.toString()) + "\"}"));

        // 6. Item sources outside the roots.
        for (String source : List.of(outside.toString(), "/etc", "/", root + "/../hostile-outside", escape, "relative", "../../etc",
                "/proc/self/environ", "/dev/zero", "file:///etc", "", root + "/no-such-dir-" + UUID.randomUUID())) {
            corpus.add(new Case("PUT", vault + "/items/" + Names.unique("hi-"), "{\"workloadType\":\"Files\",\"source\":{\"path\":\""
                    + json(source) + "\"}}"));
        }
        corpus.add(new Case("PUT", vault + "/items/" + Names.unique("hi-"), "{\"workloadType\":\"Disk\",\"source\":{\"path\":\"/dev/sda\"}}"));

        // 7. Key URIs of other hosts, schemes and shapes.
        String kidTail = kidPath;
        String us = base.getHost() + ":" + base.getPort();
        for (String uri : List.of("https://evil.example.com" + kidTail, "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd",
                "http://127.0.0.1:22" + kidTail, "javascript:alert(1)", "http://attacker@" + us + kidTail,
                "http://" + us + ".evil.com" + kidTail, "http://xn--80ak6aa92e.com" + kidTail, "ftp://127.0.0.1" + kidTail,
                f.kid() + "/../../../vaults", f.kid() + "?x=1", f.kid() + "#frag", "//evil.example.com" + kidTail, kidTail,
                f.kid().replace("/keys/", "/secrets/"), "")) {
            corpus.add(new Case("PUT", vault + "/encryption", "{\"keyUri\":\"" + json(uri) + "\",\"keyVaultSubscriptionId\":\"sub-keys\"}"));
            corpus.add(new Case("PUT", "/api/diskEncryptionSets/" + Names.unique("hdes-"), "{\"keyUri\":\"" + json(uri)
                    + "\",\"region\":\"westeurope\"}"));
        }

        // 8. Replayed or foreign ids: jobs that do not exist, a recovery point of another vault's item.
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00",
                "..%2F..%2Fapi%2Fusers")) {
            corpus.add(new Case("GET", "/api/jobs/" + id, null, null));
            corpus.add(new Case("POST", item + "/recoveryPoints/" + id + "/restore", "{\"target\":{\"path\":\""
                    + json(root.resolve(Names.unique("t")).toString()) + "\"}}"));
        }
        corpus.add(new Case("POST", "/api/vaults/" + f.otherVault() + "/items/" + f.otherItem() + "/recoveryPoints/" + f.point() + "/restore",
                "{\"target\":{\"path\":\"" + json(root.resolve(Names.unique("t")).toString()) + "\"}}"));
        corpus.add(new Case("POST", "/api/vaults/" + f.otherVault() + "/items/" + f.otherItem() + "/recoveryPoints/" + f.point() + "/verify", null));

        // 9. Query parameters.
        for (String query : List.of("status=%3Cscript%3E", "operation=DROP%20TABLE", "from=yesterday", "to=2026-13-45T99:00:00Z",
                "limit=-1", "limit=99999999999999", "limit=abc", "vault=%27%20OR%201%3D1--&status=Nope")) {
            corpus.add(new Case("GET", "/api/jobs?" + query, null, null));
        }
        corpus.add(new Case("GET", "/api/activitylog?from=notatime", null, null));
        corpus.add(new Case("GET", item + "/recoveryPoints?from=%00", null, null));

        // 10. Content types that are not JSON, XML with an external entity.
        corpus.add(new Case("PUT", newVault, "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><v>&x;</v>",
                "application/xml"));
        corpus.add(new Case("PUT", newVault, "region=westeurope", "application/x-www-form-urlencoded"));
        corpus.add(new Case("PUT", newVault, "{\"region\":\"westeurope\"}", "text/plain"));
        corpus.add(new Case("POST", restore, "{\"target\":{\"path\":\"" + json(outside.toString()) + "\"}}", "multipart/form-data; boundary=x"));
        corpus.add(new Case("PUT", newVault, "{\"region\":\"westeurope\"}", "application/json; charset=EBCDIC-XYZ"));
        return corpus;
    }

    private static boolean isErrorBody(Api.Response answer) {
        try {
            JsonObject body = answer.json();
            return body.containsKey("code") && body.containsKey("message")
                    && Set.of("code", "message", "target").containsAll(body.keySet());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static Set<String> names(JsonObject list) {
        return list.getJsonArray("value").stream().map(v -> v.asJsonObject().getString("name"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static String clip(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
