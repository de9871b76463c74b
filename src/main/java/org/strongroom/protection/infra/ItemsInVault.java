package org.strongroom.protection.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.platform.VaultName;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.ProtectedItemRepository;
import org.strongroom.protection.domain.RecoveryPointRepository;
import org.strongroom.vault.domain.VaultContents;

/** A vault's protected items, with their recovery points, are what keeps it from being deleted. */
@ApplicationScoped
public class ItemsInVault implements VaultContents {

    @Inject
    ProtectedItemRepository items;

    @Inject
    RecoveryPointRepository points;

    @Override
    public List<String> heldIn(VaultName vault) {
        return items.list(vault).stream().map(this::describe).toList();
    }

    private String describe(ProtectedItem item) {
        int held = points.count(item.ref());
        return "item " + item.name() + " (" + (item.softDeleted() ? "soft-deleted until " + item.purgeTime() + ", " : "")
                + held + " recovery point" + (held == 1 ? "" : "s") + ")";
    }
}
