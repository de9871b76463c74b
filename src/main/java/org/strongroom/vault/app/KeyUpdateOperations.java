package org.strongroom.vault.app;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.jobs.app.OperationOwner;
import org.strongroom.jobs.app.OperationRegistration;
import org.strongroom.jobs.domain.JobOperation;

/**
 * The key-update operations: carried by {@code keyUpdateJobs}, requested by producers over
 * {@code keyUpdateRequests}, the queue only admins may send to (docs/jms.md).
 */
@ApplicationScoped
public class KeyUpdateOperations implements OperationOwner {

    /** The first key assignment of a vault on platform-managed keys. */
    public static final JobOperation CONFIGURE_ENCRYPTION = JobOperation.of("ConfigureEncryption");
    /** Any later change of the key. */
    public static final JobOperation UPDATE_ENCRYPTION_KEY = JobOperation.of("UpdateEncryptionKey");
    public static final Set<JobOperation> ALL = Set.of(CONFIGURE_ENCRYPTION, UPDATE_ENCRYPTION_KEY);

    static final String JOB_QUEUE = "keyUpdateJobs";
    static final String REQUEST_QUEUE = "keyUpdateRequests";

    @Override
    public List<OperationRegistration> registrations() {
        return List.of(OperationRegistration.queued(CONFIGURE_ENCRYPTION, JOB_QUEUE, REQUEST_QUEUE),
                OperationRegistration.queued(UPDATE_ENCRYPTION_KEY, JOB_QUEUE, REQUEST_QUEUE));
    }
}
