package org.strongroom.vault.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.keyvault.KeyVersionUsers;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/**
 * The key versions vaults have in force: the one that wraps each vault's data key. The versions before it
 * wrap nothing of the vault's any more — a key update rewraps the one data key, in the database and in the
 * store — so a vault needs exactly this one.
 */
@ApplicationScoped
public class VaultKeyVersions implements KeyVersionUsers {

    @Inject
    VaultRepository vaults;

    @Override
    @Transactional
    public Map<String, List<String>> versionsInForce(String versionlessKeyUri) {
        String key = versionlessKeyUri.replaceAll("/+$", "");
        Map<String, List<String>> inForce = new LinkedHashMap<>();
        for (Vault vault : vaults.all()) {
            String kid = vault.usesCustomerManagedKey() ? vault.activeKeyId() : null;
            if (kid != null && KeyVaultClient.versionlessOf(kid).equalsIgnoreCase(key)) {
                inForce.computeIfAbsent(kid, k -> new ArrayList<>()).add(VaultService.resource(vault.name()).toString());
            }
        }
        return inForce;
    }
}
