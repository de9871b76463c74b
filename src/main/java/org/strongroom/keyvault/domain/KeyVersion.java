package org.strongroom.keyvault.domain;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * One version of a key: its public parts, its private key sealed under the platform key, and its
 * attributes ({@code enabled}, {@code nbf}, {@code exp}). A version's key material never changes.
 */
@Entity
@Table(name = "vault_key_version")
public class KeyVersion {

    /** What an RSA key may do when the request does not say. */
    public static final Set<String> ALL_OPERATIONS =
            Set.of("encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey");

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "key_id")
    private KeyVaultKey key;

    /** The version id: 32 lower-case hex characters, the last segment of the {@code kid}. */
    @Column(name = "version_id", nullable = false, length = 32)
    private String versionId;

    @Column(nullable = false)
    private int sequence;

    @Column(nullable = false, length = 16)
    private String kty;

    @Column(name = "key_size", nullable = false)
    private int keySize;

    @Column(name = "key_ops", nullable = false, length = 200)
    private String keyOps;

    /** The version's tags, as a JSON object of strings (Azure Key Vault's {@code tags}). */
    @Column(length = 16000)
    private String tags;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "not_before")
    private Instant notBefore;

    private Instant expires;

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Column(nullable = false)
    private byte[] modulus;

    @Column(name = "public_exponent", nullable = false)
    private byte[] publicExponent;

    /** The PKCS#8 private key sealed by the platform key for {@link #sealingContext()}. */
    @Column(name = "sealed_private_key", nullable = false)
    private byte[] sealedPrivateKey;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected KeyVersion() {
        // for JPA
    }

    KeyVersion(KeyVaultKey key, String versionId, int sequence, BigInteger modulus, BigInteger publicExponent,
               byte[] sealedPrivateKey, Set<String> keyOps, KeyAttributes attributes, Instant now) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.versionId = versionId;
        this.sequence = sequence;
        this.kty = "RSA";
        this.keySize = modulus.bitLength();
        this.modulus = modulus.toByteArray();
        this.publicExponent = publicExponent.toByteArray();
        this.sealedPrivateKey = sealedPrivateKey;
        this.keyOps = String.join(",", operations(keyOps));
        this.tags = tagsText(attributes.tags());
        this.enabled = attributes.enabled() == null || attributes.enabled();
        this.notBefore = attributes.notBefore();
        this.expires = attributes.expires();
        requireValidityWindow(notBefore, expires);
        this.created = now;
        this.updated = now;
    }

    /** Where a version's private key is sealed: its own key vault, key and version, so sealed keys cannot be swapped. */
    public static String sealingContext(String keyVault, String keyName, String versionId) {
        return "keyvault/" + keyVault + "/keys/" + keyName + "/" + versionId;
    }

    public String sealingContext() {
        return sealingContext(key.keyVault(), key.name(), versionId);
    }

    /**
     * Refuses use of a disabled, expired or not yet active version for {@code operation}: 409
     * {@code KeyDisabled}, {@code KeyExpired}, {@code KeyNotYetValid}.
     */
    public void requireUsable(String operation, Instant now) {
        String kid = key.name() + "/" + versionId;
        if (!enabled) {
            throw new StrongroomException(ErrorCode.KeyDisabled, "Key " + kid + " is disabled", kid);
        }
        if (notBefore != null && now.isBefore(notBefore)) {
            throw new StrongroomException(ErrorCode.KeyNotYetValid,
                    "Key " + kid + " is not valid before " + notBefore, kid);
        }
        if (expires != null && !now.isBefore(expires)) {
            throw new StrongroomException(ErrorCode.KeyExpired, "Key " + kid + " expired at " + expires, kid);
        }
        if (!operations().contains(operation)) {
            throw new StrongroomException(ErrorCode.Forbidden,
                    "Key " + kid + " does not permit the operation " + operation + " (key_ops " + operations() + ")", kid);
        }
    }

    /**
     * Changes the attributes a {@code PATCH} names; unset ones stay.
     *
     * @return whether the version went from disabled to enabled
     */
    public boolean update(KeyAttributes attributes, Set<String> newKeyOps, Instant now) {
        boolean wasEnabled = enabled;
        Instant newNotBefore = attributes.notBefore() != null ? attributes.notBefore() : notBefore;
        Instant newExpires = attributes.expires() != null ? attributes.expires() : expires;
        requireValidityWindow(newNotBefore, newExpires);
        String newOperations = newKeyOps != null ? String.join(",", operations(newKeyOps)) : keyOps;
        // Checked first, changed after: a refused update leaves the version as it was.
        if (attributes.enabled() != null) {
            enabled = attributes.enabled();
        }
        notBefore = newNotBefore;
        expires = newExpires;
        keyOps = newOperations;
        if (attributes.tags() != null) {
            tags = tagsText(attributes.tags());
        }
        updated = now;
        return !wasEnabled && enabled;
    }

    private static void requireValidityWindow(Instant notBefore, Instant expires) {
        if (notBefore != null && expires != null && !notBefore.isBefore(expires)) {
            throw StrongroomException.badRequest("'nbf' must be before 'exp'", "attributes.nbf");
        }
    }

    private static Set<String> operations(Set<String> requested) {
        if (requested == null) {
            return new LinkedHashSet<>(Arrays.asList("encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"));
        }
        for (String operation : requested) {
            if (!ALL_OPERATIONS.contains(operation)) {
                throw StrongroomException.badRequest("Unknown key operation '" + operation + "'; one of "
                        + ALL_OPERATIONS, "key_ops");
            }
        }
        return new LinkedHashSet<>(requested);
    }

    /** The version's tags, by name; empty when it has none. */
    public Map<String, String> tags() {
        if (tags == null || tags.isEmpty()) {
            return Map.of();
        }
        Map<String, String> read = new TreeMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(tags))) {
            reader.readObject().forEach((name, value) -> read.put(name, ((JsonString) value).getString()));
        }
        return Collections.unmodifiableMap(read);
    }

    private static String tagsText(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        tags.forEach(object::add);
        return object.build().toString();
    }

    public Set<String> operations() {
        return keyOps.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(keyOps.split(",")));
    }

    public KeyVaultKey key() {
        return key;
    }

    public String versionId() {
        return versionId;
    }

    public int sequence() {
        return sequence;
    }

    public String kty() {
        return kty;
    }

    public int keySize() {
        return keySize;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant expires() {
        return expires;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }

    public BigInteger modulus() {
        return new BigInteger(modulus);
    }

    public BigInteger publicExponent() {
        return new BigInteger(publicExponent);
    }

    public byte[] sealedPrivateKey() {
        return sealedPrivateKey.clone();
    }
}
