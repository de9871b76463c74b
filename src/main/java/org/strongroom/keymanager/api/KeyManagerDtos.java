package org.strongroom.keymanager.api;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.keymanager.app.KeyManagerGuard;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.web.QueryParameters;

/** Key managers as the API takes and shows them: a client secret goes in, never out. */
final class KeyManagerDtos {

    private KeyManagerDtos() {
    }

    /**
     * {@code PUT /api/keyManagers/{name}}: {@code AzureKeyVault} with {@code keyVaultUrl}, or {@code Pkcs11} with
     * {@code token}, {@code modulePath}, {@code slotListIndex} and the stated {@code softDeleteEnabled} and
     * {@code purgeProtectionEnabled}.
     */
    public record KeyManagerRequest(String kind, String keyVaultUrl, String region, String subscriptionId,
                                    CredentialRequest credential, String trustedCertificates, String token, String modulePath,
                                    Integer slotListIndex, Boolean softDeleteEnabled, Boolean purgeProtectionEnabled) {

        KeyManager.Registration registration() {
            CredentialRequest given = credential == null ? new CredentialRequest(null, null, null, null, null, null) : credential;
            KeyManager.Kind parsed = QueryParameters.oneOf(KeyManager.Kind.class, kind, "kind");
            return new KeyManager.Registration(parsed, keyVaultUrl, region, subscriptionId,
                    QueryParameters.oneOf(KeyManager.CredentialType.class, given.type(), "credential.type"), given.tenantId(), given.clientId(),
                    given.authorityHost(), trustedCertificates, parsed == KeyManager.Kind.Pkcs11
                    ? new KeyManager.Pkcs11(token, modulePath, slotListIndex, softDeleteEnabled, purgeProtectionEnabled) : null);
        }

        /** The client secret or the PIN. */
        char[] secret() {
            if (credential == null) {
                return null;
            }
            String secret = credential.clientSecret() != null ? credential.clientSecret() : credential.pin();
            return secret == null ? null : secret.toCharArray();
        }
    }

    /**
     * How Strongroom signs in: {@code type} ClientSecret (tenantId, clientId, clientSecret), DefaultAzureCredential,
     * or Pin (a token's user PIN).
     */
    public record CredentialRequest(String type, String tenantId, String clientId, String clientSecret, String authorityHost,
                                    String pin) {
    }

    @JsonbPropertyOrder({"name", "kind", "keyVaultUrl", "region", "subscriptionId", "credential", "trustedCertificates",
            "token", "modulePath", "slotListIndex", "softDeleteEnabled", "purgeProtectionEnabled", "registered", "health"})
    public record KeyManagerDto(String name, String kind, String keyVaultUrl, String region, String subscriptionId,
                                CredentialDto credential, String trustedCertificates, String token, String modulePath,
                                Integer slotListIndex, Boolean softDeleteEnabled, Boolean purgeProtectionEnabled,
                                Instant registered, HealthDto health) {

        static KeyManagerDto of(KeyManager manager, KeyManagerGuard.Health health) {
            KeyManager.Pkcs11 token = manager.pkcs11().orElse(new KeyManager.Pkcs11(null, null, null, null, null));
            boolean pin = manager.credentialType() == KeyManager.CredentialType.Pin;
            return new KeyManagerDto(manager.name(), manager.kind().name(), manager.keyVaultUrl(), manager.region(),
                    manager.subscriptionId(), new CredentialDto(manager.credentialType().name(), manager.tenantId(),
                    manager.clientId(), !pin && manager.sealedClientSecret() != null, pin && manager.sealedClientSecret() != null,
                    manager.authorityHost()), manager.trustedCertificates().orElse(null), token.token(), token.modulePath(),
                    token.slotListIndex(), token.softDeleteEnabled(), token.purgeProtectionEnabled(), manager.registered(),
                    HealthDto.of(health));
        }
    }

    /** The credential without its secret: {@code clientSecretSet} / {@code pinSet} say whether one is kept (sealed). */
    @JsonbPropertyOrder({"type", "tenantId", "clientId", "clientSecretSet", "pinSet", "authorityHost"})
    public record CredentialDto(String type, String tenantId, String clientId, boolean clientSecretSet, boolean pinSet,
                                String authorityHost) {
    }

    /** What this server knows of the key manager since it started (admins see the last error). */
    @JsonbPropertyOrder({"status", "latencyMs", "lastAnswer", "lastError", "lastErrorTime", "circuitOpen"})
    public record HealthDto(String status, Long latencyMs, Instant lastAnswer, String lastError, Instant lastErrorTime,
                            boolean circuitOpen) {

        static HealthDto of(KeyManagerGuard.Health health) {
            return new HealthDto(health.status(), health.latencyMs(), health.lastAnswerAt(), health.lastError(),
                    health.lastErrorAt(), health.circuitOpen());
        }
    }
}
