package org.strongroom.keymanager.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strongroom.keymanager.domain.KeyManager.CredentialType;
import org.strongroom.keymanager.domain.KeyManager.Kind;
import org.strongroom.keymanager.domain.KeyManager.Registration;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/** A remote key manager's registration: what it must say, and which key URIs it holds. */
class KeyManagerTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final byte[] SEALED = {1, 2, 3};

    private static Registration registration(String url, CredentialType type) {
        return new Registration(Kind.AzureKeyVault, url, "westeurope", "sub-1", type, "tenant-1", "client-1", null, null);
    }

    private static void assertRefused(String target, Runnable call) {
        StrongroomException refused = assertThrows(StrongroomException.class, call::run);
        assertEquals(ErrorCode.BadRequest, refused.code());
        assertEquals(target, refused.target());
    }

    @Test
    void keyVaultUrl_isNormalised_andHoldsKeysOfItsSchemeHostAndPortOnly() {
        KeyManager manager = KeyManager.register("contoso", registration("https://Contoso.Vault.Azure.NET:443/",
                CredentialType.ClientSecret), SEALED, NOW);
        assertEquals("https://contoso.vault.azure.net", manager.keyVaultUrl());
        assertTrue(manager.holds(URI.create("https://contoso.vault.azure.net/keys/k/0123")));
        assertTrue(manager.holds(URI.create("https://CONTOSO.vault.azure.net:443/keys/k")));
        assertFalse(manager.holds(URI.create("https://contoso.vault.azure.net:8443/keys/k")));
        assertFalse(manager.holds(URI.create("http://contoso.vault.azure.net/keys/k")));
        assertFalse(manager.holds(URI.create("https://other.vault.azure.net/keys/k")));
        assertEquals("https://login.microsoftonline.com", manager.authorityHost(), "Entra ID unless the registration says");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://contoso.vault.azure.net", "https://contoso.vault.azure.net/keys", "https://u@contoso.vault.azure.net",
            "https://contoso.vault.azure.net?x=1", "contoso.vault.azure.net", "not a url"})
    void keyVaultUrl_thatIsNoHttpsOrigin_isRefused(String url) {
        assertRefused("keyVaultUrl", () -> KeyManager.register("contoso", registration(url, CredentialType.ClientSecret), SEALED, NOW));
    }

    @Test
    void clientSecretCredential_needsTenantClientAndSecret_andAnUpdateKeepsTheSecretThereIs() {
        Registration noSecret = registration("https://contoso.vault.azure.net", CredentialType.ClientSecret);
        assertRefused("credential.clientSecret", () -> KeyManager.register("contoso", noSecret, null, NOW));
        assertRefused("credential.tenantId", () -> KeyManager.register("contoso", new Registration(Kind.AzureKeyVault,
                "https://contoso.vault.azure.net", "westeurope", null, CredentialType.ClientSecret, null, "c", null, null), SEALED, NOW));
        KeyManager manager = KeyManager.register("contoso", noSecret, SEALED, NOW);
        manager.update(noSecret, null);
        assertArrayEquals(SEALED, manager.sealedClientSecret());
    }

    @Test
    void defaultAzureCredential_takesNoSecret_andDropsTheOneThereWas() {
        Registration chain = registration("https://contoso.vault.azure.net", CredentialType.DefaultAzureCredential);
        assertRefused("credential.clientSecret", () -> KeyManager.register("contoso", chain, SEALED, NOW));
        KeyManager manager = KeyManager.register("contoso", registration("https://contoso.vault.azure.net",
                CredentialType.ClientSecret), SEALED, NOW);
        manager.update(chain, null);
        assertEquals(null, manager.sealedClientSecret(), "no secret is kept that no credential uses");
    }

    @Test
    void pkcs11Token_needsItsLabelModuleAndPin_andHoldsTheKeysOfItsToken() {
        KeyManager.Pkcs11 token = new KeyManager.Pkcs11("hsm-1", "/usr/lib/softhsm/libsofthsm2.so", null, true, true);
        Registration pkcs11 = new Registration(Kind.Pkcs11, null, "westeurope", null, CredentialType.Pin, null, null, null, null, token);
        KeyManager manager = KeyManager.register("hsm", pkcs11, SEALED, NOW);
        assertEquals("pkcs11:token=hsm-1", manager.keyVaultUrl());
        assertEquals(0, manager.pkcs11().orElseThrow().slotListIndex(), "the first slot unless told");
        assertTrue(manager.holds(URI.create("pkcs11:token=hsm-1;object=kek")));
        assertFalse(manager.holds(URI.create("pkcs11:token=hsm-2;object=kek")));
        assertEquals("pkcs11:token=hsm-1", KeyManager.origin(URI.create("pkcs11:token=hsm-1;object=kek")));
        assertRefused("credential.pin", () -> KeyManager.register("hsm", pkcs11, null, NOW));
        assertRefused("modulePath", () -> KeyManager.register("hsm", new Registration(Kind.Pkcs11, null, "westeurope", null,
                CredentialType.Pin, null, null, null, null, new KeyManager.Pkcs11("hsm-1", "libsofthsm2.so", 0, true, true)), SEALED, NOW));
        assertRefused("token", () -> KeyManager.register("hsm", new Registration(Kind.Pkcs11, null, "westeurope", null,
                CredentialType.Pin, null, null, null, null, new KeyManager.Pkcs11(null, "/m.so", 0, true, true)), SEALED, NOW));
        assertRefused("credential.type", () -> KeyManager.register("hsm", new Registration(Kind.Pkcs11, null, "westeurope", null,
                CredentialType.ClientSecret, null, null, null, null, token), SEALED, NOW));
    }

    @Test
    void nameRegionAndCertificates_areChecked() {
        Registration good = registration("https://contoso.vault.azure.net", CredentialType.ClientSecret);
        assertRefused("name", () -> KeyManager.register("-bad", good, SEALED, NOW));
        assertRefused("region", () -> KeyManager.register("contoso", new Registration(Kind.AzureKeyVault,
                "https://contoso.vault.azure.net", " ", null, CredentialType.ClientSecret, "t", "c", null, null), SEALED, NOW));
        assertRefused("trustedCertificates", () -> KeyManager.register("contoso", new Registration(Kind.AzureKeyVault,
                "https://contoso.vault.azure.net", "westeurope", null, CredentialType.ClientSecret, "t", "c", null,
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"), SEALED, NOW));
    }
}
