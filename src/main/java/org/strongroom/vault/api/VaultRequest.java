package org.strongroom.vault.api;

import org.strongroom.storage.app.VaultStores;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/vaults/{vault}}: {@code {"region","subscriptionId","resourceGroup"}}. */
public record VaultRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9-]*", message = "must contain only letters, digits and hyphens")
        String region,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9-]*", message = "must contain only letters, digits and hyphens")
        String subscriptionId,
        @NotBlank @Size(max = 90) @Pattern(regexp = "[a-zA-Z0-9._()-]*", message = "must contain only letters, digits and . _ ( ) -")
        String resourceGroup,
        /** Where the vault's backup data lives, chosen at creation: absent or {@code FileSystem}, or {@code AzureBlob} with its settings. */
        VaultStores.StoreRequest storage) {
}
