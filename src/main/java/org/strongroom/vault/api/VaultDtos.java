package org.strongroom.vault.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.strongroom.guard.domain.GuardBinding;
import org.strongroom.storage.domain.VaultStore;
import org.strongroom.vault.app.KeyCandidates;
import org.strongroom.vault.domain.KeyHealth;
import org.strongroom.vault.domain.ManagedIdentity;
import org.strongroom.vault.domain.Vault;

/** Bodies of {@code /api/vaults} (API.md, Vaults). */
public final class VaultDtos {

    private VaultDtos() {
    }

    /** {@code PUT /api/vaults/{vault}/identity}: {@code {"type":"SystemAssigned"}} or {@code {"type":"None"}}. */
    public record IdentityRequest(String type) {
    }

    /**
     * {@code PUT /api/vaults/{vault}/encryption}: a key assignment
     * ({@code keyUri}, {@code keyVaultSubscriptionId}, {@code infrastructureEncryption}) or a request to go
     * back ({@code {"encryptionAtRestType":"PlatformManaged"}}).
     */
    public record EncryptionRequest(String keyUri, String keyVaultSubscriptionId, String infrastructureEncryption,
                                    String encryptionAtRestType) {
    }

    /** {@code POST /api/vaults/{vault}/move}. */
    public record MoveRequest(
            @Size(min = 1, max = 90) @Pattern(regexp = "[a-zA-Z0-9._()-]*", message = "must contain only letters, digits and . _ ( ) -")
            String resourceGroup,
            @Size(min = 1, max = 64) @Pattern(regexp = "[a-zA-Z0-9-]*", message = "must contain only letters, digits and hyphens")
            String subscriptionId,
            @Size(min = 1, max = 64) @Pattern(regexp = "[a-zA-Z0-9-]*", message = "must contain only letters, digits and hyphens")
            String tenantId) {
    }

    @JsonbPropertyOrder({"principalId", "tenantId", "type"})
    public record IdentityDto(String principalId, String tenantId, String type) {

        static IdentityDto of(ManagedIdentity identity) {
            return new IdentityDto(identity.principalId(), identity.tenantId(), identity.type().name());
        }
    }

    /** The encryption properties of SPEC 12; absent values are {@code null}. */
    @JsonbNillable
    @JsonbPropertyOrder({"encryptionAtRestType", "keyUri", "subscriptionId", "lastUpdateStatus",
            "infrastructureEncryptionState", "autoRotation", "activeKeyVersion", "keyHealth"})
    public record EncryptionDto(String encryptionAtRestType, String keyUri, String subscriptionId, String lastUpdateStatus,
                                String infrastructureEncryptionState, boolean autoRotation, String activeKeyVersion,
                                KeyHealthDto keyHealth) {

        static EncryptionDto of(Vault vault, Optional<KeyHealth> health) {
            String active = vault.activeKeyId();
            return new EncryptionDto(vault.encryptionType().name(), vault.keyUri(), vault.keyVaultSubscriptionId(),
                    vault.lastUpdateStatus().name(), vault.infrastructureEncryption().name(), vault.autoRotation(),
                    active == null ? null : active.substring(active.lastIndexOf('/') + 1),
                    health.map(KeyHealthDto::of).orElse(null));
        }
    }

    /** The last probe of the key in force: {@code Healthy} or {@code Warning}, with what it found. */
    @JsonbPropertyOrder({"status", "warnings", "checkedAt"})
    public record KeyHealthDto(String status, List<String> warnings, Instant checkedAt) {

        static KeyHealthDto of(KeyHealth health) {
            return new KeyHealthDto(health.status().name(), health.warnings(), health.checkedAt());
        }
    }

    /** {@code {"state"?:"Enabled"|"Disabled"|"AlwaysOn","retentionDays"?:14..180}}: what to change. */
    /** {@code {"resourceGuard"}}. */
    public record ResourceGuardRequest(String resourceGuard) {
    }

    /** The vault's binding: {@code {"resourceGuard","bound","boundBy"}}. */
    @JsonbPropertyOrder({"resourceGuard", "bound", "boundBy"})
    public record ResourceGuardDto(String resourceGuard, Instant bound, String boundBy) {
        static ResourceGuardDto of(GuardBinding binding) {
            return new ResourceGuardDto(binding.guard(), binding.bound(), binding.boundBy());
        }
    }

    public record SoftDeleteRequest(String state, Integer retentionDays) {
    }

    @JsonbPropertyOrder({"state", "retentionDays"})
    public record SoftDeleteDto(String state, int retentionDays) {

        static SoftDeleteDto of(Vault vault) {
            return new SoftDeleteDto(vault.softDelete().state().name(), vault.softDelete().retentionDays());
        }
    }

    /** {@code {"state":"Disabled"|"Unlocked"|"Locked"}}. */
    public record ImmutabilityRequest(String state) {
    }

    public record ImmutabilityDto(String state) {

        static ImmutabilityDto of(Vault vault) {
            return new ImmutabilityDto(vault.immutability().name());
        }
    }

    @JsonbPropertyOrder({"name", "region", "subscriptionId", "resourceGroup", "tenantId", "identity", "encryption",
            "softDelete", "immutability", "storage", "created", "updated"})
    public record VaultDto(String name, String region, String subscriptionId, String resourceGroup, String tenantId,
                           IdentityDto identity, EncryptionDto encryption, SoftDeleteDto softDelete,
                           ImmutabilityDto immutability, StorageDto storage, Instant created, Instant updated) {

        static VaultDto of(Vault vault, Optional<KeyHealth> health, Optional<VaultStore> store) {
            return new VaultDto(vault.name().value(), vault.region(), vault.subscriptionId(), vault.resourceGroup(),
                    vault.tenantId(), IdentityDto.of(vault.identity()), EncryptionDto.of(vault, health),
                    SoftDeleteDto.of(vault), ImmutabilityDto.of(vault), StorageDto.of(store), vault.created(), vault.updated());
        }
    }

    /** Where the vault's backup data lives: {@code FileSystem} (the server's store directory) or its object store; never its key. */
    @JsonbPropertyOrder({"type", "endpoint", "accountName", "container", "region", "bucket", "accessKeyId"})
    public record StorageDto(String type, String endpoint, String accountName, String container, String region, String bucket,
                             String accessKeyId) {

        static StorageDto of(Optional<VaultStore> store) {
            if (store.isEmpty()) {
                return new StorageDto(VaultStore.Type.FileSystem.name(), null, null, null, null, null, null);
            }
            VaultStore s = store.get();
            return s.type() == VaultStore.Type.S3
                    ? new StorageDto(s.type().name(), s.endpoint(), null, null, s.region(), s.container(), s.account())
                    : new StorageDto(s.type().name(), s.endpoint(), s.account(), s.container(), null, null, null);
        }
    }

    /** A refusal as the API shows it: the code the key assignment job would fail with, and its message. */
    public record RefusalDto(String code, String message) {

        static RefusalDto of(KeyCandidates.Refusal refusal) {
            return refusal == null ? null : new RefusalDto(refusal.code().name(), refusal.message());
        }
    }

    /**
     * The keys a signed-in user may pick for a vault, each key vault and version judged as the key assignment
     * job would: {@code refusal} null means eligible.
     */
    @JsonbPropertyOrder({"vault", "region", "principalId", "keyVaults"})
    public record KeyCandidatesDto(String vault, String region, String principalId, List<KeyVaultCandidateDto> keyVaults) {

        static KeyCandidatesDto of(Vault vault, List<KeyCandidates.KeyVaultCandidate> candidates) {
            return new KeyCandidatesDto(vault.name().value(), vault.region(), vault.identityValid() ? vault.identity().principalId() : null,
                    candidates.stream().map(KeyVaultCandidateDto::of).toList());
        }
    }

    @JsonbPropertyOrder({"name", "uri", "region", "subscriptionId", "softDeleteEnabled", "purgeProtectionEnabled", "refusal",
            "listRefusal", "identityPermissions", "missingPermissions", "permissionsRefusal", "keys"})
    public record KeyVaultCandidateDto(String name, String uri, String region, String subscriptionId, boolean softDeleteEnabled,
                                       boolean purgeProtectionEnabled, RefusalDto refusal, RefusalDto listRefusal,
                                       List<String> identityPermissions, List<String> missingPermissions,
                                       RefusalDto permissionsRefusal, List<KeyCandidateDto> keys) {

        static KeyVaultCandidateDto of(KeyCandidates.KeyVaultCandidate candidate) {
            var keyVault = candidate.keyVault();
            return new KeyVaultCandidateDto(keyVault.name(), keyVault.uri(), keyVault.region(), keyVault.subscriptionId(),
                    keyVault.softDeleteEnabled(), keyVault.purgeProtectionEnabled(), RefusalDto.of(candidate.placement()),
                    RefusalDto.of(candidate.listing()), candidate.identityPermissions().stream().sorted().toList(),
                    List.copyOf(candidate.missingPermissions()), RefusalDto.of(candidate.permissions()),
                    candidate.keys().stream().map(KeyCandidateDto::of).toList());
        }
    }

    /** A key: {@code keyUri} is versionless (assigning it follows rotation); versions newest first. */
    public record KeyCandidateDto(String name, String keyUri, List<KeyVersionCandidateDto> versions) {

        static KeyCandidateDto of(KeyCandidates.KeyCandidate key) {
            return new KeyCandidateDto(key.name(), key.keyUri(), key.versions().stream().map(KeyVersionCandidateDto::of).toList());
        }
    }

    @JsonbPropertyOrder({"kid", "version", "kty", "keySize", "enabled", "notBefore", "expires", "refusal"})
    public record KeyVersionCandidateDto(String kid, String version, String kty, int keySize, boolean enabled,
                                         Instant notBefore, Instant expires, RefusalDto refusal) {

        static KeyVersionCandidateDto of(KeyCandidates.VersionCandidate candidate) {
            var key = candidate.version();
            return new KeyVersionCandidateDto(key.kid(), key.version(), key.kty(), key.keySize(), key.enabled(),
                    key.notBefore(), key.expires(), RefusalDto.of(candidate.refusal()));
        }
    }
}
