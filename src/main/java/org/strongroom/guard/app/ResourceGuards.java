package org.strongroom.guard.app;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.guard.domain.CriticalOperation;
import org.strongroom.guard.domain.GuardRepository;
import org.strongroom.guard.domain.GuardRequest;
import org.strongroom.guard.domain.ResourceGuard;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.security.app.UserAccounts;
import org.strongroom.security.domain.UserAccount;

/**
 * Resource guards and their requests. A guard is created by the user who will own it: a user (not a
 * service principal), without the admin role, whose password they set themselves — so that no admin knows
 * it, and (by {@link GuardOwnerAccounts}) no admin can reset it while they own a guard. An admin requests a
 * critical operation on a bound vault; the owner approves it for a limited time, or rejects it.
 */
@ApplicationScoped
public class ResourceGuards {

    @Inject
    GuardRepository guards;

    @Inject
    UserAccounts accounts;

    @Inject
    ActivityLog activity;

    @Transactional
    public ResourceGuard create(Caller caller, String name) {
        return activity.record(caller, "CreateResourceGuard", ResourcePath.resourceGuard(name), () -> {
            if (caller.kind() != Caller.Kind.USER) {
                throw owner("A resource guard is owned by a user who signs in with a password, not by " + caller.name());
            }
            UserAccount user = accounts.get(caller.name());
            if (user.isAdmin()) {
                throw owner("An admin cannot own a resource guard: its owner approves what admins ask for. Create the "
                        + "guard as a user without the admin role");
            }
            if (!user.passwordSetBySelf()) {
                throw owner("User '" + caller.name() + "' has a password an admin set: change it first (PUT /api/me/password), "
                        + "so that only you know it");
            }
            if (guards.find(name).isPresent()) {
                throw StrongroomException.conflict("Resource guard '" + name + "' exists", "resourceGuards/" + name);
            }
            ResourceGuard guard = new ResourceGuard(name, caller.name(), Timestamps.now());
            guards.add(guard);
            return guard;
        }, guard -> "owner " + guard.owner());
    }

    @Transactional
    public ResourceGuard get(String name) {
        return guards.find(name).orElseThrow(() -> StrongroomException.notFound("No resource guard named '" + name + "'",
                "resourceGuards/" + name));
    }

    @Transactional
    public List<ResourceGuard> list() {
        return guards.all();
    }

    /** The owner deletes a guard no vault is bound to. */
    @Transactional
    public void delete(Caller caller, String name) {
        activity.record(caller, "DeleteResourceGuard", ResourcePath.resourceGuard(name), () -> {
            ResourceGuard guard = ownedBy(caller, name);
            List<String> bound = guards.bindingsTo(name).stream().map(b -> b.vault()).toList();
            if (!bound.isEmpty()) {
                throw StrongroomException.conflict("Vaults " + bound + " are bound to resource guard '" + name + "': unbind "
                        + "them first (each with an approval of yours)", "resourceGuards/" + name);
            }
            guards.removeRequestsOf(name);
            guards.remove(guard);
            return guard;
        }, guard -> "owner " + guard.owner());
    }

    /** An admin asks to run {@code operation} once on {@code vault}, which is bound to the guard. */
    @Transactional
    public GuardRequest request(Caller caller, String name, String vault, CriticalOperation operation, String justification) {
        return activity.record(caller, "RequestCriticalOperation", ResourcePath.resourceGuard(name).child("requests"), () -> {
            ResourceGuard guard = get(name);
            if (guard.ownedBy(caller.name())) {
                throw owner("The owner of resource guard '" + name + "' approves requests; another principal makes them");
            }
            if (vault == null || operation == null) {
                throw StrongroomException.badRequest("A request names the vault and the operation (" + List.of(CriticalOperation.values())
                        + ")", vault == null ? "vault" : "operation");
            }
            if (guards.bindingOf(vault).filter(b -> b.guard().equals(name)).isEmpty()) {
                throw StrongroomException.conflict("Vault '" + vault + "' is not bound to resource guard '" + name + "'", "vault");
            }
            GuardRequest request = new GuardRequest(name, vault, operation, caller.name(), justification, Timestamps.now());
            guards.add(request);
            return request;
        }, request -> request.operation() + " on vault " + request.vault() + ", request " + request.id());
    }

    /** The owner approves a pending request, for {@code validity}. */
    @Transactional
    public GuardRequest approve(Caller caller, String name, UUID id, Duration validity) {
        return activity.record(caller, "ApproveCriticalOperation", ResourcePath.resourceGuard(name).child("requests", id.toString()),
                () -> {
                    GuardRequest request = requestOf(caller, name, id);
                    request.approve(caller.name(), Timestamps.now(), validity);
                    return request;
                }, request -> request.operation() + " on vault " + request.vault() + " by " + request.requestedBy()
                        + ", until " + request.expires());
    }

    @Transactional
    public GuardRequest reject(Caller caller, String name, UUID id) {
        return activity.record(caller, "RejectCriticalOperation", ResourcePath.resourceGuard(name).child("requests", id.toString()),
                () -> {
                    GuardRequest request = requestOf(caller, name, id);
                    request.reject(caller.name(), Timestamps.now());
                    return request;
                }, request -> request.operation() + " on vault " + request.vault() + " by " + request.requestedBy());
    }

    @Transactional
    public List<GuardRequest> requests(String name) {
        get(name);
        return guards.requestsOf(name);
    }

    private GuardRequest requestOf(Caller caller, String name, UUID id) {
        ownedBy(caller, name);
        return guards.request(id).filter(r -> r.guard().equals(name)).orElseThrow(() -> StrongroomException.notFound(
                "Resource guard '" + name + "' has no request " + id, "resourceGuards/" + name + "/requests/" + id));
    }

    private ResourceGuard ownedBy(Caller caller, String name) {
        ResourceGuard guard = get(name);
        if (!guard.ownedBy(caller.name())) {
            throw new StrongroomException(ErrorCode.Forbidden, "Only the owner of resource guard '" + name + "' ("
                    + guard.owner() + ") may do this", "resourceGuards/" + name);
        }
        return guard;
    }

    private static StrongroomException owner(String message) {
        return new StrongroomException(ErrorCode.UserErrorResourceGuardOwner, message, "resourceGuard");
    }
}
