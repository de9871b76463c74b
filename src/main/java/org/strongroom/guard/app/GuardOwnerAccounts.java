package org.strongroom.guard.app;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.guard.domain.GuardRepository;
import org.strongroom.guard.domain.ResourceGuard;
import org.strongroom.security.app.ProtectedAccounts;

/** The owner of a resource guard: no one else may reset their password, change their roles or delete them. */
@ApplicationScoped
public class GuardOwnerAccounts implements ProtectedAccounts {

    @Inject
    GuardRepository guards;

    @Override
    @Transactional
    public Optional<String> reasonToProtect(String userName) {
        List<String> owned = guards.ownedBy(userName).stream().map(ResourceGuard::name).toList();
        return owned.isEmpty() ? Optional.empty() : Optional.of("owns resource guard(s) " + owned);
    }
}
