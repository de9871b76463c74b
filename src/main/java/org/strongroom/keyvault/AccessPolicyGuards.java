package org.strongroom.keyvault;

import java.util.Set;

import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.platform.Caller;

/**
 * What may forbid a change of a key vault access policy: the vault whose identity it grants, when a resource
 * guard protects that vault and the change takes away what its customer-managed key needs. Components that
 * hand out identities provide it as a CDI bean (vaults); it refuses by throwing, in the change's transaction.
 */
public interface AccessPolicyGuards {

    /** Before {@code principalId}'s policy in {@code keyVault} becomes {@code after} (empty: removed). */
    void beforeChange(Caller caller, String keyVault, String principalId, Set<KeyPermission> after);
}
