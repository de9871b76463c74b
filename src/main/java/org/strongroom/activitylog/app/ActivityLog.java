package org.strongroom.activitylog.app;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.activitylog.domain.ActivityStatus;
import org.strongroom.platform.Caller;
import org.strongroom.platform.StrongroomException;

/**
 * What components use to log their changes.
 *
 * <p>{@link #record} runs a change and logs it: {@code Succeeded} in the change's own transaction, or,
 * when the change is refused, {@code Failed} with the refusal's code and message in a transaction of its
 * own (the change's transaction rolls back; its refusal stays on record).
 */
@ApplicationScoped
public class ActivityLog {

    @Inject
    ActivityAppender appender;

    /**
     * Runs {@code change} as {@code caller} and logs it on {@code resource}; {@code details} describes
     * the outcome (may return {@code null}). Must run inside the change's transaction.
     */
    public <T> T record(Caller caller, String operation, String resource, Supplier<T> change,
                        Function<T, String> details) {
        T result;
        try {
            result = change.get();
        } catch (StrongroomException refused) {
            appender.appendAlone(caller, operation, resource, ActivityStatus.Failed,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
        appender.append(caller, operation, resource, ActivityStatus.Succeeded, details.apply(result));
        return result;
    }

    /** Logs an outcome decided elsewhere (e.g. by a job) in the current transaction, with that change. */
    public void append(Caller caller, String operation, String resource, ActivityStatus status, String details) {
        appender.append(caller, operation, resource, status, details);
    }
}
