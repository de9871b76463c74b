package org.strongroom.protection.domain;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;

import org.strongroom.platform.StrongroomException;

/**
 * A backup schedule: five cron fields in UTC — minute (0-59), hour (0-23), day of month (1-31), month
 * (1-12), day of week (0-7, 0 and 7 = Sunday) — each {@code *}, a number, a range {@code a-b}, a step
 * {@code * /n} or {@code a-b/n}, or a list of these; or {@code @hourly}, {@code @daily}, {@code @weekly}.
 * As in cron, when both day fields are restricted, either may match.
 */
public final class CronSchedule {

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean dayRestricted;
    private final boolean weekdayRestricted;

    private CronSchedule(String[] fields) {
        minutes = field(fields[0], 0, 59, "minute");
        hours = field(fields[1], 0, 23, "hour");
        days = field(fields[2], 1, 31, "day of month");
        months = field(fields[3], 1, 12, "month");
        weekdays = field(fields[4], 0, 7, "day of week");
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        dayRestricted = !fields[2].equals("*");
        weekdayRestricted = !fields[4].equals("*");
    }

    /** Parses a schedule; 400 {@code BadRequest} on {@code policy.schedule} when it is not one. */
    public static CronSchedule parse(String text) {
        String expression = switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "@hourly" -> "0 * * * *";
            case "@daily" -> "0 0 * * *";
            case "@weekly" -> "0 0 * * 0";
            default -> text.trim();
        };
        String[] fields = expression.split("\\s+");
        if (fields.length != 5) {
            throw invalid(text, "five fields (minute hour day-of-month month day-of-week) are needed");
        }
        return new CronSchedule(fields);
    }

    /** Whether the schedule fires in the minute of {@code time} (taken in UTC). */
    public boolean matches(ZonedDateTime time) {
        ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC);
        if (!minutes.get(utc.getMinute()) || !hours.get(utc.getHour()) || !months.get(utc.getMonthValue())) {
            return false;
        }
        boolean day = days.get(utc.getDayOfMonth());
        boolean weekday = weekdays.get(utc.getDayOfWeek().getValue() % 7);
        if (dayRestricted && weekdayRestricted) {
            return day || weekday;
        }
        return day && weekday;
    }

    private static BitSet field(String text, int min, int max, String name) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, name, text);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", 2);
                from = number(bounds[0], min, max, name, text);
                to = number(bounds[1], min, max, name, text);
                if (from > to) {
                    throw invalid(text, name + " range " + range + " runs backwards");
                }
            } else {
                from = number(range, min, max, name, text);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String text, int min, int max, String name, String whole) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(whole, name + " must be " + min + "-" + max + ", not '" + text + "'");
    }

    private static StrongroomException invalid(String schedule, String reason) {
        return StrongroomException.badRequest("policy.schedule '" + schedule + "' is not a schedule: " + reason,
                "policy.schedule");
    }
}
