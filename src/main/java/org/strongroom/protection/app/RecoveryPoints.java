package org.strongroom.protection.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.protection.domain.RecoveryPointRepository;

/** Reads an item's recovery points (SPEC 17). */
@ApplicationScoped
public class RecoveryPoints {

    @Inject
    ProtectedItems items;

    @Inject
    RecoveryPointRepository points;

    /** A point with the policy it is judged by. */
    public record PointOfItem(RecoveryPoint point, ProtectedItem item) {
    }

    @Transactional
    public List<PointOfItem> list(ItemRef ref, Instant from, Instant to) {
        ProtectedItem item = items.get(ref);
        return points.list(ref, from, to).stream().map(p -> new PointOfItem(p, item)).toList();
    }

    @Transactional
    public PointOfItem get(ItemRef ref, String id) {
        ProtectedItem item = items.get(ref);
        RecoveryPoint point = parse(id).flatMap(uuid -> points.find(ref, uuid))
                .orElseThrow(() -> StrongroomException.notFound("Item '" + ref.item() + "' has no recovery point '" + id + "'",
                        ResourcePath.recoveryPoint(ref, id).toString()));
        return new PointOfItem(point, item);
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
