package org.strongroom.activitylog.app;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.activitylog.domain.ActivityStatus;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;

/**
 * What components use to log their changes.
 *
 * <p>{@link #record} runs a change and logs it: {@code Succeeded} in the change's own transaction, or,
 * when the change is refused, {@code Failed} with the refusal's code and message in a transaction of its
 * own (the change's transaction rolls back; its refusal stays on record).
 */
@ApplicationScoped
public class ActivityLog {

    /** How often a refused use of one kind (caller, operation, resource) is recorded at most. */
    static final Duration REFUSAL_WINDOW = Duration.ofMinutes(1);

    private final RefusalThrottle refusals = new RefusalThrottle(REFUSAL_WINDOW);

    @Inject
    ActivityAppender appender;

    /**
     * Runs {@code change} as {@code caller} and logs it on {@code resource}; {@code details} describes
     * the outcome (may return {@code null}). Must run inside the change's transaction.
     */
    public <T> T record(Caller caller, String operation, ResourcePath resource, Supplier<T> change,
                        Function<T, String> details) {
        return logged(caller, operation, resource, change, details, refused ->
                appender.appendAlone(caller, operation, resource.toString(), ActivityStatus.Failed,
                        refused.code() + ": " + refused.getMessage()));
    }

    /**
     * Runs a use of something protected (a key read, wrap or unwrap) as {@code caller} and logs it like
     * {@link #record}: every use that succeeds, one record each. Refusals of one kind (caller, operation,
     * resource) are recorded at most once per {@link #REFUSAL_WINDOW}; the next one recorded counts those
     * left out, so a caller retrying a refused call cannot flood the log.
     */
    public <T> T recordUse(Caller caller, String operation, ResourcePath resource, Supplier<T> use,
                           Function<T, String> details) {
        return logged(caller, operation, resource, use, details, refused ->
                refusals.admit(caller.name() + " " + operation + " " + resource, Timestamps.now()).ifPresent(leftOut ->
                        appender.appendAlone(caller, operation, resource.toString(), ActivityStatus.Failed, refused.code()
                                + ": " + refused.getMessage() + (leftOut == 0 ? "" : " (and " + leftOut + " more such "
                                + "refusals in the minute before, not recorded one by one)"))));
    }

    /** Runs {@code work}; a refusal goes to {@code onRefusal} and on to the caller, a success is appended in the work's transaction. */
    private <T> T logged(Caller caller, String operation, ResourcePath resource, Supplier<T> work,
                         Function<T, String> details, Consumer<StrongroomException> onRefusal) {
        T result;
        try {
            result = work.get();
        } catch (StrongroomException refused) {
            onRefusal.accept(refused);
            throw refused;
        }
        appender.append(caller, operation, resource.toString(), ActivityStatus.Succeeded, details.apply(result));
        return result;
    }

    /** Logs an outcome decided elsewhere (e.g. by a job) in the current transaction, with that change. */
    public void append(Caller caller, String operation, ResourcePath resource, ActivityStatus status, String details) {
        appender.append(caller, operation, resource.toString(), status, details);
    }
}
