package org.strongroom.vault.app;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.guard.app.CriticalOperations;
import org.strongroom.guard.domain.CriticalOperation;
import org.strongroom.keyvault.AccessPolicyGuards;
import org.strongroom.keyvault.KeyRequirements;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.platform.Caller;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/**
 * The key vault access policy of a vault's identity, while the vault has a customer-managed key: taking away
 * one of the permissions the key needs (or the whole policy) is {@code ModifyKeyVaultAccess}, which a bound
 * resource guard protects — an admin alone cannot cut a vault off from its key.
 */
@ApplicationScoped
public class GuardedIdentityGrants implements AccessPolicyGuards {

    @Inject
    VaultRepository vaults;

    @Inject
    CriticalOperations guard;

    @Override
    public void beforeChange(Caller caller, String keyVault, String principalId, Set<KeyPermission> after) {
        if (after.stream().map(KeyPermission::wireName).toList().containsAll(KeyRequirements.PERMISSIONS)) {
            return;
        }
        for (Vault vault : vaults.withIdentity(principalId)) {
            if (vault.usesCustomerManagedKey()) {
                guard.authorize(caller, vault.name().value(), CriticalOperation.ModifyKeyVaultAccess);
            }
        }
    }
}
