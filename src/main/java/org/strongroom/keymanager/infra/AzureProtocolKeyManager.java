package org.strongroom.keymanager.infra;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import com.azure.security.keyvault.keys.models.KeyProperties;
import com.azure.security.keyvault.keys.models.KeyVaultKey;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.keymanager.app.RemoteKeyManager;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * One key vault that speaks Azure Key Vault's protocol, through the official SDK: {@link KeyClient} for
 * keys, a {@link CryptographyClient} per key version for wrap and unwrap — with key caching off, so that
 * every use happens, and is checked and audited, at the key manager. The SDK's answers become the refusals
 * of {@link org.strongroom.keyvault.KeyVaultClient}.
 */
final class AzureProtocolKeyManager implements RemoteKeyManager {

    private static final int MAX_MESSAGE = 300;

    private final KeyManager registration;
    private final TokenCredential credential;
    private final HttpClient http;
    private final RetryOptions retries;
    private final KeyClient keys;
    private final Map<String, CryptographyClient> cryptography = new ConcurrentHashMap<>();

    AzureProtocolKeyManager(KeyManager registration, TokenCredential credential, HttpClient http, RetryOptions retries) {
        this.registration = registration;
        this.credential = credential;
        this.http = http;
        this.retries = retries;
        this.keys = new KeyClientBuilder().vaultUrl(registration.keyVaultUrl()).credential(credential).httpClient(http)
                .retryOptions(retries).clientOptions(new ClientOptions().setApplicationId("strongroom")).buildClient();
    }

    @Override
    public RemoteKey get(KeyRef key) {
        return answered(() -> {
            KeyVaultKey answer = keys.getKey(key.name(), key.version());
            KeyProperties properties = answer.getProperties();
            byte[] modulus = answer.getKey().getN();
            int size = modulus == null ? 0 : new BigInteger(1, modulus).bitLength();
            String version = properties.getVersion();
            String versionless = registration.keyVaultUrl() + "/keys/" + key.name();
            ResolvedKey resolved = new ResolvedKey(versionless + "/" + version, versionless, version,
                    String.valueOf(answer.getKeyType()), roundedUp(size), Boolean.TRUE.equals(properties.isEnabled()),
                    instant(properties.getNotBefore()), instant(properties.getExpiresOn()));
            return new RemoteKey(resolved, properties.getRecoveryLevel(), properties.getRecoverableDays());
        });
    }

    @Override
    public List<RemoteKeyVersion> versions(KeyRef key) {
        return answered(() -> keys.listPropertiesOfKeyVersions(key.name()).stream().map(p -> new RemoteKeyVersion(p.getVersion(), Boolean.TRUE.equals(p.isEnabled()),
                        instant(p.getNotBefore()), instant(p.getExpiresOn()), instant(p.getCreatedOn()))).toList());
    }

    @Override
    public byte[] wrap(KeyRef version, byte[] secret) {
        return answered(() -> cryptography(version).wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, secret).getEncryptedKey());
    }

    @Override
    public KeyMaterial unwrap(KeyRef version, byte[] wrapped) {
        return answered(() -> KeyMaterial.wrap(cryptography(version).unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, wrapped).getKey()));
    }

    private CryptographyClient cryptography(KeyRef version) {
        String kid = registration.keyVaultUrl() + "/keys/" + version.name() + (version.isVersionless() ? "" : "/" + version.version());
        return cryptography.computeIfAbsent(kid, id -> new CryptographyClientBuilder().keyIdentifier(id).credential(credential)
                .httpClient(http).retryOptions(retries).disableKeyCaching()
                .clientOptions(new ClientOptions().setApplicationId("strongroom")).buildClient());
    }

    /** The SDK's answer, or its failure as a refusal of the port. */
    private <T> T answered(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    StrongroomException refusal(RuntimeException e) {
        String where = "Key manager '" + registration.name() + "' (" + registration.keyVaultUrl() + ")";
        if (e instanceof StrongroomException own) {
            return own;
        }
        if (e instanceof ResourceNotFoundException) {
            return StrongroomException.notFound(where + ": " + clip(e.getMessage()), "keyUri");
        }
        if (e instanceof HttpResponseException answer && answer.getResponse() != null) {
            int status = answer.getResponse().getStatusCode();
            if (status == 401 || status == 403) {
                return new StrongroomException(ErrorCode.Forbidden, where + " refused: " + clip(e.getMessage()), "keyUri", e);
            }
            if (status == 400) {
                return StrongroomException.badRequest(where + " refused the value: " + clip(e.getMessage()), "keyUri");
            }
            if (status == 404) {
                return StrongroomException.notFound(where + ": " + clip(e.getMessage()), "keyUri");
            }
            return unreachable(where + " answered " + status + (status == 429 || status >= 500 ? " after "
                    + "its retries" : "") + ": " + clip(e.getMessage()), e);
        }
        if (e instanceof ClientAuthenticationException && !causedByIo(e)) {
            return new StrongroomException(ErrorCode.Forbidden, where + ": Strongroom could not sign in with its "
                    + registration.credentialType() + " credential: " + clip(e.getMessage()), "keyUri", e);
        }
        return unreachable(where + " could not be reached: " + clip(String.valueOf(rootCause(e))), e);
    }

    private static StrongroomException unreachable(String message, Throwable cause) {
        return new StrongroomException(ErrorCode.UserErrorKeyVaultUnreachable, message, "keyUri", cause);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String clip(String message) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    private static int roundedUp(int bits) {
        return (bits + 7) / 8 * 8;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
