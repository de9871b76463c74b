package org.strongroom.guard.app;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.guard.domain.CriticalOperation;
import org.strongroom.guard.domain.GuardBinding;
import org.strongroom.guard.domain.GuardRepository;
import org.strongroom.guard.domain.GuardRequest;
import org.strongroom.guard.domain.ResourceGuard;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * The one check every critical operation makes, in the operation's transaction: on a vault bound to a
 * resource guard, the caller needs an approved request of theirs, made of that guard, for that operation on
 * that vault, within its time; the operation spends it (a refused or rolled-back operation keeps it). And
 * the vault's binding itself.
 */
@ApplicationScoped
public class CriticalOperations {

    @Inject
    GuardRepository guards;

    @Inject
    ResourceGuards resourceGuards;

    /** Refuses {@code operation} on {@code vault} ({@code UserErrorResourceGuardApprovalRequired}) unless approved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void authorize(Caller caller, String vault, CriticalOperation operation) {
        Optional<GuardBinding> binding = guards.bindingOf(vault);
        if (binding.isEmpty()) {
            return;
        }
        String guard = binding.get().guard();
        var now = Timestamps.now();
        for (GuardRequest request : guards.approvedForUpdate(guard, vault, operation, caller.name())) {
            if (request.allows(caller.name(), vault, operation, now)) {
                request.use(now);
                return;
            }
        }
        String owner = guards.find(guard).map(ResourceGuard::owner).orElse("?");
        throw new StrongroomException(ErrorCode.UserErrorResourceGuardApprovalRequired, "Vault '" + vault + "' is protected by "
                + "resource guard '" + guard + "': " + operation + " needs an approval of its owner (" + owner + "). Request it "
                + "(POST /api/resourceGuards/" + guard + "/requests {\"vault\":\"" + vault + "\",\"operation\":\"" + operation
                + "\"}), have " + owner + " approve it, then try again", "resourceGuard");
    }

    /** The guard the vault is bound to, if any. */
    @Transactional
    public Optional<GuardBinding> binding(String vault) {
        return guards.bindingOf(vault);
    }

    /**
     * Binds the vault to {@code guard}. Binding an unguarded vault needs no approval (it only adds one);
     * moving it to another guard is {@code RemoveResourceGuard} of the one it has.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GuardBinding bind(Caller caller, String vault, String guard) {
        resourceGuards.get(guard);
        Optional<GuardBinding> bound = guards.bindingOf(vault);
        if (bound.isPresent()) {
            if (bound.get().guard().equals(guard)) {
                return bound.get();
            }
            authorize(caller, vault, CriticalOperation.RemoveResourceGuard);
            bound.get().rebind(guard, caller.name(), Timestamps.now());
            return bound.get();
        }
        GuardBinding binding = new GuardBinding(vault, guard, caller.name(), Timestamps.now());
        guards.add(binding);
        return binding;
    }

    /** Unbinds the vault: {@code RemoveResourceGuard}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unbind(Caller caller, String vault) {
        GuardBinding bound = guards.bindingOf(vault).orElseThrow(() -> StrongroomException.notFound("Vault '" + vault
                + "' is bound to no resource guard", "resourceGuard"));
        authorize(caller, vault, CriticalOperation.RemoveResourceGuard);
        guards.remove(bound);
    }

    /** A deleted vault's binding goes with it (the deletion was authorized as {@code DeleteVault}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void vaultDeleted(String vault) {
        guards.bindingOf(vault).ifPresent(guards::remove);
    }
}
