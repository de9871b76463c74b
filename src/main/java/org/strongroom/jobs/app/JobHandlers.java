package org.strongroom.jobs.app;

import java.util.EnumMap;
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

    private final Map<JobOperation, JobHandler> byOperation = new EnumMap<>(JobOperation.class);

    @PostConstruct
    void collect() {
        for (JobHandler handler : beans) {
            for (JobOperation operation : handler.operations()) {
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
