package org.strongroom.keyvault.app;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.security.app.UserAccounts;

/**
 * Who may use a key vault's keys (the data plane): only a principal an access policy grants the operation
 * — a user by its principal id, a managed identity by its own. No role passes by itself, not even
 * {@code admin}: managing a key vault and its policies (the management plane) and using its keys are
 * separate rights, as in Azure Key Vault, so using a key is always an act the policies (and the activity
 * log) show. The system itself holds no policy.
 */
@ApplicationScoped
public class KeyVaultAccess {

    @Inject
    UserAccounts users;

    /** Refuses with 403 {@code Forbidden}, naming the missing permission, unless {@code caller} holds it. */
    public void require(Caller caller, KeyVault keyVault, KeyPermission permission) {
        Optional<String> principal = principalOf(caller);
        if (principal.isPresent() && keyVault.permissionsOf(principal.get()).contains(permission)) {
            return;
        }
        String who = caller.kind() == Caller.Kind.USER
                ? "User '" + caller.name() + "' (principal " + principal.orElse("none") + ")" : "The principal '" + caller.name() + "'";
        throw new StrongroomException(ErrorCode.Forbidden, who + " lacks the '" + permission.wireName()
                + "' permission on key vault '" + keyVault.name() + "': an access policy must grant it (no role does)",
                ResourcePath.keyVault(keyVault.name()).child("accessPolicies", principal.orElse(caller.name())).toString());
    }

    /** The principal id an access policy names for {@code caller}; empty for the system. */
    public Optional<String> principalOf(Caller caller) {
        return switch (caller.kind()) {
            case IDENTITY, SERVICE_PRINCIPAL -> Optional.of(caller.name());
            case USER -> users.principalIdOf(caller.name());
            case SYSTEM -> Optional.empty();
        };
    }
}
