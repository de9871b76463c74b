package org.strongroom.vault.app;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.jobs.app.JobRequestHandler;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobRequest;
import org.strongroom.platform.Caller;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.KeyAssignmentInput;

/**
 * Key update requests from JMS producers (queue {@code keyUpdateRequests}, admins only):
 * {@code {"operation":"UpdateEncryptionKey","vault","keyUri","keyVaultSubscriptionId","requestId"}}.
 * The first assignment of a vault becomes a {@code ConfigureEncryption} job, as over REST.
 */
@ApplicationScoped
public class KeyUpdateRequestHandler implements JobRequestHandler {

    @Inject
    KeyAssignments assignments;

    @Override
    public Set<JobOperation> operations() {
        return Set.of(KeyUpdateOperations.UPDATE_ENCRYPTION_KEY, KeyUpdateOperations.CONFIGURE_ENCRYPTION);
    }

    @Override
    public Set<String> fields() {
        return Set.of("keyUri", "keyVaultSubscriptionId", "infrastructureEncryption");
    }

    @Override
    public Job submit(JobRequest request, Caller caller) {
        return assignments.request(caller, VaultName.requested(request.vault()), KeyAssignmentInput.of(request.field("keyUri"),
                request.field("keyVaultSubscriptionId"), request.field("infrastructureEncryption")));
    }
}
