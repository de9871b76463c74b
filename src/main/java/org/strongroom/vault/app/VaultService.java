package org.strongroom.vault.app;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.guard.app.CriticalOperations;
import org.strongroom.guard.domain.CriticalOperation;
import org.strongroom.guard.domain.GuardBinding;
import org.strongroom.jobs.app.JobQueries;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.app.VaultStores;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.VaultStore;
import org.strongroom.vault.domain.IdentityType;
import org.strongroom.vault.domain.Immutability;
import org.strongroom.vault.domain.KeyHealthRepository;
import org.strongroom.vault.domain.SoftDelete;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultContents;
import org.strongroom.vault.domain.VaultRepository;

/** Creates, updates, moves and reads vaults, and manages their identity. Changes are logged. */
@ApplicationScoped
public class VaultService {

    @Inject
    CriticalOperations guard;

    @Inject
    VaultRepository vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    ActivityLog activity;

    @Inject
    Settings settings;

    @Inject
    VaultContents contents;

    @Inject
    KeyHealthRepository keyHealth;

    @Inject
    JobQueries jobs;

    @Inject
    ChunkStore store;

    @Inject
    VaultStores stores;

    @Inject
    VaultService self;

    /** The outcome of a {@code PUT}: the vault, and whether it was created by it. */
    public record PutResult(Vault vault, boolean created) {
    }

    @Transactional
    public PutResult put(Caller caller, VaultName name, String region, String subscriptionId, String resourceGroup,
                         VaultStores.StoreRequest storage) {
        Optional<Vault> existing = vaults.findForUpdate(name); // a key update or a move may be changing it right now
        return activity.record(caller, existing.isPresent() ? "UpdateVault" : "CreateVault", resource(name), () -> {
            if (existing.isPresent()) {
                if (storage != null && !stores.sameAs(name, storage)) {
                    throw StrongroomException.conflict("Vault '" + name + "' keeps its backup data where it was chosen when the vault "
                            + "was created (" + stores.of(name).map(VaultStore::describe).orElse("FileSystem") + ")", "storage");
                }
                existing.get().update(region, subscriptionId, resourceGroup, Timestamps.now());
                return new PutResult(existing.get(), false);
            }
            Vault vault = new Vault(name, region, subscriptionId, resourceGroup, settings.tenantId(),
                    dataKeys.newPlatformWrappedKey(name), Timestamps.now());
            stores.assign(name, storage);
            vaults.add(vault);
            return new PutResult(vault, true);
        }, result -> result.vault().region() + ", " + result.vault().subscriptionId() + "/" + result.vault().resourceGroup()
                + stores.of(name).map(store -> ", data in " + store.describe()).orElse(""));
    }

    @Transactional
    public Vault get(VaultName name) {
        return vaults.find(name).orElseThrow(() -> noSuchVault(name));
    }

    @Transactional
    public List<Vault> list() {
        return vaults.all().stream().sorted(Comparator.comparing(Vault::name)).toList();
    }

    /** {@code SystemAssigned}: enable (or re-create after a tenant move); {@code None}: disable (refused while a key is in use). */
    @Transactional
    public Vault setIdentity(Caller caller, VaultName name, IdentityType type) {
        return activity.record(caller, type == IdentityType.None ? "DisableIdentity" : "EnableIdentity",
                resource(name).child("identity"), () -> {
                    Vault vault = locked(name);
                    if (type == IdentityType.None) {
                        vault.disableIdentity(Timestamps.now());
                    } else {
                        vault.enableIdentity(UUID.randomUUID(), Timestamps.now());
                    }
                    return vault;
                }, vault -> vault.identity().isEnabled() ? "principal " + vault.identity().principalId() : "none");
    }

    /** Moves a vault to another resource group, subscription or tenant (SPEC 18). */
    @Transactional
    public Vault move(Caller caller, VaultName name, String resourceGroup, String subscriptionId, String tenantId) {
        return activity.record(caller, "MoveVault", resource(name), () -> {
            Vault vault = locked(name);
            vault.move(resourceGroup, subscriptionId, tenantId, Timestamps.now());
            return vault;
        }, vault -> "now " + vault.subscriptionId() + "/" + vault.resourceGroup() + ", tenant " + vault.tenantId());
    }

    /** Changes the vault's soft delete of backup data: its state and/or retention days. */
    @Transactional
    public Vault changeSoftDelete(Caller caller, VaultName name, SoftDelete.State state, Integer retentionDays) {
        return activity.record(caller, "UpdateSoftDelete", resource(name).child("softDelete"), () -> {
            Vault vault = locked(name);
            SoftDelete.State wasState = vault.softDelete().state();
            int wasDays = vault.softDelete().retentionDays();
            vault.changeSoftDelete(state, retentionDays, Timestamps.now());
            if (vault.softDelete().weakerThan(wasState, wasDays)) {
                guard.authorize(caller, name.value(), CriticalOperation.DisableSoftDelete);
            }
            return vault;
        }, vault -> vault.softDelete().state() + ", " + vault.softDelete().retentionDays() + " days");
    }

    /**
     * Binds the vault to a resource guard: from then on its critical operations need the guard owner's
     * approval. Moving it to another guard needs that approval of the guard it has.
     */
    @Transactional
    public GuardBinding bindResourceGuard(Caller caller, VaultName name, String resourceGuard) {
        return activity.record(caller, "BindResourceGuard", resource(name).child("resourceGuard"), () -> {
            locked(name);
            return guard.bind(caller, name.value(), resourceGuard);
        }, binding -> "resource guard " + binding.guard());
    }

    /** Unbinds the vault from its resource guard, with the approval of the guard's owner. */
    @Transactional
    public void unbindResourceGuard(Caller caller, VaultName name) {
        activity.record(caller, "UnbindResourceGuard", resource(name).child("resourceGuard"), () -> {
            locked(name);
            guard.unbind(caller, name.value());
            return name;
        }, unbound -> null);
    }

    /** The resource guard the vault is bound to. */
    @Transactional
    public GuardBinding resourceGuard(VaultName name) {
        get(name);
        return guard.binding(name.value()).orElseThrow(() -> StrongroomException.notFound("Vault '" + name
                + "' is bound to no resource guard", resource(name).child("resourceGuard").toString()));
    }

    /** Sets the vault's immutability: Disabled, Unlocked (reversible) or Locked (for good). */
    @Transactional
    public Vault changeImmutability(Caller caller, VaultName name, Immutability to) {
        return activity.record(caller, "UpdateImmutability", resource(name).child("immutability"), () -> {
            Vault vault = locked(name);
            vault.changeImmutability(to, Timestamps.now());
            return vault;
        }, vault -> vault.immutability().name());
    }

    /**
     * Deletes a vault that holds nothing: no protected item (and so no recovery point) and no running job;
     * otherwise refused ({@code UserErrorVaultNotEmpty}, naming what it holds; 409 {@code Conflict}). Its row
     * goes — with the wrapped data key, so nothing it ever stored can be opened again — then its store
     * directory. The access policies that granted its identity stay in the key vaults, as they are theirs.
     */
    public void delete(Caller caller, VaultName name) {
        self.deleteRecord(caller, name);
        store.deleteVault(name);
        stores.forget(name);
    }

    @Transactional
    public void deleteRecord(Caller caller, VaultName name) {
        activity.record(caller, "DeleteVault", resource(name), () -> {
            Vault vault = locked(name);
            List<String> held = contents.heldIn(name);
            if (!held.isEmpty()) {
                throw new StrongroomException(ErrorCode.UserErrorVaultNotEmpty, "Vault '" + name + "' still holds "
                        + String.join(", ", held) + ": a vault is deleted only once it holds no protected items (stop their "
                        + "protection, let their recovery points expire, then delete them)", resource(name).toString());
            }
            if (jobs.anyInProgress(resource(name))) {
                throw StrongroomException.conflict("A job of vault '" + name + "' is running; delete the vault once it has "
                        + "ended", resource(name).toString());
            }
            guard.authorize(caller, name.value(), CriticalOperation.DeleteVault);
            guard.vaultDeleted(name.value());
            keyHealth.remove(name);
            vaults.remove(vault);
            return vault;
        }, vault -> vault.encryptionType() + (vault.keyUri() == null ? "" : ", key " + vault.keyUri()));
    }

    /**
     * Notes, in a transaction of its own, that an item registration was attempted: it counts (SPEC 1)
     * even if the registration itself is then refused.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void itemRegistrationAttempted(VaultName name) {
        locked(name).itemRegistrationAttempted(Timestamps.now());
    }

    /**
     * Locks the vault row for the rest of the caller's transaction: store maintenance and the start of a
     * backup take it, so garbage collection never runs between a backup reading the chunk index and its end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Vault lock(VaultName name) {
        return locked(name);
    }

    Vault locked(VaultName name) {
        return vaults.findForUpdate(name).orElseThrow(() -> noSuchVault(name));
    }

    static ResourcePath resource(VaultName name) {
        return ResourcePath.vault(name);
    }

    static StrongroomException noSuchVault(VaultName name) {
        return StrongroomException.notFound("No vault named '" + name + "'", ResourcePath.vault(name).toString());
    }
}
