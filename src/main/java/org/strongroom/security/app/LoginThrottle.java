package org.strongroom.security.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down password guessing: after {@link #USER_FAILURES} failed logins for one user name, or
 * {@link #ADDRESS_FAILURES} from one client address, within {@link #WINDOW}, further logins for that
 * name or from that address are refused without checking the password until the window has passed —
 * the right password too, or a guesser could go on testing. Each refused check also saves a bcrypt
 * computation, so failed logins cannot wear the server down either.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final int USER_FAILURES = 5;
    public static final int ADDRESS_FAILURES = 30;
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    private record Window(Instant start, int count) {
    }

    /** How long logins for {@code user} from {@code address} are refused from {@code now}; empty when allowed. */
    public Optional<Duration> blocked(String user, String address, Instant now) {
        Duration forUser = wait("user:" + user, USER_FAILURES, now);
        Duration forAddress = wait("address:" + address, ADDRESS_FAILURES, now);
        Duration longer = forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** Counts a failed login; answers whether it just reached a limit (worth a record). */
    public boolean failed(String user, String address, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
        boolean userLimit = count("user:" + user, now) == USER_FAILURES;
        boolean addressLimit = count("address:" + address, now) == ADDRESS_FAILURES;
        return userLimit || addressLimit;
    }

    /** A successful login clears the user's count (not the address's). */
    public void succeeded(String user) {
        failures.remove("user:" + user);
    }

    private int count(String key, Instant now) {
        return failures.compute(key, (k, current) -> current == null || expired(current, now)
                ? new Window(now, 1) : new Window(current.start(), current.count() + 1)).count();
    }

    private Duration wait(String key, int limit, Instant now) {
        Window current = failures.get(key);
        if (current == null || expired(current, now) || current.count() < limit) {
            return Duration.ZERO;
        }
        return Duration.between(now, current.start().plus(WINDOW));
    }

    private static boolean expired(Window window, Instant now) {
        return !now.isBefore(window.start().plus(WINDOW));
    }
}
