package org.strongroom.keyvault.api;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.keyvault.app.KeyOperations.KeyView;
import org.strongroom.keyvault.app.KeyRotationPolicies;
import org.strongroom.keyvault.domain.KeyAttributes;
import org.strongroom.keyvault.domain.KeyId;
import org.strongroom.keyvault.domain.KeyRotationPolicy;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.keyvault.domain.KeyVaultKey;
import org.strongroom.keyvault.domain.KeyVersion;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.StrongroomException;

/** Bodies of the data plane, shaped as the Azure Key Vault keys REST API shapes them. */
public final class KeyDtos {

    private KeyDtos() {
    }

    /** A JSON Web Key with its public parts only (RFC 7517/7518). */
    @JsonbPropertyOrder({"kid", "kty", "key_ops", "n", "e"})
    public record JsonWebKey(String kid, String kty, @JsonbProperty("key_ops") List<String> keyOps, String n, String e) {
    }

    /**
     * A JSON Web Key given for import: public and private parts. The members of other key types and of HSM
     * key transfer ({@code kid}, {@code crv}, {@code x}, {@code y}, {@code k}, {@code key_hsm}), which the Azure
     * SDKs may send empty, are known but must be absent.
     */
    public record ImportedJsonWebKey(String kid, String kty, @JsonbProperty("key_ops") List<String> keyOps, String n, String e,
                                     String d, String p, String q, String dp, String dq, String qi, String crv, String x,
                                     String y, String k, @JsonbProperty("key_hsm") String keyHsm) {

        void requireRsaOnly() {
            refuseGiven(crv, "key.crv", "EC keys are not supported");
            refuseGiven(x, "key.x", "EC keys are not supported");
            refuseGiven(y, "key.y", "EC keys are not supported");
            refuseGiven(k, "key.k", "symmetric keys are not supported");
            refuseGiven(keyHsm, "key.key_hsm", "HSM key transfer (BYOK from an HSM) is not supported");
        }
    }

    /**
     * Key attributes; times are Unix seconds. In requests only {@code enabled}, {@code nbf}, {@code exp} count;
     * {@code exportable} (secure key release) may only be false.
     */
    @JsonbPropertyOrder({"enabled", "nbf", "exp", "created", "updated", "recoveryLevel", "recoverableDays"})
    public record Attributes(Boolean enabled, Long nbf, Long exp, Long created, Long updated, String recoveryLevel,
                             Integer recoverableDays, Boolean exportable) {

        KeyAttributes toDomain() {
            if (Boolean.TRUE.equals(exportable)) {
                throw StrongroomException.badRequest("Exportable keys (secure key release) are not supported", "attributes.exportable");
            }
            return new KeyAttributes(enabled, seconds(nbf), seconds(exp));
        }

        static KeyAttributes toDomain(Attributes attributes) {
            return attributes == null ? KeyAttributes.NONE : attributes.toDomain();
        }

        /** The attributes and tags a request sets ({@code null}: not given). */
        static KeyAttributes toDomain(Attributes attributes, Map<String, String> tags) {
            KeyAttributes given = toDomain(attributes);
            return new KeyAttributes(given.enabled(), given.notBefore(), given.expires(), tags);
        }

        private static Instant seconds(Long value) {
            return value == null ? null : Instant.ofEpochSecond(value);
        }
    }

    @JsonbPropertyOrder({"key", "attributes", "tags"})
    public record KeyBundle(JsonWebKey key, Attributes attributes, Map<String, String> tags) {
    }

    /**
     * Create Key: RSA only, with the exponent 65537 if one is named (0, which the Java SDK sends when none was
     * set, means the default); no curve, no release policy.
     */
    public record CreateKeyRequest(String kty, @JsonbProperty("key_size") Integer keySize,
                                   @JsonbProperty("public_exponent") Integer publicExponent,
                                   @JsonbProperty("key_ops") List<String> keyOps, Attributes attributes,
                                   Map<String, String> tags, String crv,
                                   @JsonbProperty("release_policy") Map<String, Object> releasePolicy) {

        void requireSupported() {
            if (publicExponent != null && publicExponent != 0 && publicExponent != 65537) {
                throw StrongroomException.badRequest("Only the public exponent 65537 is supported, not " + publicExponent, "public_exponent");
            }
            refuseGiven(crv, "crv", "EC keys are not supported");
            refuseGiven(releasePolicy, "release_policy", "release policies (secure key release) are not supported");
        }
    }

    /** Import Key: {@code Hsm} (as Azure spells it) may only be false. */
    public record ImportKeyRequest(ImportedJsonWebKey key, Attributes attributes, @JsonbProperty("Hsm") Boolean hsm,
                                   Map<String, String> tags, @JsonbProperty("release_policy") Map<String, Object> releasePolicy) {

        void requireSupported() {
            if (Boolean.TRUE.equals(hsm)) {
                throw StrongroomException.badRequest("HSM-protected keys are not supported: import with Hsm false", "Hsm");
            }
            refuseGiven(releasePolicy, "release_policy", "release policies (secure key release) are not supported");
        }
    }

    public record UpdateKeyRequest(@JsonbProperty("key_ops") List<String> keyOps, Attributes attributes,
                                   Map<String, String> tags, @JsonbProperty("release_policy") Map<String, Object> releasePolicy) {

        void requireSupported() {
            refuseGiven(releasePolicy, "release_policy", "release policies (secure key release) are not supported");
        }
    }

    /** 400 naming {@code field} when a request gives a member Strongroom knows but does not support. */
    private static void refuseGiven(Object value, String field, String why) {
        if (value != null) {
            throw StrongroomException.badRequest("'" + field + "' must be absent: " + why, field);
        }
    }

    /** A key's backup (Backup Key), and what Restore Key takes: the opaque blob, base64url. */
    public record KeyBackupBlob(String value) {
    }

    /**
     * A key's rotation policy (Get/Update Key Rotation Policy): durations in ISO 8601; {@code id}, {@code created}
     * and {@code updated} are the server's, ignored in requests.
     */
    @JsonbPropertyOrder({"id", "lifetimeActions", "attributes"})
    public record RotationPolicy(String id, List<LifetimeAction> lifetimeActions, RotationPolicyAttributes attributes) {

        KeyRotationPolicy toDomain() {
            List<String[]> actions = new ArrayList<>();
            for (LifetimeAction a : lifetimeActions == null ? List.<LifetimeAction>of() : lifetimeActions) {
                Trigger trigger = a.trigger() == null ? new Trigger(null, null) : a.trigger();
                actions.add(new String[] {a.action() == null ? null : a.action().type(), trigger.timeAfterCreate(), trigger.timeBeforeExpiry()});
            }
            return KeyRotationPolicy.of(actions, attributes == null ? null : attributes.expiryTime());
        }
    }

    @JsonbPropertyOrder({"trigger", "action"})
    public record LifetimeAction(Trigger trigger, LifetimeActionType action) {
    }

    @JsonbPropertyOrder({"timeAfterCreate", "timeBeforeExpiry"})
    public record Trigger(String timeAfterCreate, String timeBeforeExpiry) {
    }

    /** {@code Rotate} or {@code Notify}. */
    public record LifetimeActionType(String type) {
    }

    @JsonbPropertyOrder({"expiryTime", "created", "updated"})
    public record RotationPolicyAttributes(String expiryTime, Long created, Long updated) {
    }

    static RotationPolicy rotationPolicy(KeyRotationPolicies.PolicyView view, KeyVaultUris uris) {
        KeyVaultKey key = view.key();
        List<LifetimeAction> actions = view.policy().lifetimeActions().stream().map(a -> new LifetimeAction(
                new Trigger(text(a.timeAfterCreate()), text(a.timeBeforeExpiry())), new LifetimeActionType(a.action().wireName()))).toList();
        return new RotationPolicy(uris.keyVault(key.keyVault()) + "/keys/" + key.name() + "/rotationpolicy", actions,
                new RotationPolicyAttributes(text(view.policy().expiryTime()), seconds(key.rotationPolicyCreated().orElse(null)),
                        seconds(key.rotationPolicyUpdated().orElse(null))));
    }

    private static String text(Object duration) {
        return duration == null ? null : duration.toString();
    }

    /** {@code wrapkey} / {@code unwrapkey}: {@code value} is base64url. */
    public record KeyOperationRequest(String alg, String value) {
    }

    @JsonbPropertyOrder({"kid", "value"})
    public record KeyOperationResult(String kid, String value) {
    }

    /** {@code POST .../verify}: the digest that was signed and the signature, base64url. */
    public record KeyVerifyRequest(String alg, String digest, String value) {
    }

    /** Whether the signature verified (Azure Key Vault answers no {@code kid} here). */
    public record KeyVerifyResult(boolean value) {
    }

    @JsonbPropertyOrder({"kid", "attributes", "tags"})
    public record KeyItem(String kid, Attributes attributes, Map<String, String> tags) {
    }

    @JsonbPropertyOrder({"recoveryId", "deletedDate", "scheduledPurgeDate", "key", "attributes", "tags"})
    public record DeletedKeyBundle(String recoveryId, Long deletedDate, Long scheduledPurgeDate, JsonWebKey key,
                                   Attributes attributes, Map<String, String> tags) {
    }

    @JsonbPropertyOrder({"recoveryId", "deletedDate", "scheduledPurgeDate", "kid", "attributes"})
    public record DeletedKeyItem(String recoveryId, Long deletedDate, Long scheduledPurgeDate, String kid,
                                 Attributes attributes) {
    }

    /** A page of a list: {@code nextLink} is always present, {@code null} on the last page. */
    @JsonbNillable
    @JsonbPropertyOrder({"value", "nextLink"})
    public record Page<T>(List<T> value, String nextLink) {
    }

    /** A version's tags; none are left out of the answer as Azure leaves them out. */
    private static Map<String, String> tags(KeyView view) {
        Map<String, String> tags = view.version().tags();
        return tags.isEmpty() ? null : tags;
    }

    static KeyBundle bundle(KeyView view, KeyVaultUris uris) {
        return new KeyBundle(jwk(view, uris), attributes(view.keyVault(), view.version()), tags(view));
    }

    static KeyItem item(KeyView view, KeyVaultUris uris, boolean versioned) {
        String kid = versioned ? kid(view, uris) : KeyId.versionless(view.key().keyVault(), view.key().name()).uri(uris);
        return new KeyItem(kid, attributes(view.keyVault(), view.version()), tags(view));
    }

    static DeletedKeyBundle deletedBundle(KeyView view, KeyVaultUris uris) {
        KeyVaultKey key = view.key();
        return new DeletedKeyBundle(recoveryId(key, uris), seconds(key.deletedAt().orElse(null)),
                seconds(key.scheduledPurgeAt().orElse(null)), jwk(view, uris), attributes(view.keyVault(), view.version()),
                tags(view));
    }

    static DeletedKeyItem deletedItem(KeyView view, KeyVaultUris uris) {
        KeyVaultKey key = view.key();
        return new DeletedKeyItem(recoveryId(key, uris), seconds(key.deletedAt().orElse(null)),
                seconds(key.scheduledPurgeAt().orElse(null)),
                KeyId.versionless(key.keyVault(), key.name()).uri(uris), attributes(view.keyVault(), view.version()));
    }

    static String kid(KeyView view, KeyVaultUris uris) {
        return kid(view.version(), uris);
    }

    static String kid(KeyVersion version, KeyVaultUris uris) {
        return KeyId.versioned(version.key().keyVault(), version.key().name(), version.versionId()).uri(uris);
    }

    /** Key operations of a request ({@code null} when not given). */
    static Set<String> operations(List<String> keyOps) {
        return keyOps == null ? null : new LinkedHashSet<>(keyOps);
    }

    /** Unsigned big-endian base64url without padding, as JWA encodes RSA parameters. */
    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes a base64url field; refuses anything else with 400 naming the field. */
    static byte[] fromBase64Url(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw StrongroomException.badRequest("'" + field + "' is required (base64url)", field);
        }
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw StrongroomException.badRequest("'" + field + "' is not base64url", field);
        }
    }

    /** A JWK number ({@code null} stays {@code null}: the key checks say what is missing). */
    static BigInteger number(String value, String field) {
        return value == null ? null : new BigInteger(1, fromBase64Url(value, "key." + field));
    }

    private static JsonWebKey jwk(KeyView view, KeyVaultUris uris) {
        KeyVersion v = view.version();
        return new JsonWebKey(kid(view, uris), v.kty(), List.copyOf(v.operations()), base64Url(v.modulus()),
                base64Url(v.publicExponent()));
    }

    private static Attributes attributes(KeyVault keyVault, KeyVersion v) {
        return new Attributes(v.enabled(), seconds(v.notBefore()), seconds(v.expires()), seconds(v.created()),
                seconds(v.updated()), keyVault.recoveryLevel(),
                keyVault.softDeleteEnabled() ? keyVault.softDeleteRetentionDays() : null, null);
    }


    private static String recoveryId(KeyVaultKey key, KeyVaultUris uris) {
        return key.isDeleted() ? uris.keyVault(key.keyVault()) + "/deletedkeys/" + key.name() : null;
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
