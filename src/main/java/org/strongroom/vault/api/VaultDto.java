package org.strongroom.vault.api;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.vault.domain.Vault;

/** A vault as the API shows it. */
@JsonbPropertyOrder({"name", "region", "subscriptionId", "resourceGroup", "created", "updated"})
public record VaultDto(String name, String region, String subscriptionId, String resourceGroup,
                       Instant created, Instant updated) {

    public static VaultDto of(Vault vault) {
        return new VaultDto(vault.name(), vault.region(), vault.subscriptionId(), vault.resourceGroup(),
                vault.created(), vault.updated());
    }
}
