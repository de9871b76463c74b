package org.strongroom.keymanager.api;

import java.time.Instant;
import java.util.Arrays;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.keymanager.app.KeyManagerGuard;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.platform.StrongroomException;

/** Key managers as the API takes and shows them: a client secret goes in, never out. */
final class KeyManagerDtos {

    private KeyManagerDtos() {
    }

    /** {@code PUT /api/keyManagers/{name}}. */
    public record KeyManagerRequest(String kind, String keyVaultUrl, String region, String subscriptionId,
                                    CredentialRequest credential, String trustedCertificates) {

        KeyManager.Registration registration() {
            CredentialRequest given = credential == null ? new CredentialRequest(null, null, null, null, null) : credential;
            return new KeyManager.Registration(parse(KeyManager.Kind.class, kind, "kind"), keyVaultUrl, region, subscriptionId,
                    parse(KeyManager.CredentialType.class, given.type(), "credential.type"), given.tenantId(), given.clientId(),
                    given.authorityHost(), trustedCertificates);
        }

        char[] clientSecret() {
            return credential == null || credential.clientSecret() == null ? null : credential.clientSecret().toCharArray();
        }
    }

    /** How Strongroom signs in: {@code type} ClientSecret (tenantId, clientId, clientSecret) or DefaultAzureCredential. */
    public record CredentialRequest(String type, String tenantId, String clientId, String clientSecret, String authorityHost) {
    }

    @JsonbPropertyOrder({"name", "kind", "keyVaultUrl", "region", "subscriptionId", "credential", "trustedCertificates",
            "registered", "health"})
    public record KeyManagerDto(String name, String kind, String keyVaultUrl, String region, String subscriptionId,
                                CredentialDto credential, String trustedCertificates, Instant registered, HealthDto health) {

        static KeyManagerDto of(KeyManager manager, KeyManagerGuard.Health health) {
            return new KeyManagerDto(manager.name(), manager.kind().name(), manager.keyVaultUrl(), manager.region(),
                    manager.subscriptionId(), new CredentialDto(manager.credentialType().name(), manager.tenantId(),
                    manager.clientId(), manager.sealedClientSecret() != null, manager.authorityHost()),
                    manager.trustedCertificates().orElse(null), manager.registered(), HealthDto.of(health));
        }
    }

    /** The credential without its secret: {@code clientSecretSet} says whether one is kept (sealed). */
    @JsonbPropertyOrder({"type", "tenantId", "clientId", "clientSecretSet", "authorityHost"})
    public record CredentialDto(String type, String tenantId, String clientId, boolean clientSecretSet, String authorityHost) {
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

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String target) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElseThrow(() ->
                StrongroomException.badRequest(target + " must be one of " + Arrays.toString(type.getEnumConstants()), target));
    }
}
