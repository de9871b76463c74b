package org.strongroom.restore.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.DataKeys;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.diskencryption.app.DiskEncryptionSets;
import org.strongroom.jobs.app.JobExecution;
import org.strongroom.jobs.app.JobHandler;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.postgresql.PostgresConnection;
import org.strongroom.postgresql.PostgresException;
import org.strongroom.postgresql.PostgresSource;
import org.strongroom.protection.app.DatabaseSources;
import org.strongroom.protection.app.RecoveryPoints;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.restore.domain.RestoreRequest;
import org.strongroom.restore.domain.RestoreTarget;
import org.strongroom.restore.infra.DatabaseWriter;
import org.strongroom.restore.infra.FileTreeWriter;
import org.strongroom.restore.infra.SealedDiskWriter;
import org.strongroom.storage.app.RecoveryPointReader;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.StoreDamagedException;

/**
 * The {@code Restore} job: opens the recovery point as {@code Verify} does ({@link RecoveryPointAccess}: the
 * data key afresh, so key refusals fail the job before anything is written),
 * and writes the target: a {@code Files} tree as plaintext (SPEC 16), a {@code Disk} as a sealed image under
 * a fresh key wrapped by the disk encryption set the request settled on, or by the platform key (SPEC 15).
 * Data that does not check out stops it before anything is written, and marks the point {@code Corrupt}.
 */
@ApplicationScoped
public class RestoreJob implements JobHandler {

    @Inject
    RecoveryPointAccess access;

    @Inject
    RestoreTargets targets;

    @Inject
    RecoveryPoints points;

    @Inject
    DiskEncryptionSets diskEncryptionSets;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PlatformKey platformKey;

    @Inject
    DatabaseSources databases;

    @Override
    public Set<JobOperation> operations() {
        return Set.of(RestoreOperations.RESTORE);
    }

    @Override
    public void run(JobExecution job) {
        RestoreRequest request = RestoreRequest.fromJson(job.parameters());
        try (RecoveryPointAccess.Opened opened = access.open(job.subject().itemRef(), request.recoveryPoint())) {
            RecoveryPointReader reader = opened.reader();
            Manifest manifest = reader.manifest();
            if (opened.point().workloadType() == WorkloadType.PostgreSQL) {
                restoreDatabase(manifest, request, opened, job);
                return;
            }
            targets.recheck(manifest.kind() == Manifest.Kind.FILES ? WorkloadType.Files : WorkloadType.Disk, request);
            if (manifest.kind() == Manifest.Kind.FILES) {
                List<Manifest.Entry> entries = FileTreeWriter.select(manifest, request.paths());
                FileTreeWriter.write(entries, Path.of(request.targetPath()), request.overwrite(), RestoreTarget.OVERWRITE_HINT,
                        opened::chunk, job::progress, threads);
            } else {
                restoreDisk(manifest.disk(), request, opened, job);
            }
        } catch (IntegrityException | StoreDamagedException e) {
            points.recordCorrupt(job.requester(), job.subject().itemRef(), request.recoveryPoint(), e.getMessage());
            throw new StrongroomException(ErrorCode.DataIntegrityError, "Restore stopped, nothing written to the target: "
                    + e.getMessage(), "recoveryPoint");
        } catch (UncheckedIOException e) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, "Writing the target failed: "
                    + e.getMessage(), "target.path");
        }
    }

    /** Restores a database point into the database the request settled on, on the item's server. */
    private void restoreDatabase(Manifest manifest, RestoreRequest request, RecoveryPointAccess.Opened opened, JobExecution job) {
        ProtectedItem item = points.get(job.subject().itemRef(), request.recoveryPoint()).item();
        PostgresSource source = PostgresSource.ofJdbcUrl(item.sourcePath());
        DatabaseWriter.Point point = DatabaseWriter.point(manifest, source.dumpFile(), source.rolesFile());
        try (PostgresConnection server = databases.connect(item)) {
            DatabaseWriter.write(point, server, request.targetPath(), request.overwrite(), job.jobId(), opened::chunk,
                    job::progress).forEach(job::warn);
        } catch (PostgresException e) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, "Restoring into database "
                    + source.withDatabase(request.targetPath()) + " failed, the target left as it was: " + e.getMessage(),
                    "target.database", e);
        }
    }

    /** A fresh disk key, wrapped by the disk encryption set (as its identity) or the platform key, seals the image. */
    private void restoreDisk(Manifest.Disk disk, RestoreRequest request, RecoveryPointAccess.Opened opened, JobExecution job) {
        try (KeyMaterial diskKey = DataKeys.generate()) {
            byte[] fileId = SealedDisk.Header.newFileId();
            SealedDisk.Header header;
            if (request.diskEncryptionSetId() != null) {
                DiskEncryptionSets.WrappedKey wrapped = diskEncryptionSets.wrap(request.diskEncryptionSetId(), diskKey);
                header = new SealedDisk.Header(SealedDisk.Wrapping.KEY_VAULT, wrapped.kid(), wrapped.wrapped(), disk.size(),
                        disk.blockSize(), fileId);
            } else {
                header = new SealedDisk.Header(SealedDisk.Wrapping.PLATFORM, platformKey.currentKeyId(),
                        platformKey.seal(diskKey.bytes(), SealedDisk.Header.platformContext(fileId)), disk.size(),
                        disk.blockSize(), fileId);
            }
            SealedDiskWriter.write(disk, Path.of(request.targetPath()), request.overwrite(), opened::chunk, header, diskKey,
                    job::progress, threads);
        }
    }
}
