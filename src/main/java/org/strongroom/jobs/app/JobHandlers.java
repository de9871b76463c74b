package org.strongroom.jobs.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.strongroom.jobs.domain.JobOperation;

/** The {@link JobHandler} beans of this deployment, one per operation at most. */
@ApplicationScoped
public class JobHandlers {

    @Inject
    @Any
    Instance<JobHandler> beans;

    @Inject
    JobOperations operations;

    private final Map<JobOperation, JobHandler> byOperation = new HashMap<>();

    @PostConstruct
    void collect() {
        for (JobHandler handler : beans) {
            for (JobOperation operation : handler.operations()) {
                if (operations.jobQueue(operation).isEmpty()) {
                    throw new IllegalStateException(handler.getClass().getName() + " runs " + operation
                            + ", which no component registered as carried by a queue");
                }
                JobHandler previous = byOperation.put(operation, handler);
                if (previous != null) {
                    throw new IllegalStateException("Two handlers for " + operation + ": "
                            + previous.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
    }

    public Optional<JobHandler> forOperation(JobOperation operation) {
        return Optional.ofNullable(byOperation.get(operation));
    }
}
