package org.strongroom.keyvault.domain;

import java.io.StringReader;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.strongroom.platform.StrongroomException;

/**
 * A key's rotation policy, as Azure Key Vault has it: lifetime actions — rotate or notify, triggered a time
 * after the current version was created or a time before it expires — and the expiry time that new versions
 * get. Azure's limits: triggers of at least 7 days, an expiry time of at least 28 days, one action of each
 * type. Without a policy of its own a key has {@link #DEFAULT}: notify 30 days before expiry.
 */
public record KeyRotationPolicy(List<LifetimeAction> lifetimeActions, Period expiryTime) {

    public static final Period MIN_TRIGGER = Period.ofDays(7);
    public static final Period MIN_EXPIRY = Period.ofDays(28);

    public static final KeyRotationPolicy DEFAULT = new KeyRotationPolicy(
            List.of(new LifetimeAction(Action.NOTIFY, null, Period.ofDays(30))), null);

    /** What a lifetime action does. */
    public enum Action {
        ROTATE("Rotate"), NOTIFY("Notify");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Action of(String name, String field) {
            for (Action action : values()) {
                if (action.wireName.equalsIgnoreCase(name)) {
                    return action;
                }
            }
            throw StrongroomException.badRequest("'" + name + "' is no lifetime action: Rotate or Notify", field);
        }
    }

    /** One lifetime action and its trigger: exactly one of the two times. */
    public record LifetimeAction(Action action, Period timeAfterCreate, Period timeBeforeExpiry) {

        /** When this action is due for a version created at {@code created} that expires at {@code expires} (may be null). */
        Instant dueAt(Instant created, Instant expires) {
            if (timeAfterCreate != null) {
                return plus(created, timeAfterCreate);
            }
            return expires == null ? null : expires.atZone(ZoneOffset.UTC).minus(timeBeforeExpiry).toInstant();
        }
    }

    public KeyRotationPolicy {
        lifetimeActions = List.copyOf(lifetimeActions);
    }

    /**
     * A policy as a request gives it: durations in ISO 8601 ({@code P90D}, {@code P1Y}); checked against
     * Azure's limits.
     *
     * @throws StrongroomException 400 naming what is wrong
     */
    public static KeyRotationPolicy of(List<String[]> actions, String expiryTime) {
        List<LifetimeAction> parsed = new ArrayList<>();
        Set<Action> seen = EnumSet.noneOf(Action.class);
        for (int i = 0; i < actions.size(); i++) {
            String field = "lifetimeActions[" + i + "]";
            String[] given = actions.get(i);
            Action action = Action.of(given[0], field + ".action.type");
            if (!seen.add(action)) {
                throw StrongroomException.badRequest("A policy has at most one " + action.wireName() + " action", field);
            }
            Period after = period(given[1], field + ".trigger.timeAfterCreate", MIN_TRIGGER);
            Period before = period(given[2], field + ".trigger.timeBeforeExpiry", MIN_TRIGGER);
            if ((after == null) == (before == null)) {
                throw StrongroomException.badRequest("A trigger has either timeAfterCreate or timeBeforeExpiry", field + ".trigger");
            }
            parsed.add(new LifetimeAction(action, after, before));
        }
        Period expiry = period(expiryTime, "attributes.expiryTime", MIN_EXPIRY);
        for (LifetimeAction action : parsed) {
            if (action.timeBeforeExpiry() != null && expiry != null && !longer(expiry, action.timeBeforeExpiry())) {
                throw StrongroomException.badRequest("timeBeforeExpiry must be shorter than the expiry time " + expiry, "attributes.expiryTime");
            }
        }
        return new KeyRotationPolicy(parsed, expiry);
    }

    /** When the version made at {@code created} under this policy expires; null when the policy sets no expiry time. */
    public Instant expiryOf(Instant created) {
        return expiryTime == null ? null : plus(created, expiryTime);
    }

    /** Whether {@code action} is due for {@code current} at {@code now}. */
    public boolean due(Action action, KeyVersion current, Instant now) {
        return lifetimeActions.stream().filter(a -> a.action() == action)
                .map(a -> a.dueAt(current.created(), current.expires()))
                .anyMatch(at -> at != null && !now.isBefore(at));
    }

    /** The policy as stored: JSON. */
    public String toJson() {
        JsonArrayBuilder actions = Json.createArrayBuilder();
        for (LifetimeAction a : lifetimeActions) {
            JsonObjectBuilder action = Json.createObjectBuilder().add("type", a.action().wireName());
            if (a.timeAfterCreate() != null) {
                action.add("timeAfterCreate", a.timeAfterCreate().toString());
            }
            if (a.timeBeforeExpiry() != null) {
                action.add("timeBeforeExpiry", a.timeBeforeExpiry().toString());
            }
            actions.add(action);
        }
        JsonObjectBuilder policy = Json.createObjectBuilder().add("lifetimeActions", actions);
        if (expiryTime != null) {
            policy.add("expiryTime", expiryTime.toString());
        }
        return policy.build().toString();
    }

    /** A stored policy. */
    public static KeyRotationPolicy fromJson(String json) {
        JsonObject policy = Json.createReader(new StringReader(json)).readObject();
        List<LifetimeAction> actions = new ArrayList<>();
        for (JsonValue value : policy.getJsonArray("lifetimeActions")) {
            JsonObject a = value.asJsonObject();
            actions.add(new LifetimeAction(Action.of(a.getString("type"), "type"),
                    a.containsKey("timeAfterCreate") ? Period.parse(a.getString("timeAfterCreate")) : null,
                    a.containsKey("timeBeforeExpiry") ? Period.parse(a.getString("timeBeforeExpiry")) : null));
        }
        return new KeyRotationPolicy(actions, policy.containsKey("expiryTime") ? Period.parse(policy.getString("expiryTime")) : null);
    }

    private static Period period(String text, String field, Period minimum) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Period period;
        try {
            period = Period.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw StrongroomException.badRequest("'" + text + "' is not an ISO 8601 duration of days, months or years (e.g. P90D, P1Y)", field);
        }
        if (period.isNegative() || !longer(period, minimum) && !period.equals(minimum)) {
            throw StrongroomException.badRequest(field.substring(field.lastIndexOf('.') + 1) + " must be at least " + minimum.getDays()
                    + " days, not " + text, field);
        }
        return period;
    }

    /** Whether {@code a} is longer than {@code b}, counted from the same moment. */
    private static boolean longer(Period a, Period b) {
        Instant start = Instant.EPOCH;
        return plus(start, a).isAfter(plus(start, b));
    }

    private static Instant plus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }
}
