package org.strongroom.protection.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.activitylog.domain.ActivityStatus;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.protection.domain.RecoveryPointRepository;

/**
 * Reads an item's recovery points (SPEC 17), and records what a {@code Verify} or {@code Restore} found
 * of one: its state, changed with an activity record.
 */
@ApplicationScoped
public class RecoveryPoints {

    @Inject
    ProtectedItems items;

    @Inject
    RecoveryPointRepository points;

    @Inject
    ActivityLog activity;

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

    /**
     * A {@code Verify} or {@code Restore} (run for {@code caller}) met data of the point that does not check
     * out: the point is {@code Corrupt}, with {@code reason}. In a transaction of its own, as the job fails.
     * A point removed meanwhile (retention) is left alone.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordCorrupt(Caller caller, ItemRef ref, String id, String reason) {
        parse(id).flatMap(uuid -> points.find(ref, uuid)).filter(point -> point.markCorrupt(reason, Timestamps.now()))
                .ifPresent(point -> activity.append(caller, "MarkRecoveryPointCorrupt", ResourcePath.recoveryPoint(ref, id),
                        ActivityStatus.Succeeded, point.stateReason()));
    }

    /** A {@code Verify} read every chunk of the point whole: it is {@code Available} (again, if it was {@code Corrupt}). */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordVerified(Caller caller, ItemRef ref, String id) {
        parse(id).flatMap(uuid -> points.find(ref, uuid)).filter(point -> point.markAvailable(Timestamps.now()))
                .ifPresent(point -> activity.append(caller, "MarkRecoveryPointAvailable", ResourcePath.recoveryPoint(ref, id),
                        ActivityStatus.Succeeded, "every chunk verified whole"));
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
