package org.strongroom.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Key managers side by side (docs/benchmarks.md, "Key managers"): a Strongroom whose vaults use a key of
 * its built-in key vault or a key of a second Strongroom acting as a remote key manager over HTTPS
 * (Azure Key Vault's protocol, a service principal's token, the official SDK inside Strongroom).
 *
 * <ol>
 *   <li>Unwrap at each key manager as its clients call it: HTTPS at the key vault's own host, a Bearer token,
 *       RSA-OAEP-256 of 32 bytes — latency of sequential calls (median, p95) and calls per second with four
 *       clients at once.</li>
 *   <li>Backups end to end, a vault on each key manager taking turns (each first in every other round): a tiny one (one small file: what a job's
 *       one unwrap costs on top) and a large one (fresh incompressible data: throughput).</li>
 * </ol>
 * Writes bench/results/key-managers.json and key-managers.md. Run it with {@code bash bench/key-managers.sh}.
 */
public final class KeyManagerBench {

    private static final int LOCAL_OFFSET = 200;
    private static final int REMOTE_OFFSET = 300;
    private static final String LOCAL_DOMAIN = "vault.local.test";
    private static final String REMOTE_DOMAIN = "vault.remote.test";
    private static final int SEQUENTIAL_CALLS = 300;
    private static final Duration CONCURRENT_FOR = Duration.ofSeconds(10);
    private static final int CLIENTS = 4;
    private static final int SMALL_ROUNDS = 9;
    private static final int LARGE_ROUNDS = 5;
    private static final int LARGE_MIB = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String HSM_PIN = "4321";

    private final Path project;
    private final Path work;

    private KeyManagerBench(Path project) {
        this.project = project;
        this.work = project.resolve("target/bench-key-managers");
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new KeyManagerBench(project).run(Path.of(System.getProperty("java.home")));
    }

    private void run(Path javaHome) throws Exception {
        DataSet.deleteTree(work);
        Files.createDirectories(work);
        Path hosts = Path.of(System.getProperty("jdk.net.hosts.file", "")).toAbsolutePath(); // written by bench/key-managers.sh
        String javaOpts = "-Xms512m -Xmx1g -Djava.awt.headless=true -Djdk.net.hosts.file=" + hosts;
        Map<String, Object> results = new LinkedHashMap<>();
        try (Strongroom remote = Strongroom.start(project, javaHome, work.resolve("remote"), REMOTE_OFFSET, Map.of(
                "STRONGROOM_KEYVAULT_DOMAIN", REMOTE_DOMAIN, "STRONGROOM_TLS_HOST", "*." + REMOTE_DOMAIN, "JAVA_OPTS", javaOpts));
             Strongroom local = Strongroom.start(project, javaHome, work.resolve("local"), LOCAL_OFFSET, Map.of(
                "STRONGROOM_KEYVAULT_DOMAIN", LOCAL_DOMAIN, "STRONGROOM_TLS_HOST", "*." + LOCAL_DOMAIN, "JAVA_OPTS", javaOpts))) {
            BenchRun.log("Both servers up: local " + local.base + ", remote " + remote.base);
            KeyVault builtIn = keyVault(local, "local-kv", LOCAL_DOMAIN, LOCAL_OFFSET);
            KeyVault away = keyVault(remote, "remote-kv", REMOTE_DOMAIN, REMOTE_OFFSET);
            local.call("PUT", "/api/keyManagers/remote-kv", "{\"kind\":\"AzureKeyVault\",\"keyVaultUrl\":\"https://remote-kv."
                    + REMOTE_DOMAIN + ":" + (8443 + REMOTE_OFFSET) + "\",\"region\":\"westeurope\",\"subscriptionId\":\"sub-keys\","
                    + "\"credential\":{\"type\":\"ClientSecret\",\"tenantId\":\"" + away.tenant + "\",\"clientId\":\"" + away.appId
                    + "\",\"clientSecret\":\"" + away.secret + "\",\"authorityHost\":\"" + away.authority + "\"},"
                    + "\"trustedCertificates\":\"" + away.certificatePem.replace("\n", "\\n") + "\"}");

            local.call("PUT", "/api/keyManagers/bench-hsm", "{\"kind\":\"Pkcs11\",\"token\":\"bench-hsm\",\"modulePath\":\""
                    + HSM_MODULE + "\",\"region\":\"westeurope\",\"subscriptionId\":\"sub-keys\",\"softDeleteEnabled\":true,"
                    + "\"purgeProtectionEnabled\":true,\"credential\":{\"type\":\"Pin\",\"pin\":\"" + HSM_PIN + "\"}}");

            Map<String, Object> unwrap = new LinkedHashMap<>();
            unwrap.put("builtIn", unwrapCalls(builtIn));
            unwrap.put("remote", unwrapCalls(away));
            unwrap.put("softHsm2", tokenCalls());
            results.put("unwrap", unwrap);

            Path small = work.resolve("small");
            Files.createDirectories(small);
            Files.writeString(small.resolve("note.txt"), "one small file");
            String localVault = vault(local, "on-built-in", builtIn.kid, builtIn);
            String remoteVault = vault(local, "on-remote", away.kid, null);
            String hsmVault = vault(local, "on-hsm", "pkcs11:token=bench-hsm;object=kek", null);
            List<String> vaults = List.of(localVault, remoteVault, hsmVault);
            Map<String, List<Double>> smallTimes = new LinkedHashMap<>();
            Map<String, List<Double>> largeTimes = new LinkedHashMap<>();
            vaults.forEach(v -> {
                smallTimes.put(v, new ArrayList<>());
                largeTimes.put(v, new ArrayList<>());
            });
            for (String v : vaults) {
                local.item(v, "small", "Files", small);
            }
            for (int round = 0; round < SMALL_ROUNDS; round++) {
                Files.writeString(small.resolve("note.txt"), "one small file, round " + round);
                for (String v : rotated(vaults, round)) { // each goes first in turn: none always follows another's work
                    smallTimes.get(v).add(backupSeconds(local, v, "small"));
                }
            }
            for (int round = 0; round < LARGE_ROUNDS; round++) {
                Path large = work.resolve("large-" + round);
                Files.createDirectories(large);
                Files.write(large.resolve("data.bin"), random(LARGE_MIB << 20));
                for (String v : vaults) {
                    local.item(v, "large-" + round, "Files", large);
                }
                for (String v : rotated(vaults, round)) {
                    largeTimes.get(v).add(backupSeconds(local, v, "large-" + round));
                }
                DataSet.deleteTree(large);
            }
            Map<String, Object> backup = new LinkedHashMap<>();
            double smallBuiltIn = median(smallTimes.get(localVault));
            double largeBuiltIn = median(largeTimes.get(localVault));
            Map<String, String> kinds = new LinkedHashMap<>();
            kinds.put("builtIn", localVault);
            kinds.put("remote", remoteVault);
            kinds.put("softHsm2", hsmVault);
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                double smallSeconds = median(smallTimes.get(kind.getValue()));
                double largeSeconds = median(largeTimes.get(kind.getValue()));
                backup.put(kind.getKey(), Map.of("smallSeconds", smallSeconds, "costPerJobMs", (smallSeconds - smallBuiltIn) * 1000,
                        "largeMibPerSecond", LARGE_MIB / largeSeconds, "throughputRatioToBuiltIn", largeBuiltIn / largeSeconds));
            }
            results.put("backup", backup);
        }
        write(results);
    }

    private static List<String> rotated(List<String> items, int by) {
        List<String> turned = new ArrayList<>(items);
        java.util.Collections.rotate(turned, -(by % items.size()));
        return turned;
    }

    /**
     * The token's part of an unwrap, measured in this JVM through the JDK's PKCS#11 provider: the raw RSA-2048
     * private operation on the SoftHSM2 token (the OAEP decoding around it costs microseconds).
     */
    private Map<String, Object> tokenCalls() throws Exception {
        java.security.Provider token = java.security.Security.getProvider("SunPKCS11").configure("--name=bench\nlibrary="
                + HSM_MODULE + "\nslotListIndex=0\n");
        KeyStore keys = KeyStore.getInstance("PKCS11", token);
        keys.load(null, HSM_PIN.toCharArray());
        java.security.PrivateKey key = (java.security.PrivateKey) keys.getKey("kek", null);
        java.security.interfaces.RSAPublicKey publicKey = (java.security.interfaces.RSAPublicKey) keys.getCertificate("kek").getPublicKey();
        javax.crypto.Cipher oaep = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        oaep.init(javax.crypto.Cipher.ENCRYPT_MODE, publicKey);
        byte[] wrapped = oaep.doFinal(random(32));
        java.util.concurrent.Callable<Void> call = () -> {
            javax.crypto.Cipher raw = javax.crypto.Cipher.getInstance("RSA/ECB/NoPadding", token);
            raw.init(javax.crypto.Cipher.DECRYPT_MODE, key);
            raw.doFinal(wrapped);
            return null;
        };
        return measured(call);
    }

    /** {@code call} warmed up, then its latency one at a time (median, p95) and its rate with four clients at once. */
    private static Map<String, Object> measured(java.util.concurrent.Callable<?> call) throws Exception {
        for (int i = 0; i < 50; i++) {
            call.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL_CALLS; i++) {
            long start = System.nanoTime();
            call.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        AtomicLong calls = new AtomicLong();
        long end = System.nanoTime() + CONCURRENT_FOR.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    call.call();
                    calls.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return Map.of("medianMs", millis.get(millis.size() / 2), "p95Ms", millis.get((int) (millis.size() * 0.95)),
                "callsPerSecondFourClients", calls.get() / (double) CONCURRENT_FOR.toSeconds());
    }

    /** A key vault on {@code server} with a key, a service principal allowed to use it, and what calling it needs. */
    private record KeyVault(String kid, String tenant, String appId, String secret, String authority, String certificatePem,
                            SSLContext tls) {
    }

    private KeyVault keyVault(Strongroom server, String kv, String domain, int offset) throws Exception {
        String kid = server.keyVaultWithKey(kv, "kek");
        JsonObject principal = server.call("POST", "/api/servicePrincipals", "{\"displayName\":\"bench-" + kv + "\"}");
        server.call("PUT", "/api/keyvaults/" + kv + "/accessPolicies/" + principal.getJsonObject("servicePrincipal").getString("principalId"),
                "{\"permissions\":{\"keys\":[\"get\",\"list\",\"wrapKey\",\"unwrapKey\"]}}");
        X509Certificate certificate = presented(8443 + offset);
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        if (!kid.startsWith("https://" + kv + "." + domain)) {
            throw new IllegalStateException("Expected a key id at the key vault's own host: " + kid);
        }
        return new KeyVault(kid, principal.getString("tenantId"), principal.getJsonObject("servicePrincipal").getString("appId"),
                principal.getString("clientSecret"), principal.getString("authorityHost"), pem, trusting(certificate));
    }

    /** Sequential unwraps (latency) and four clients at once (calls per second), with one token. */
    private Map<String, Object> unwrapCalls(KeyVault keyVault) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(keyVault.tls).connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, keyVault);
        String wrapped = json(post(http, keyVault.kid + "/wrapkey?api-version=7.4", token,
                "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + b64(random(32)) + "\"}")).getString("value");
        String body = "{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + wrapped + "\"}";
        String url = keyVault.kid + "/unwrapkey?api-version=7.4";
        return measured(() -> post(http, url, token, body));
    }


    private static String token(HttpClient http, KeyVault keyVault) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + keyVault.appId + "&client_secret="
                + URLEncoder.encode(keyVault.secret, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(URI.create(keyVault.kid).getHost().replaceFirst("^[^.]+\\.", "https://") + "/.default",
                StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keyVault.authority + "/" + keyVault.tenant
                        + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("No token: " + answer.statusCode() + " " + answer.body());
        }
        return json(answer.body()).getString("access_token");
    }

    private static String post(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** A vault whose key is {@code kid}; for a built-in key its identity is granted on the key vault first. */
    private static String vault(Strongroom server, String vault, String kid, KeyVault builtIn) throws Exception {
        server.call("PUT", "/api/vaults/" + vault, "{\"region\":\"westeurope\",\"subscriptionId\":\"sub\",\"resourceGroup\":\"rg\"}");
        String principal = server.call("PUT", "/api/vaults/" + vault + "/identity", "{\"type\":\"SystemAssigned\"}").getString("principalId");
        if (builtIn != null) {
            String kv = URI.create(kid).getHost().split("\\.")[0];
            server.call("PUT", "/api/keyvaults/" + kv + "/accessPolicies/" + principal,
                    "{\"permissions\":{\"keys\":[\"get\",\"list\",\"wrapKey\",\"unwrapKey\"]}}");
        }
        server.awaitJob(server.call("PUT", "/api/vaults/" + vault + "/encryption", "{\"keyUri\":\"" + kid
                + "\",\"keyVaultSubscriptionId\":\"sub-keys\"}").getString("id"));
        return vault;
    }

    private static double backupSeconds(Strongroom server, String vault, String item) throws Exception {
        long start = System.nanoTime();
        server.awaitJob(server.call("POST", "/api/vaults/" + vault + "/items/" + item + "/backup", "{}").getString("id"));
        return (System.nanoTime() - start) / 1e9;
    }

    private void write(Map<String, Object> results) throws IOException {
        Path out = project.resolve("bench/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("key-managers.json"), Json.createObjectBuilder(results).build().toString() + "\n");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> unwrap = (Map<String, Map<String, Object>>) results.get("unwrap");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> backup = (Map<String, Map<String, Object>>) results.get("backup");
        Map<String, String> names = Map.of("builtIn", "built-in key vault", "remote", "remote Strongroom (HTTPS, token)",
                "softHsm2", "SoftHSM2 token (PKCS#11)");
        StringBuilder md = new StringBuilder("| key manager | unwrap median | unwrap p95 | unwraps/s, 4 clients |\n|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, Object>> row : unwrap.entrySet()) {
            md.append(String.format("| %s | %.1f ms | %.1f ms | %.0f |%n", row.getKey().equals("builtIn")
                            ? "built-in key vault (its data plane: HTTPS, token)" : row.getKey().equals("remote")
                            ? "remote Strongroom (its data plane: HTTPS, token)" : "SoftHSM2 token (raw RSA on the token, in process)",
                    row.getValue().get("medianMs"), row.getValue().get("p95Ms"), row.getValue().get("callsPerSecondFourClients")));
        }
        md.append(String.format("%n| backup (median) | one small file | cost per job vs built-in | %d MiB, fresh | throughput vs built-in |%n"
                + "|---|---|---|---|---|%n", LARGE_MIB));
        for (Map.Entry<String, Map<String, Object>> row : backup.entrySet()) {
            md.append(String.format("| vault on the %s | %.3f s | %+.0f ms | %.0f MiB/s | %.2f× |%n", names.get(row.getKey()),
                    row.getValue().get("smallSeconds"), row.getValue().get("costPerJobMs"), row.getValue().get("largeMibPerSecond"),
                    row.getValue().get("throughputRatioToBuiltIn")));
        }
        Files.writeString(out.resolve("key-managers.md"), md.toString());
        BenchRun.log("Results in " + out.resolve("key-managers.md") + ":\n" + md);
    }

    /** The certificate a listener presents, read without trusting it (it is then pinned). */
    private static X509Certificate presented(int port) throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return (X509Certificate) chain[0];
        }
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
