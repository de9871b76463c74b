package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.Hkdf;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.platform.VaultName;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.CustomerKeys;
import org.strongroom.support.Deployments;
import org.strongroom.support.Figures;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;
import org.strongroom.support.SecretScan;
import org.strongroom.support.SourceTrees;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;

/**
 * After a full run — customer keys imported, a CMK vault, backup, verify, restore, key change, wrap and
 * unwrap through the API — no secret is anywhere it should not be: not the customer's private key, not
 * the vault data key nor a key derived from it or from the platform key, not the platform master key, not
 * the source's plaintext, not a value unwrapped through the API — raw, hex, base64 at every alignment, PEM-
 * wrapped (docs/security.md); looked for in
 * every database cell (job records included), every file of the vault's chunk store, every server log file and
 * the job records as the API answers them.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsScanIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class, KeyVaults.class,
                CustomerKeys.class, Names.class, SecretScan.class, SourceTrees.class, Figures.class);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    @Inject
    VaultService vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    PlatformKey platformKey;

    @Test
    void afterAFullRun_noKeyNoDataKeyNoPlaintextIsInTheDatabaseStoreLogsOrJobRecords() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String kv = cmk.keyVault();
        RSAPrivateCrtKey first = CustomerKeys.generate(2048);
        RSAPrivateCrtKey second = CustomerKeys.generate(2048);
        String firstKid = Cmk.kid(imported(admin, kv, "byok-1", first));
        String secondKid = Cmk.kid(imported(admin, kv, "byok-2", second));
        String vault = cmk.vault("westeurope");
        cmk.grant(kv, cmk.identity(vault), Cmk.ALL_FOUR);
        assertEquals("Completed", cmk.assignAndWait(vault, firstKid).getString("status"));

        String marker = "plaintext-marker-" + UUID.randomUUID();
        Path source = SourceTrees.tree(marker, 41);
        byte[] large = Files.readAllBytes(source.resolve("large.bin"));
        String item = cmk.filesItem(vault, "files1", source);
        assertEquals("Completed", cmk.backup(item).getString("status"));
        String point = cmk.newestPoint(item);
        assertEquals("Completed", cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point + "/verify", null)).getString("status"));
        Path restored = SourceTrees.newDirectory("scan-restore");
        assertEquals("Completed", cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point + "/restore",
                "{\"target\":{\"path\":\"" + restored + "\"}}")).getString("status"));
        assertEquals("Completed", cmk.assignAndWait(vault, secondKid).getString("status"));
        byte[] clientSecret = new byte[32];
        new java.security.SecureRandom().nextBytes(clientSecret);
        KeyVaults.grantAll(admin, admin, kv);
        String wrapped = admin.post("/api/keyvaults/" + kv + "/keys/byok-2/wrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(clientSecret) + "\"}").json().getString("value");
        assertEquals(200, admin.post("/api/keyvaults/" + kv + "/keys/byok-2/unwrapkey", "{\"alg\":\"RSA-OAEP-256\",\"value\":\""
                + wrapped + "\"}").status());

        Map<String, byte[]> needles = new LinkedHashMap<>();
        for (RSAPrivateCrtKey key : List.of(first, second)) {
            String name = key == first ? "key 1 " : "key 2 ";
            needles.putAll(SecretScan.needles(name + "d", key.getPrivateExponent()));
            needles.putAll(SecretScan.needles(name + "p", key.getPrimeP()));
            needles.putAll(SecretScan.needles(name + "q", key.getPrimeQ()));
            needles.putAll(SecretScan.needles(name + "dp", key.getPrimeExponentP()));
            needles.putAll(SecretScan.needles(name + "dq", key.getPrimeExponentQ()));
            needles.putAll(SecretScan.needles(name + "qi", key.getCrtCoefficient()));
        }
        try (KeyMaterial dataKey = dataKeys.unwrap(vaults.get(VaultName.of(vault)))) {
            needles.putAll(SecretScan.needles("vault data key", dataKey.bytes().clone()));
            for (String purpose : List.of("chunk-encryption", "chunk-id", "manifest")) {
                try (KeyMaterial derived = Hkdf.derive(dataKey, "strongroom/" + purpose, 32)) {
                    needles.putAll(SecretScan.needles("derived " + purpose + " key", derived.bytes().clone()));
                }
            }
        }
        for (String context : List.of(VaultDataKey.infrastructureContext(vault), "activity-log/chain")) {
            try (KeyMaterial derived = platformKey.derive(context)) {
                needles.putAll(SecretScan.needles("platform-derived key " + context, derived.bytes().clone()));
            }
        }
        needles.putAll(SecretScan.needles("platform master key", platformMasterKey()));
        needles.putAll(SecretScan.needles("value unwrapped through the API", clientSecret));
        needles.put("source text", marker.getBytes(StandardCharsets.UTF_8));
        needles.put("source bytes", Arrays.copyOfRange(large, large.length / 2, large.length / 2 + 48));

        Map<String, byte[]> haystacks = new LinkedHashMap<>();
        List<byte[]> cells = SecretScan.everyCell(database);
        for (int i = 0; i < cells.size(); i++) {
            haystacks.put("database cell " + i, cells.get(i));
        }
        Path store = Path.of(System.getProperty("jboss.server.data.dir"), "strongroom", "store", "vaults", vault);
        SecretScan.everyFile(store).forEach((file, content) -> haystacks.put("store file " + store.relativize(file), content));
        Path logs = Path.of(System.getProperty("jboss.server.log.dir"));
        SecretScan.everyFile(logs).forEach((file, content) -> haystacks.put("log file " + logs.relativize(file), content));
        haystacks.put("job records", admin.get("/api/jobs?vault=" + vault).body().getBytes(StandardCharsets.UTF_8));
        assertTrue(haystacks.keySet().stream().anyMatch(h -> h.startsWith("store file")), "the scan reaches the store");
        assertTrue(SecretScan.contains(Files.readAllBytes(restored.resolve("docs/readme.txt")), needles.get("source text")),
                "the needle is real: the restored file holds it");

        List<String> found = new ArrayList<>();
        long bytes = haystacks.values().stream().mapToLong(h -> h.length).sum();
        haystacks.forEach((where, content) -> SecretScan.found(content, needles).forEach(what -> found.add(what + " in " + where)));
        assertEquals(List.of(), found);
        Figures.record("secrets", "after a full run, " + needles.size() + " encodings of 2 private keys, the vault data key, the keys "
                + "derived from it and from the platform key, the platform master key, a value "
                + "unwrapped through the API and the source's plaintext looked for in " + cells.size() + " database cells, "
                + haystacks.keySet().stream().filter(h -> h.startsWith("store")).count() + " store files, "
                + haystacks.keySet().stream().filter(h -> h.startsWith("log")).count() + " log files and the job records ("
                + bytes / (1024 * 1024) + " MiB): 0 found");
    }

    /** The platform master key #1, read from the server's keystore as an operator could. */
    private static byte[] platformMasterKey() throws Exception {
        String configured = System.getenv("STRONGROOM_MASTER_KEYSTORE");
        Path keystore = configured != null && !configured.isBlank() ? Path.of(configured)
                : PlatformKey.defaultLocation(Path.of(System.getProperty("jboss.server.config.dir")));
        String password = System.getenv("STRONGROOM_MASTER_KEYSTORE_PASSWORD");
        char[] secret = (password != null && !password.isEmpty() ? password
                : Files.readString(PlatformKey.passwordFile(keystore), StandardCharsets.US_ASCII).strip()).toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, secret);
        }
        return store.getKey("platform-key-1", secret).getEncoded();
    }

    private static jakarta.json.JsonObject imported(Api admin, String kv, String name, RSAPrivateCrtKey key) {
        Api.Response answer = admin.put("/api/keyvaults/" + kv + "/keys/" + name, "{\"key\":" + CustomerKeys.jwk(key) + "}");
        assertEquals(200, answer.status(), answer.toString());
        return answer.json();
    }
}
