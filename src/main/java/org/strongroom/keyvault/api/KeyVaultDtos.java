package org.strongroom.keyvault.api;

import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.strongroom.keyvault.domain.AccessPolicy;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.platform.KeyVaultUris;

/** Bodies of the management plane. */
public final class KeyVaultDtos {

    private KeyVaultDtos() {
    }

    /** {@code PUT /api/keyvaults/{kv}}. Unset options: soft delete on, 90 days, purge protection off (on create). */
    public record KeyVaultRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9-]*", message = "must contain only letters, digits and hyphens")
            String region,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9-]*", message = "must contain only letters, digits and hyphens")
            String subscriptionId,
            @NotBlank @Size(max = 90) @Pattern(regexp = "[a-zA-Z0-9._()-]*", message = "must contain only letters, digits and . _ ( ) -")
            String resourceGroup,
            Boolean softDeleteEnabled,
            Integer softDeleteRetentionDays,
            Boolean purgeProtectionEnabled) {
    }

    /** {@code PATCH /api/keyvaults/{kv}}: protection can only be turned on. */
    public record KeyVaultPatch(Boolean softDeleteEnabled, Boolean purgeProtectionEnabled) {
    }

    /** {@code PUT .../accessPolicies/{principalId}}: {@code {"permissions":{"keys":["get",...]}}}. */
    public record AccessPolicyRequest(@NotNull(message = "is required: {\"keys\":[...]}") @Valid Permissions permissions) {
    }

    public record Permissions(@NotNull(message = "is required, e.g. [\"get\",\"list\",\"wrapKey\",\"unwrapKey\"]") List<String> keys) {
    }

    @JsonbPropertyOrder({"principalId", "permissions"})
    public record AccessPolicyDto(String principalId, Permissions permissions) {

        static AccessPolicyDto of(AccessPolicy policy) {
            return new AccessPolicyDto(policy.principalId(), new Permissions(
                    policy.permissions().stream().map(KeyPermission::wireName).sorted().toList()));
        }
    }

    @JsonbPropertyOrder({"name", "uri", "region", "subscriptionId", "resourceGroup", "softDeleteEnabled",
            "softDeleteRetentionDays", "purgeProtectionEnabled", "accessPolicies", "created", "updated"})
    public record KeyVaultDto(String name, String uri, String region, String subscriptionId, String resourceGroup,
                              boolean softDeleteEnabled, int softDeleteRetentionDays, boolean purgeProtectionEnabled,
                              List<AccessPolicyDto> accessPolicies, Instant created, Instant updated) {

        static KeyVaultDto of(KeyVault keyVault, KeyVaultUris uris) {
            return new KeyVaultDto(keyVault.name(), uris.keyVault(keyVault.name()), keyVault.region(), keyVault.subscriptionId(),
                    keyVault.resourceGroup(), keyVault.softDeleteEnabled(), keyVault.softDeleteRetentionDays(), keyVault.purgeProtectionEnabled(),
                    keyVault.accessPolicies().stream().map(AccessPolicyDto::of).toList(), keyVault.created(), keyVault.updated());
        }
    }
}
