package org.strongroom.protection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.support.Refusals;

/** Backup policies, protected items and recovery points: their rules without a server. */
class ProtectionDomainTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void policy_boundsAreInclusive_andDefaultsApply() {
        BackupPolicy none = BackupPolicy.none();
        assertEquals(Optional.empty(), none.cron());
        assertEquals(null, none.retentionDays());
        assertEquals(2, none.instantRestoreDays());
        BackupPolicy edges = BackupPolicy.of("17 4 * * *", 1, 1);
        assertEquals("17 4 * * *", edges.schedule());
        assertTrue(edges.cron().orElseThrow().matches(java.time.ZonedDateTime.parse("2026-12-01T04:17:00Z")));
        assertEquals(1, edges.retentionDays());
        assertEquals(1, edges.instantRestoreDays());
        assertEquals(36_500, BackupPolicy.of(null, 36_500, 30).retentionDays());
        assertEquals(30, BackupPolicy.of(null, null, 30).instantRestoreDays());
    }

    @Test
    void policy_outOfItsBounds_isRefusedNamingTheField() {
        Refusals.assertBadRequest("policy.retentionDays", () -> BackupPolicy.of(null, 0, null));
        Refusals.assertBadRequest("policy.retentionDays", () -> BackupPolicy.of(null, 36_501, null));
        Refusals.assertBadRequest("policy.instantRestoreDays", () -> BackupPolicy.of(null, null, 0));
        Refusals.assertBadRequest("policy.instantRestoreDays", () -> BackupPolicy.of(null, null, 31));
        Refusals.assertBadRequest("policy.schedule", () -> BackupPolicy.of(" ", null, null));
        Refusals.assertBadRequest("policy.schedule", () -> BackupPolicy.of("1".repeat(101), null, null));
        assertThrows(StrongroomException.class, () -> BackupPolicy.of("not a schedule", null, null));
    }

    @Test
    void item_startsIRPending_becomesProtectedOnSuccess_andAFirstFailureIsAProtectionError() {
        ProtectedItem failing = new ProtectedItem(ItemRef.of(VaultName.of("v1"), "files1"), WorkloadType.Files, "/src", null, BackupPolicy.none(), T0);
        assertEquals(ProtectionState.IRPending, failing.protectionState());
        failing.backupEnded(T0.plusSeconds(1), false, "Failed");
        assertEquals(ProtectionState.ProtectionError, failing.protectionState());
        assertEquals("Failed", failing.lastBackupStatus());
        assertEquals(T0.plusSeconds(1), failing.lastBackupTime());

        ProtectedItem item = new ProtectedItem(ItemRef.of(VaultName.of("v1"), "files2"), WorkloadType.Files, "/src", null, BackupPolicy.none(), T0);
        item.backupEnded(T0.plusSeconds(2), true, "Completed");
        assertEquals(ProtectionState.Protected, item.protectionState());
        item.backupEnded(T0.plusSeconds(3), false, "Failed");
        assertEquals(ProtectionState.Protected, item.protectionState(), "a later failure leaves the item protected");
        assertEquals("Failed", item.lastBackupStatus());
        assertEquals(List.of(VaultName.of("v1"), "files2", WorkloadType.Files, "/src", T0),
                List.of(item.vault(), item.name(), item.workloadType(), item.sourcePath(), item.created()));
    }

    @Test
    void item_keepsItsSource_butItsPolicyAndDiskEncryptionSetMayChange() {
        ProtectedItem disk = new ProtectedItem(ItemRef.of(VaultName.of("v1"), "disk1"), WorkloadType.Disk, "/img", "des1", BackupPolicy.none(), T0);
        assertEquals(Optional.of("des1"), disk.sourceDiskEncryptionSet());
        BackupPolicy daily = BackupPolicy.of("0 3 * * *", 7, null);
        disk.update(WorkloadType.Disk, "/img", "des2", daily, T0);
        assertEquals(Optional.of("des2"), disk.sourceDiskEncryptionSet());
        assertEquals(daily, disk.policy());
        StrongroomException otherSource = assertThrows(StrongroomException.class,
                () -> disk.update(WorkloadType.Disk, "/other", null, daily, T0));
        assertEquals(ErrorCode.Conflict, otherSource.code());
        assertThrows(StrongroomException.class, () -> disk.update(WorkloadType.Files, "/img", null, daily, T0));
        Refusals.assertBadRequest("source.diskEncryptionSetId",
                () -> new ProtectedItem(ItemRef.of(VaultName.of("v1"), "files1"), WorkloadType.Files, "/src", "des1", BackupPolicy.none(), T0));
        assertNotNull(disk.id());
    }

    @Test
    void onlyAgentAndClassicWorkloads_arePassphraseOrClassic() {
        assertTrue(WorkloadType.Agent.passphraseOrClassic());
        assertTrue(WorkloadType.Classic.passphraseOrClassic());
        assertFalse(WorkloadType.Files.passphraseOrClassic());
        assertFalse(WorkloadType.Disk.passphraseOrClassic());
    }

    @Test
    void point_isASnapshotWithinItsInstantRestoreDays_andExpiresAtItsRetention() {
        RecoveryPoint point = new RecoveryPoint(UUID.randomUUID(), ItemRef.of(VaultName.of("v1"), "files1"), UUID.randomUUID(), T0, WorkloadType.Files,
                new RecoveryPoint.Statistics(100, 40, 50, 3, 1, 2));
        Duration day = Duration.ofDays(1);
        assertEquals(RecoveryPoint.Type.Snapshot, point.type(T0.plus(day.multipliedBy(2)).minusMillis(1), 2));
        assertEquals(RecoveryPoint.Type.Vault, point.type(T0.plus(day.multipliedBy(2)), 2));
        assertFalse(point.expiredAt(T0.plus(day.multipliedBy(7)).minusMillis(1), 7));
        assertTrue(point.expiredAt(T0.plus(day.multipliedBy(7)), 7));
        assertEquals(new RecoveryPoint.Statistics(100, 40, 50, 3, 1, 2), point.statistics());
        assertEquals(List.of(VaultName.of("v1"), "files1", T0, WorkloadType.Files), List.of(point.vault(), point.item(), point.time(), point.workloadType()));
    }

    private static RecoveryPoint point() {
        return new RecoveryPoint(UUID.randomUUID(), ItemRef.of(VaultName.of("v1"), "disk1"), UUID.randomUUID(), T0, WorkloadType.Disk,
                new RecoveryPoint.Statistics(100, 40, 50, 3, 1, 2));
    }

    @Test
    void point_hasBothTiersWithinItsInstantRestoreDays_andOnlyTheVaultTierAfter() {
        RecoveryPoint point = point();
        Instant young = T0.plus(Duration.ofDays(2)).minusMillis(1);
        Instant old = T0.plus(Duration.ofDays(2));
        assertEquals(List.of(RecoveryPoint.Type.Snapshot, RecoveryPoint.Type.Vault), point.tiers(young, 2));
        assertEquals(List.of(RecoveryPoint.Type.Vault), point.tiers(old, 2));
        assertEquals(RecoveryPoint.Type.Snapshot, point.restoreTier(null, young, 2), "no tier named: the point's type");
        assertEquals(RecoveryPoint.Type.Vault, point.restoreTier("Vault", young, 2), "the Vault tier of a young point");
        assertEquals(RecoveryPoint.Type.Vault, point.restoreTier(null, old, 2));
    }

    @Test
    void restoreTier_snapshotOfAPointPastItsInstantRestoreDays_isRefused() {
        StrongroomException refused = assertThrows(StrongroomException.class,
                () -> point().restoreTier("Snapshot", T0.plus(Duration.ofDays(2)), 2));
        assertEquals(ErrorCode.UserErrorRecoveryPointTierNotAvailable, refused.code());
        assertEquals("recoveryPointTier", refused.target());
        Refusals.assertBadRequest("recoveryPointTier", () -> point().restoreTier("Archive", T0, 2));
        Refusals.assertBadRequest("recoveryPointTier", () -> point().restoreTier("snapshot", T0, 2));
    }

    @Test
    void point_startsAvailable_turnsCorruptWithItsReason_andAvailableAgainAfterAGoodVerify() {
        RecoveryPoint point = point();
        assertEquals(RecoveryPoint.State.Available, point.state());
        assertEquals(null, point.stateReason());
        assertEquals(null, point.stateTime());
        assertTrue(point.markCorrupt("chunk 1 does not authenticate", T0.plusSeconds(1)));
        assertEquals(RecoveryPoint.State.Corrupt, point.state());
        assertEquals("chunk 1 does not authenticate", point.stateReason());
        assertEquals(T0.plusSeconds(1), point.stateTime());
        assertFalse(point.markCorrupt("chunk 1 does not authenticate", T0.plusSeconds(2)), "the same finding again: no change");
        assertTrue(point.markCorrupt("x".repeat(5000), T0.plusSeconds(3)), "another finding: recorded");
        assertEquals(RecoveryPoint.MAX_STATE_REASON, point.stateReason().length(), "a long reason is cut to the column");
        assertTrue(point.markAvailable(T0.plusSeconds(4)));
        assertEquals(RecoveryPoint.State.Available, point.state());
        assertEquals(null, point.stateReason());
        assertFalse(point.markAvailable(T0.plusSeconds(5)), "already Available: no change to record");
        assertEquals(T0.plusSeconds(5), point.stateTime(), "when it was last verified");
    }

    @Test
    void stoppedItem_refusesBackups_andResumes_toProtectedOnlyWithPoints() {
        ProtectedItem item = new ProtectedItem(ItemRef.of(VaultName.of("v1"), "files1"), WorkloadType.Files, "/src", null, BackupPolicy.none(), T0);
        item.stopProtection(T0);
        assertEquals(ProtectionState.ProtectionStopped, item.protectionState());
        assertEquals(ErrorCode.UserErrorProtectionStopped, assertThrows(StrongroomException.class, item::requireProtectionActive).code());
        item.backupEnded(T0.plusSeconds(1), true, "Completed");
        assertEquals(ProtectionState.ProtectionStopped, item.protectionState(), "a backup that was running does not resume it");
        item.resumeProtection(false, T0.plusSeconds(2));
        assertEquals(ProtectionState.IRPending, item.protectionState());
        item.stopProtection(T0.plusSeconds(3));
        item.resumeProtection(true, T0.plusSeconds(4));
        assertEquals(ProtectionState.Protected, item.protectionState());
        item.requireProtectionActive();
    }

    @Test
    void softDeletedItem_refusesEverythingButUndelete_andIsPurgeDueAtItsPurgeTime() {
        ProtectedItem item = new ProtectedItem(ItemRef.of(VaultName.of("v1"), "files1"), WorkloadType.Files, "/src", null, BackupPolicy.none(), T0);
        Instant purge = T0.plus(Duration.ofDays(14));
        item.softDelete(T0, purge);
        assertEquals(ProtectionState.SoftDeleted, item.protectionState());
        assertEquals(List.of(T0, purge), List.of(item.deletedTime(), item.purgeTime()));
        for (Runnable refused : List.<Runnable>of(item::requireProtectionActive, item::requireNotSoftDeleted,
                () -> item.resumeProtection(true, T0), () -> item.stopProtection(T0), () -> item.softDelete(T0, purge))) {
            assertEquals(ErrorCode.UserErrorItemSoftDeleted, assertThrows(StrongroomException.class, refused::run).code());
        }
        assertFalse(item.purgeDue(purge.minusMillis(1)));
        assertTrue(item.purgeDue(purge));
        item.undelete(T0.plusSeconds(5));
        assertEquals(ProtectionState.ProtectionStopped, item.protectionState());
        assertEquals(null, item.purgeTime());
        assertFalse(item.purgeDue(purge.plus(Duration.ofDays(1))), "an undeleted item is never purged");
        assertEquals(ErrorCode.Conflict, assertThrows(StrongroomException.class, () -> item.undelete(T0)).code());
    }
}
