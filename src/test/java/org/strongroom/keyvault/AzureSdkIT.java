package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import jakarta.json.JsonObject;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceModifiedException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.rest.PagedResponse;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.KeyServiceVersion;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.models.EncryptionAlgorithm;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm;
import com.azure.security.keyvault.keys.models.CreateRsaKeyOptions;
import com.azure.security.keyvault.keys.models.DeletedKey;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyOperation;
import com.azure.security.keyvault.keys.models.KeyProperties;
import com.azure.security.keyvault.keys.models.KeyRotationLifetimeAction;
import com.azure.security.keyvault.keys.models.KeyRotationPolicy;
import com.azure.security.keyvault.keys.models.KeyRotationPolicyAction;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import com.microsoft.aad.msal4j.MsalServiceException;
import reactor.core.publisher.Mono;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.strongroom.crypto.Rsa;
import org.strongroom.crypto.ServerCertificates;
import org.strongroom.crypto.SignedTokens;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;
import org.strongroom.support.TrustedServer;

/**
 * The official Azure Key Vault SDK for Java, unchanged, against Strongroom's key vaults (issue 17): each key
 * vault at its own host under the IT server's key vault domain, over HTTPS with the server's certificate
 * trusted and host names verified, signed in by azure-identity's {@code ClientSecretCredential} at
 * Strongroom's token endpoint, with the challenge's resource verification on. Host names resolve through the
 * hosts file the failsafe JVM is given ({@code src/test/resources/it-hosts}): the key vaults here are named
 * in it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AzureSdkIT {

    static final String DOMAIN = "vault.strongroom.test";
    static final int HTTPS_PORT = 8443 + Integer.getInteger("it.port.offset", 100);
    static final String AUTHORITY = "https://login." + DOMAIN + ":" + HTTPS_PORT;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    /** The Azure SDK's HTTP client (the JDK's) trusting the server's certificate, as a client told its fingerprint. */
    static HttpClient http() throws Exception {
        X509Certificate served = ServerCertificates.presentedBy("127.0.0.1", HTTPS_PORT, 10_000);
        SSLContext tls = TrustedServer.trusting(served);
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls)).build();
    }

    /** A key vault named {@code kv} (one of it-hosts' names), with soft delete but no purge protection. */
    private void keyVault(String kv) {
        Api.Response created = Api.admin(base).put("/api/keyvaults/" + kv, KeyVaults.body(",\"softDeleteRetentionDays\":7"));
        assertTrue(created.status() == 201 || created.status() == 200, created.toString());
    }

    /** A new service principal; its app id and secret. */
    private JsonObject servicePrincipal() {
        Api.Response created = Api.admin(base).post("/api/servicePrincipals", "{\"displayName\":\"" + Names.unique("sdk-app") + "\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private void grant(String kv, JsonObject principal, String permissions) {
        String principalId = principal.getJsonObject("servicePrincipal").getString("principalId");
        Api.Response granted = Api.admin(base).put("/api/keyvaults/" + kv + "/accessPolicies/" + principalId,
                "{\"permissions\":{\"keys\":[" + permissions + "]}}");
        assertEquals(200, granted.status(), granted.toString());
    }

    private TokenCredential credential(JsonObject principal, String secret) throws Exception {
        return new ClientSecretCredentialBuilder()
                .tenantId(principal.getString("tenantId"))
                .clientId(principal.getJsonObject("servicePrincipal").getString("appId"))
                .clientSecret(secret)
                .authorityHost(principal.getString("authorityHost"))
                .disableInstanceDiscovery()
                .httpClient(http())
                .build();
    }

    private TokenCredential credential(JsonObject principal) throws Exception {
        return credential(principal, principal.getString("clientSecret"));
    }

    private static String vaultUrl(String kv) {
        return "https://" + kv + "." + DOMAIN + ":" + HTTPS_PORT;
    }

    private KeyClient keyClient(String kv, TokenCredential credential, KeyServiceVersion version) throws Exception {
        KeyClientBuilder builder = new KeyClientBuilder().vaultUrl(vaultUrl(kv)).credential(credential).httpClient(http());
        if (version != null) {
            builder.serviceVersion(version);
        }
        return builder.buildClient();
    }

    private CryptographyClient cryptographyClient(String kid, TokenCredential credential, boolean keyCaching) throws Exception {
        CryptographyClientBuilder builder = new CryptographyClientBuilder().keyIdentifier(kid).credential(credential).httpClient(http());
        if (!keyCaching) {
            builder.disableKeyCaching();
        }
        return builder.buildClient();
    }

    @Test
    void keyClient_managesKeys_withTheSdkDefaultVersion() throws Exception {
        managesKeys("sdk-keys", null);
    }

    @Test
    void keyClient_managesKeys_withServiceVersion74() throws Exception {
        managesKeys("sdk-keys74", KeyServiceVersion.V7_4);
    }

    private void managesKeys(String kv, KeyServiceVersion version) throws Exception {
        keyVault(kv);
        JsonObject principal = servicePrincipal();
        grant(kv, principal, KeyVaults.ALL_PERMISSIONS);
        KeyClient keys = keyClient(kv, credential(principal), version);

        KeyVaultKey created = keys.createRsaKey(new CreateRsaKeyOptions("backup-kek").setKeySize(2048).setTags(Map.of("team", "ops")));
        assertEquals(vaultUrl(kv) + "/keys/backup-kek/" + created.getProperties().getVersion(), created.getId());
        assertEquals("backup-kek", created.getName());
        assertEquals(Map.of("team", "ops"), created.getProperties().getTags());
        assertEquals(created.getId(), keys.getKey("backup-kek").getId());

        KeyVaultKey rotated = keys.rotateKey("backup-kek");
        assertNotEquals(created.getProperties().getVersion(), rotated.getProperties().getVersion());
        List<String> versions = new ArrayList<>();
        keys.listPropertiesOfKeyVersions("backup-kek").forEach(p -> versions.add(p.getVersion()));
        assertEquals(2, versions.size(), versions.toString());

        KeyRotationPolicy defaults = keys.getKeyRotationPolicy("backup-kek");
        assertEquals(1, defaults.getLifetimeActions().size(), "the default policy: notify 30 days before expiry");
        assertEquals(KeyRotationPolicyAction.NOTIFY, defaults.getLifetimeActions().get(0).getAction());
        assertEquals("P30D", defaults.getLifetimeActions().get(0).getTimeBeforeExpiry());
        KeyRotationPolicy policy = keys.updateKeyRotationPolicy("backup-kek", new KeyRotationPolicy().setExpiresIn("P1Y").setLifetimeActions(List.of(
                new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE).setTimeAfterCreate("P90D"),
                new KeyRotationLifetimeAction(KeyRotationPolicyAction.NOTIFY).setTimeBeforeExpiry("P30D"))));
        assertEquals("P1Y", policy.getExpiresIn());
        assertEquals(vaultUrl(kv) + "/keys/backup-kek/rotationpolicy", policy.getId());
        assertEquals("P90D", keys.getKeyRotationPolicy("backup-kek").getLifetimeActions().get(0).getTimeAfterCreate());
        assertNotNull(keys.getKeyRotationPolicy("backup-kek").getCreatedOn());

        KeyPair pair = rsa();
        KeyVaultKey imported = keys.importKey("imported", JsonWebKey.fromRsa(pair, List.of(KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY)));
        assertEquals(List.of(KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY), imported.getKeyOperations());

        keys.createRsaKey(new CreateRsaKeyOptions("third"));
        List<String> names = new ArrayList<>();
        keys.listPropertiesOfKeys().forEach(p -> names.add(p.getName()));
        assertEquals(List.of("backup-kek", "imported", "third"), names);

        KeyProperties properties = keys.getKey("backup-kek").getProperties().setTags(Map.of("team", "security")).setEnabled(false);
        KeyVaultKey updated = keys.updateKeyProperties(properties, KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY);
        assertEquals(Map.of("team", "security"), updated.getProperties().getTags());
        assertFalse(updated.getProperties().isEnabled());
        assertEquals(List.of(KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY), updated.getKeyOperations());

        DeletedKey deleted = keys.beginDeleteKey("third").waitForCompletion().getValue();
        assertEquals(vaultUrl(kv) + "/deletedkeys/third", deleted.getRecoveryId());
        List<String> deletedNames = new ArrayList<>();
        keys.listDeletedKeys().forEach(d -> deletedNames.add(d.getName()));
        assertEquals(List.of("third"), deletedNames);
        KeyVaultKey recovered = keys.beginRecoverDeletedKey("third").waitForCompletion().getValue();
        assertEquals("third", recovered.getName());

        keys.beginDeleteKey("third").waitForCompletion();
        keys.purgeDeletedKey("third");
        assertThrows(ResourceNotFoundException.class, () -> keys.getDeletedKey("third"));
        assertThrows(ResourceNotFoundException.class, () -> keys.getKey("third"));

        byte[] backup = keys.backupKey("backup-kek");
        assertThrows(ResourceModifiedException.class, () -> keys.restoreKeyBackup(backup), "the name is taken");
        keys.beginDeleteKey("backup-kek").waitForCompletion();
        keys.purgeDeletedKey("backup-kek");
        KeyVaultKey restored = keys.restoreKeyBackup(backup);
        assertEquals(updated.getId(), restored.getId(), "the same versions, under the same ids");
        List<String> restoredVersions = new ArrayList<>();
        keys.listPropertiesOfKeyVersions("backup-kek").forEach(p -> restoredVersions.add(p.getVersion()));
        assertEquals(versions, restoredVersions);
        byte[] altered = backup.clone();
        altered[altered.length / 2] ^= 1;
        HttpResponseException refused = assertThrows(HttpResponseException.class, () -> keys.restoreKeyBackup(altered));
        assertEquals(400, refused.getResponse().getStatusCode());
    }

    /** The SDK asks for no page size: pages of the server's 25 items, followed by nextLink to the end. */
    @Test
    void keyClient_listsInPages_followingNextLink() throws Exception {
        String kv = "sdk-pages";
        keyVault(kv);
        JsonObject principal = servicePrincipal();
        grant(kv, principal, KeyVaults.ALL_PERMISSIONS);
        KeyClient keys = keyClient(kv, credential(principal), null);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            created.add(keys.createRsaKey(new CreateRsaKeyOptions("key-%02d".formatted(i))).getName());
        }
        List<Integer> pageSizes = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (PagedResponse<KeyProperties> page : keys.listPropertiesOfKeys().iterableByPage()) {
            pageSizes.add(page.getValue().size());
            page.getValue().forEach(p -> listed.add(p.getName()));
        }
        assertEquals(List.of(25, 2), pageSizes);
        assertEquals(created, listed);
    }

    @Test
    void cryptographyClient_wrapsEncryptsAndSigns_withKeyCachingOnAndOff() throws Exception {
        String kv = "sdk-crypto";
        keyVault(kv);
        JsonObject principal = servicePrincipal();
        grant(kv, principal, KeyVaults.ALL_PERMISSIONS);
        TokenCredential credential = credential(principal);
        String kid = keyClient(kv, credential, null).createRsaKey(new CreateRsaKeyOptions("cmk")).getId();

        for (boolean caching : new boolean[] {true, false}) {
            CryptographyClient crypto = cryptographyClient(kid, credential, caching);
            byte[] dataKey = new byte[32];
            RANDOM.nextBytes(dataKey);

            byte[] wrapped = crypto.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, dataKey).getEncryptedKey();
            assertArrayEquals(dataKey, crypto.unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, wrapped).getKey(), "caching " + caching);

            for (EncryptionAlgorithm alg : List.of(EncryptionAlgorithm.RSA_OAEP, EncryptionAlgorithm.RSA_OAEP_256, EncryptionAlgorithm.RSA1_5)) {
                byte[] ciphertext = crypto.encrypt(alg, dataKey).getCipherText();
                assertArrayEquals(dataKey, crypto.decrypt(alg, ciphertext).getPlainText(), alg + ", caching " + caching);
            }

            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dataKey);
            for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256)) {
                byte[] signature = crypto.sign(alg, digest).getSignature();
                assertTrue(crypto.verify(alg, digest, signature).isValid(), alg + ", caching " + caching);
                digest[0] ^= 1;
                assertFalse(crypto.verify(alg, digest, signature).isValid(), alg + " on another digest, caching " + caching);
                digest[0] ^= 1;
            }
        }
    }

    /**
     * A sign-in the token endpoint refuses reaches the SDK's caller as it does from Entra ID: azure-identity's
     * synchronous path throws the MSAL error ({@code MsalServiceException}, with Entra ID's {@code AADSTS} number
     * and OAuth error) wrapped in a RuntimeException.
     */
    private static void assertSignInRefused(String aadsts, String oauthError, Executable call) {
        RuntimeException thrown = assertThrows(RuntimeException.class, call::execute);
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof MsalServiceException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof MsalServiceException, "an MSAL service error in " + thrown);
        assertTrue(cause.getMessage().startsWith(aadsts), cause.getMessage());
        assertEquals(oauthError, ((MsalServiceException) cause).errorCode());
    }

    @Test
    void wrongSecret_isRefusedAtSignIn_asEntraIdRefusesIt() throws Exception {
        String kv = "sdk-denied";
        keyVault(kv);
        JsonObject principal = servicePrincipal();
        grant(kv, principal, KeyVaults.ALL_PERMISSIONS);
        KeyClient keys = keyClient(kv, credential(principal, "not-the-secret-" + Names.unique("x")), null);
        assertSignInRefused("AADSTS7000215", "invalid_client", () -> keys.getKey("any"));
    }

    /** The challenge names this server's tenant; a credential of another tenant, not allowed that one, refuses to ask for it. */
    @Test
    void credentialOfAnotherTenant_isClientAuthenticationException() throws Exception {
        String kv = "sdk-denied";
        keyVault(kv);
        JsonObject principal = servicePrincipal();
        TokenCredential otherTenant = new ClientSecretCredentialBuilder()
                .tenantId("00000000-0000-0000-0000-000000000001")
                .clientId(principal.getJsonObject("servicePrincipal").getString("appId"))
                .clientSecret(principal.getString("clientSecret"))
                .authorityHost(AUTHORITY)
                .disableInstanceDiscovery()
                .httpClient(http())
                .build();
        KeyClient keys = keyClient(kv, otherTenant, null);
        ClientAuthenticationException refused = assertThrows(ClientAuthenticationException.class, () -> keys.getKey("any"));
        assertTrue(refused.getMessage().contains(principal.getString("tenantId")), refused.getMessage());
    }

    /**
     * A token with the right claims (audience, tenant, principal, unexpired) that this server did not sign: the
     * key vault answers 401 and the SDK raises ClientAuthenticationException. (Expired tokens and tokens for
     * another audience or tenant, signed by the server: AccessTokensTest, TokenEndpointIT.)
     */
    @Test
    void tokenNotSignedByTheServer_isClientAuthenticationException() throws Exception {
        String kv = "sdk-denied";
        keyVault(kv);
        JsonObject principal = servicePrincipal();
        grant(kv, principal, KeyVaults.ALL_PERMISSIONS);
        Instant now = Instant.now();
        String forged = SignedTokens.sign(Rsa.generate(2048).privateKeyPkcs8(), "forged", Map.of("aud", "https://" + DOMAIN,
                "iss", AUTHORITY + "/" + principal.getString("tenantId") + "/v2.0", "tid", principal.getString("tenantId"),
                "oid", principal.getJsonObject("servicePrincipal").getString("principalId"), "nbf", now, "exp", now.plusSeconds(3600)));
        TokenCredential forger = request -> Mono.just(new AccessToken(forged, OffsetDateTime.now().plusHours(1)));
        assertThrows(ClientAuthenticationException.class, () -> keyClient(kv, forger, null).getKey("any"));
    }

    @Test
    void missingPermission_isForbidden_naming_it() throws Exception {
        String kv = "sdk-denied";
        keyVault(kv);
        JsonObject owner = servicePrincipal();
        grant(kv, owner, KeyVaults.ALL_PERMISSIONS);
        String kid = keyClient(kv, credential(owner), null).createRsaKey(new CreateRsaKeyOptions("policy-only")).getId();
        JsonObject reader = servicePrincipal();
        grant(kv, reader, "\"get\"");

        HttpResponseException refused = assertThrows(HttpResponseException.class,
                () -> cryptographyClient(kid, credential(reader), false).unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, new byte[256]));
        assertEquals(403, refused.getResponse().getStatusCode());
        assertTrue(refused.getMessage().contains("unwrapKey"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Forbidden"), refused.getMessage());
    }

    @Test
    void unknownKey_isResourceNotFound_andDisabledKey_isForbidden() throws Exception {
        String kv = "sdk-denied";
        keyVault(kv);
        JsonObject principal = servicePrincipal();
        grant(kv, principal, KeyVaults.ALL_PERMISSIONS);
        TokenCredential credential = credential(principal);
        KeyClient keys = keyClient(kv, credential, null);
        assertThrows(ResourceNotFoundException.class, () -> keys.getKey("no-such-key"));

        KeyVaultKey key = keys.createRsaKey(new CreateRsaKeyOptions("to-disable"));
        keys.updateKeyProperties(key.getProperties().setEnabled(false));
        HttpResponseException refused = assertThrows(HttpResponseException.class,
                () -> cryptographyClient(key.getId(), credential, false).decrypt(EncryptionAlgorithm.RSA_OAEP, new byte[256]));
        assertEquals(403, refused.getResponse().getStatusCode(), refused.getMessage());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
