package org.strongroom.jobs.app;

import java.util.List;

/**
 * A business component's job operations: one CDI bean per component implements it, and the jobs
 * component learns every operation it carries from these beans ({@link JobOperations}).
 */
public interface OperationOwner {

    List<OperationRegistration> registrations();
}
