package org.strongroom.keymanager.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Meters;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.web.DependencyHealth;

/**
 * Stands between Strongroom and each remote key manager: a circuit breaker per key manager — after
 * {@link #FAILURES_TO_OPEN} calls in a row that found it unreachable, calls fail at once for
 * {@link #OPEN_FOR}, then one call is let through to try it again — and what the health endpoint,
 * the key manager's page and the metrics report of it: reachable or not, the latency of the last answer,
 * the last error. A refusal (no such key, no permission) is an answer: the key manager is reachable.
 */
@ApplicationScoped
public class KeyManagerGuard implements DependencyHealth {

    static final int FAILURES_TO_OPEN = 5;
    static final Duration OPEN_FOR = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** What is known of one key manager since the server started. */
    public record Health(String name, String status, Long latencyMs, String lastError, Instant lastErrorAt,
                         Instant lastAnswerAt, boolean circuitOpen) {
    }

    private static final class State {
        int failuresInARow;
        Instant openUntil;
        Long latencyMs;
        String lastError;
        Instant lastErrorAt;
        Instant lastAnswerAt;
        boolean lastCallFailed;
    }

    /** Runs {@code call} on key manager {@code name}, unless its circuit is open. */
    public <T> T call(String name, Supplier<T> call) {
        State state = states.computeIfAbsent(name, n -> new State());
        Instant now = Timestamps.now();
        synchronized (state) {
            if (state.openUntil != null && now.isBefore(state.openUntil)) {
                count(name, "rejected", System.nanoTime());
                throw new StrongroomException(ErrorCode.UserErrorKeyVaultUnreachable, "Key manager '" + name + "' failed "
                        + FAILURES_TO_OPEN + " calls in a row; calls to it are held back until " + state.openUntil
                        + " (last error: " + state.lastError + ")", "keyUri");
            }
        }
        long started = System.nanoTime();
        try {
            T result = call.get();
            answered(name, state, started);
            count(name, "ok", started);
            return result;
        } catch (StrongroomException e) {
            if (e.code() == ErrorCode.UserErrorKeyVaultUnreachable) {
                failed(state, e.getMessage());
                count(name, "unreachable", started);
            } else {
                answered(name, state, started);
                count(name, "refused", started);
            }
            throw e;
        }
    }

    /** Forgets what was known of {@code name}: its registration changed or was removed. */
    public void forget(String name) {
        states.remove(name);
    }

    public Health health(String name) {
        State state = states.get(name);
        if (state == null) {
            return new Health(name, "UNKNOWN", null, null, null, null, false);
        }
        synchronized (state) {
            boolean open = state.openUntil != null && Timestamps.now().isBefore(state.openUntil);
            return new Health(name, open || state.lastCallFailed ? "UNREACHABLE" : "REACHABLE", state.latencyMs,
                    state.lastError, state.lastErrorAt, state.lastAnswerAt, open);
        }
    }

    @Override
    public List<Dependency> dependencies() {
        return states.keySet().stream().sorted(Comparator.naturalOrder()).map(this::health)
                .map(h -> new Dependency("keyManager", h.name(), h.status(), h.latencyMs())).toList();
    }

    private void answered(String name, State state, long started) {
        synchronized (state) {
            state.failuresInARow = 0;
            state.openUntil = null;
            state.lastCallFailed = false;
            state.latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            state.lastAnswerAt = Timestamps.now();
        }
    }

    private void failed(State state, String error) {
        synchronized (state) {
            state.failuresInARow++;
            state.lastCallFailed = true;
            state.lastError = error;
            state.lastErrorAt = Timestamps.now();
            if (state.failuresInARow >= FAILURES_TO_OPEN) {
                state.openUntil = state.lastErrorAt.plus(OPEN_FOR);
            }
        }
    }

    /** Counts the call by outcome, and its time: the two counters' ratio is the mean latency (a Timer WildFly refuses). */
    private void count(String name, String outcome, long started) {
        Meters.counter(registry, "strongroom.keymanager.calls", "Calls to remote key managers by outcome: ok, refused "
                + "(the key manager answered no), unreachable (no answer in time, or errors of its own after retries), "
                + "rejected (held back while its circuit is open)", null, "keyManager", name, "outcome", outcome).increment();
        Meters.counter(registry, "strongroom.keymanager.call.seconds", "Time spent in calls to remote key managers, "
                + "retries included, by outcome", "seconds", "keyManager", name, "outcome", outcome)
                .increment((System.nanoTime() - started) / 1e9);
    }
}
