package org.strongroom.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.strongroom.platform.StrongroomException;

/**
 * Parses optional query parameters, refusing bad values with 400 {@code BadRequest} aimed at the
 * parameter. (JAX-RS would answer a failed conversion of a typed parameter with 404.)
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 UTC time, or {@code null} when absent. */
    private static Instant time(String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw StrongroomException.badRequest(
                    "'" + name + "' must be an ISO-8601 UTC time such as 2026-11-28T18:00:00Z", name);
        }
    }

    /** The {@code from} and {@code to} parameters: ISO-8601 UTC times, either absent, the start not after the end. */
    public static TimeRange timeRange(String from, String to) {
        Instant start = time(from, "from");
        Instant end = time(to, "to");
        if (start != null && end != null && start.isAfter(end)) {
            throw StrongroomException.badRequest("'from' must not be after 'to'", "from");
        }
        return new TimeRange(start, end);
    }

    /** A time range whose ends may be open ({@code null}). */
    public record TimeRange(Instant from, Instant to) {
    }

    /** A count from 1 to {@code max}, {@code fallback} when absent. */
    public static int limit(String value, int fallback, int max) {
        if (isAbsent(value)) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw StrongroomException.badRequest("'limit' must be a whole number from 1 to " + max, "limit");
    }

    /** One of an enum's constants by its exact name, or {@code null} when absent. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw StrongroomException.badRequest("Unknown " + name + " '" + value + "'; one of " + names, name);
        }
    }

    /** {@code true} or {@code false} exactly; absent is {@code false}. */
    public static boolean flag(String value, String name) {
        if (isAbsent(value)) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw StrongroomException.badRequest("'" + name + "' is true or false, not '" + value + "'", name);
        }
        return Boolean.parseBoolean(value);
    }

    /** The value, or {@code null} when absent or blank. */
    public static String text(String value) {
        return isAbsent(value) ? null : value;
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
