package org.strongroom.keyvault.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * Who may use a key vault's keys: users with role {@code admin} always; every other principal — above
 * all a vault's managed identity — only as far as an access policy grants it.
 */
@ApplicationScoped
public class KeyVaultAccess {

    /** Refuses with 403 {@code Forbidden}, naming the missing permission, unless {@code caller} holds it. */
    public void require(Caller caller, KeyVault keyVault, KeyPermission permission) {
        if (caller.admin() || keyVault.permissionsOf(caller.name()).contains(permission)) {
            return;
        }
        throw new StrongroomException(ErrorCode.Forbidden, "The principal '" + caller.name()
                + "' lacks the '" + permission.wireName() + "' permission on key vault '" + keyVault.name() + "'",
                "keyvaults/" + keyVault.name() + "/accessPolicies/" + caller.name());
    }
}
