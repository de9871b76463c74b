package org.strongroom.guard.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Resource guards, the vaults bound to them, and the requests made of them. */
public interface GuardRepository {

    Optional<ResourceGuard> find(String name);

    List<ResourceGuard> all();

    List<ResourceGuard> ownedBy(String user);

    void add(ResourceGuard guard);

    void remove(ResourceGuard guard);

    Optional<GuardBinding> bindingOf(String vault);

    List<GuardBinding> bindingsTo(String guard);

    void add(GuardBinding binding);

    void remove(GuardBinding binding);

    Optional<GuardRequest> request(UUID id);

    List<GuardRequest> requestsOf(String guard);

    /** The approved requests {@code requestedBy} made of {@code guard} to run {@code operation} on {@code vault}, locked for update. */
    List<GuardRequest> approvedForUpdate(String guard, String vault, CriticalOperation operation, String requestedBy);

    /** Removes the guard's requests (with the guard: the activity log keeps their story). */
    void removeRequestsOf(String guard);

    void add(GuardRequest request);
}
