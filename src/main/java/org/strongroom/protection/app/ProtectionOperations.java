package org.strongroom.protection.app;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.jobs.app.OperationOwner;
import org.strongroom.jobs.app.OperationRegistration;
import org.strongroom.jobs.domain.JobOperation;

/** The protection operation: registering an item runs inline in its request and is recorded as a job. */
@ApplicationScoped
public class ProtectionOperations implements OperationOwner {

    public static final JobOperation CONFIGURE_BACKUP = JobOperation.of("ConfigureBackup");

    @Override
    public List<OperationRegistration> registrations() {
        return List.of(OperationRegistration.inline(CONFIGURE_BACKUP));
    }
}
