package org.strongroom.vault.app;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.platform.Timestamps;
import org.strongroom.platform.StrongroomException;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/** Creates, updates and reads vaults. */
@ApplicationScoped
public class VaultService {

    @Inject
    VaultRepository vaults;

    /** The outcome of a {@code PUT}: the vault, and whether it was created by it. */
    public record PutResult(Vault vault, boolean created) {
    }

    @Transactional
    public PutResult put(String name, String region, String subscriptionId, String resourceGroup) {
        Instant now = Timestamps.now();
        Optional<Vault> existing = vaults.find(name);
        if (existing.isPresent()) {
            existing.get().update(region, subscriptionId, resourceGroup, now);
            return new PutResult(existing.get(), false);
        }
        Vault vault = new Vault(name, region, subscriptionId, resourceGroup, now);
        vaults.add(vault);
        return new PutResult(vault, true);
    }

    @Transactional
    public Vault get(String name) {
        return vaults.find(name).orElseThrow(() -> StrongroomException.notFound(
                "No vault named '" + name + "'", "vaults/" + name));
    }

    @Transactional
    public List<Vault> list() {
        return vaults.all().stream().sorted(Comparator.comparing(Vault::name)).toList();
    }
}
