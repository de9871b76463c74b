package org.strongroom.restore.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.jobs.app.JobExecution;
import org.strongroom.jobs.app.JobHandler;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.app.RecoveryPoints;
import org.strongroom.restore.domain.RestoreRequest;
import org.strongroom.restore.infra.FileTreeWriter;
import org.strongroom.storage.app.RecoveryPointReader;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.StoreDamagedException;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;

/**
 * The {@code Restore} job: opens the vault's data key afresh (key refusals fail the job before anything
 * is written), reads the recovery point through the same {@link RecoveryPointReader} as {@code Verify},
 * and writes the target: a {@code Files} tree as plaintext.
 */
@ApplicationScoped
public class RestoreJob implements JobHandler {

    @Inject
    RecoveryPoints points;

    @Inject
    VaultService vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    ChunkStore store;

    @Override
    public Set<JobOperation> operations() {
        return Set.of(JobOperation.Restore);
    }

    @Override
    public void run(JobExecution job) {
        RestoreRequest request = RestoreRequest.fromJson(job.parameters());
        points.get(job.vault(), job.item(), request.recoveryPoint());
        try (VaultDataKey keys = dataKeys.open(vaults.get(job.vault()));
             RecoveryPointReader reader = new RecoveryPointReader(store, keys, job.vault(), job.item(), request.recoveryPoint())) {
            Manifest manifest = reader.manifest();
            if (manifest.kind() == Manifest.Kind.FILES) {
                List<Manifest.Entry> entries = FileTreeWriter.select(manifest, request.paths());
                FileTreeWriter.write(entries, Path.of(request.targetPath()), request.overwrite(), reader::chunk, job::progress);
            } else {
                throw new StrongroomException(ErrorCode.BadRequest, "Disk restores are not available yet", "recoveryPoint");
            }
        } catch (IntegrityException | StoreDamagedException e) {
            throw new StrongroomException(ErrorCode.DataIntegrityError, "Restore stopped, nothing written to the target: "
                    + e.getMessage(), "recoveryPoint");
        } catch (UncheckedIOException e) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, "Writing the target failed: "
                    + e.getMessage(), "target.path");
        }
    }
}
