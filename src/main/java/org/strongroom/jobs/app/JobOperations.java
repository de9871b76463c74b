package org.strongroom.jobs.app;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.platform.StrongroomException;

/** The operations the business components of this deployment registered; no name twice. */
@ApplicationScoped
public class JobOperations {

    @Inject
    @Any
    Instance<OperationOwner> owners;

    private final Map<String, OperationRegistration> byName = new TreeMap<>();

    @PostConstruct
    void collect() {
        for (OperationOwner owner : owners) {
            for (OperationRegistration registration : owner.registrations()) {
                OperationRegistration previous = byName.put(registration.operation().name(), registration);
                if (previous != null) {
                    throw new IllegalStateException("Operation " + registration.operation() + " is registered twice");
                }
            }
        }
    }

    /** The operation of this name, if one is registered. */
    public Optional<JobOperation> find(String name) {
        return Optional.ofNullable(byName.get(name)).map(OperationRegistration::operation);
    }

    /** The operation a query parameter names, {@code null} when absent; refused like {@link #require}. */
    public JobOperation optional(String name, String target) {
        return name == null || name.isBlank() ? null : require(name, target);
    }

    /** The operation named by a request's {@code target}, refused with 400 naming the known ones. */
    public JobOperation require(String name, String target) {
        return find(name).orElseThrow(() -> StrongroomException.badRequest("Unknown " + target + " '" + name
                + "'; one of " + byName.keySet(), target));
    }

    /** The JMS queue that carries {@code operation}'s jobs; empty for inline work and for an operation no one registered. */
    public Optional<String> jobQueue(JobOperation operation) {
        return Optional.ofNullable(byName.get(operation.name())).flatMap(OperationRegistration::jobQueue);
    }

    /** The queue outside producers send {@code operation}'s requests to; empty when they may not. */
    public Optional<String> requestQueue(JobOperation operation) {
        return Optional.ofNullable(byName.get(operation.name())).flatMap(OperationRegistration::requestQueue);
    }
}
