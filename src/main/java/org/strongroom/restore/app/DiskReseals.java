package org.strongroom.restore.app;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.diskencryption.app.DiskEncryptionSets;
import org.strongroom.jobs.app.JobExecution;
import org.strongroom.jobs.app.JobHandler;
import org.strongroom.jobs.app.JobSubmission;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.restore.infra.SealedDiskWriter;

/**
 * Seals a restored disk anew under a disk encryption set (the seed: "you can encrypt the restored disk after
 * the restore completed"): the {@code ResealDisk} job unwraps the disk's key as it was wrapped — by the platform
 * key, or by a set's key as that set's identity — checks it on the first block, wraps it with the set named, as
 * that set's identity (its key checked as at restore), and puts the new wrapping in force in place; the old one
 * is zeroed. O(1) in the disk's size: no block is read beyond the first, none written.
 */
@ApplicationScoped
public class DiskReseals implements JobHandler {

    @Inject
    RestoreTargets targets;

    @Inject
    DiskEncryptionSets diskEncryptionSets;

    @Inject
    JobSubmission jobs;

    @Inject
    PlatformKey platformKey;

    /** Checks the request — the set exists, the file is a format-2 sealed disk under the restore roots — and submits the job. */
    @Transactional
    public Job request(Caller caller, String diskEncryptionSet, String path) {
        diskEncryptionSets.get(diskEncryptionSet);
        Path disk = targets.sealedDisk(path);
        header(disk);
        return jobs.submit(RestoreOperations.RESEAL_DISK, ResourcePath.diskEncryptionSet(diskEncryptionSet), caller.name(),
                Json.createObjectBuilder().add("path", disk.toString()).add("diskEncryptionSetId", diskEncryptionSet).build()
                        .toString());
    }

    @Override
    public Set<JobOperation> operations() {
        return Set.of(RestoreOperations.RESEAL_DISK);
    }

    @Override
    public void run(JobExecution job) {
        JsonObject parameters;
        try (var reader = Json.createReader(new StringReader(job.parameters()))) {
            parameters = reader.readObject();
        }
        String set = parameters.getString("diskEncryptionSetId");
        Path disk = targets.sealedDisk(parameters.getString("path"));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(disk))) {
            SealedDisk.Header current = SealedDisk.Header.read(in);
            requireFormat2(current, disk);
            try (KeyMaterial diskKey = current.wrapping() == SealedDisk.Wrapping.PLATFORM
                    ? platformKey.open(current.wrappedKey(), SealedDisk.Header.platformContext(current.fileId()))
                    : diskEncryptionSets.unwrap(current.keyId(), current.wrappedKey())) {
                SealedDisk.checkKey(in, current, diskKey);
                DiskEncryptionSets.WrappedKey wrapped = diskEncryptionSets.wrap(set, diskKey);
                SealedDiskWriter.rewrap(disk, current, current.rewrapped(SealedDisk.Wrapping.KEY_VAULT, wrapped.kid(),
                        wrapped.wrapped()));
            }
            job.progress(1, 1);
        } catch (IntegrityException e) {
            throw new StrongroomException(ErrorCode.DataIntegrityError, disk + ": " + e.getMessage() + "; nothing was changed",
                    "target.path");
        } catch (IOException | UncheckedIOException e) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, "Sealing " + disk + " anew failed: "
                    + e.getMessage(), "target.path");
        }
    }

    private static SealedDisk.Header header(Path disk) {
        try (InputStream in = Files.newInputStream(disk)) {
            SealedDisk.Header header = SealedDisk.Header.read(in);
            requireFormat2(header, disk);
            return header;
        } catch (IntegrityException e) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, disk + " is not a sealed disk: "
                    + e.getMessage(), "target.path");
        } catch (IOException e) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, disk + " cannot be read: " + e.getMessage(),
                    "target.path");
        }
    }

    private static void requireFormat2(SealedDisk.Header header, Path disk) {
        if (header.format() != 2) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, disk + " is a format-1 sealed disk, whose "
                    + "every block binds its key's wrapping: restore the point again with the disk encryption set", "target.path");
        }
    }
}
