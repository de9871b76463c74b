package org.strongroom.restore.app;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.diskencryption.app.DiskEncryptionSets;
import org.strongroom.jobs.app.JobSubmission;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.protection.app.RecoveryPoints;
import org.strongroom.protection.app.RecoveryPoints.PointOfItem;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.restore.domain.RestorePaths;
import org.strongroom.restore.domain.RestoreRequest;
import org.strongroom.restore.domain.RestoreTarget;

/** Starts restores: checks the request against the point's item, then submits the {@code Restore} job. */
@ApplicationScoped
public class Restores {

    @Inject
    RecoveryPoints points;

    @Inject
    RestoreTargets targets;

    @Inject
    JobSubmission jobs;

    @Inject
    DiskEncryptionSets diskEncryptionSets;

    @Inject
    DatabaseTargets databaseTargets;

    /**
     * A restore as asked for; {@code target} null when the request named none (refused); {@code tier} the
     * recovery point tier to read ({@code Snapshot}/{@code Vault}), null for the point's own type.
     */
    public record Request(RestoreTarget target, List<String> paths, boolean overwrite, String diskEncryptionSetId,
                          String tier) {
    }

    @Transactional
    public Job request(Caller caller, ItemRef item, String recoveryPoint, Request request) {
        PointOfItem found = points.get(item, recoveryPoint);
        found.item().requireNotSoftDeleted();
        WorkloadType workload = found.item().workloadType();
        RecoveryPoint.Type tier = found.point().restoreTier(request.tier(), Timestamps.now(),
                found.item().policy().instantRestoreDays());
        List<String> paths = RestorePaths.normalise(request.paths());
        if (!paths.isEmpty() && workload != WorkloadType.Files) {
            throw StrongroomException.badRequest("paths selects files of a Files item; a " + workload
                    + " point is restored whole", "paths");
        }
        if (request.diskEncryptionSetId() != null && workload != WorkloadType.Disk) {
            throw StrongroomException.badRequest("A disk encryption set applies to Disk restores only; files are "
                    + "restored as plaintext and the target's own encryption applies", "diskEncryptionSetId");
        }
        if (request.overwrite() && !caller.admin()) {
            throw new StrongroomException(ErrorCode.Forbidden, "Only an admin may restore with \"overwrite\": true (it "
                    + "replaces existing files or databases); restore to a new target instead", "overwrite");
        }
        if (workload == WorkloadType.PostgreSQL) {
            String database = databaseTargets.check(found.item(), request.target(), request.overwrite());
            return submit(caller, item, new RestoreRequest(found.point().id().toString(), database,
                    request.target() != null && request.target().originalLocation(), paths, request.overwrite(), null));
        }
        RestoreTarget named = RestoreTarget.required(request.target());
        String target = path(named, found, workload);
        String checked = targets.check(workload, target, named.originalLocation(), request.overwrite()).toString();
        String sealWith = workload == WorkloadType.Disk ? diskEncryptionSet(found, tier, request.diskEncryptionSetId()) : null;
        return submit(caller, item, new RestoreRequest(found.point().id().toString(), checked, named.originalLocation(),
                paths, request.overwrite(), sealWith));
    }

    private Job submit(Caller caller, ItemRef item, RestoreRequest restore) {
        String parameters = restore.toJson();
        if (parameters.length() > Job.MAX_PARAMETERS) {
            throw StrongroomException.badRequest("The paths are too many or too long for one restore (" + parameters.length()
                    + " characters, at most " + Job.MAX_PARAMETERS + "): select the directories that hold them, or split the "
                    + "restore", "paths");
        }
        return jobs.submit(RestoreOperations.RESTORE, ResourcePath.item(item), caller.name(), parameters);
    }

    /** The path the target names: its own, or the item's source when the request asks for the original location. */
    private static String path(RestoreTarget target, PointOfItem found, WorkloadType workload) {
        if (!target.originalLocation()) {
            return target.path();
        }
        if (workload != WorkloadType.Files) {
            throw StrongroomException.badRequest("A " + workload + " restore writes a sealed image file: name it in "
                    + "target.path; target.originalLocation applies to Files items", "target.originalLocation");
        }
        return found.item().sourcePath();
    }

    /**
     * SPEC 15, by the tier the restore reads: a disk restored from the {@code Snapshot} tier is sealed with
     * the source disk's disk encryption set; from the {@code Vault} tier with the set the request names,
     * else with the platform key ({@code null}).
     */
    private String diskEncryptionSet(PointOfItem found, RecoveryPoint.Type tier, String requested) {
        if (tier == RecoveryPoint.Type.Snapshot) {
            if (requested != null) {
                throw StrongroomException.badRequest("Recovery point " + found.point().id() + " is restored from its Snapshot "
                        + "tier: its disk is restored with the source disk's disk encryption set"
                        + found.item().sourceDiskEncryptionSet().map(d -> " (" + d + ")").orElse(" (none: the platform key)")
                        + "; diskEncryptionSetId applies to the Vault tier (\"recoveryPointTier\":\"Vault\")",
                        "diskEncryptionSetId");
            }
            return found.item().sourceDiskEncryptionSet().orElse(null);
        }
        if (requested != null) {
            diskEncryptionSets.get(requested);
        }
        return requested;
    }
}
