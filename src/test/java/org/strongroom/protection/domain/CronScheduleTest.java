package org.strongroom.protection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.StrongroomException;

/**
 * Backup schedules (cron, UTC): ranges, steps, shortcuts, both day fields, bounds, and malformed schedules
 * refused naming the field.
 */
class CronScheduleTest {

    private static ZonedDateTime at(String time) {
        return ZonedDateTime.parse(time);
    }

    @Test
    void everyFifteenMinutesDuringOfficeHoursOnWeekdays() {
        CronSchedule schedule = CronSchedule.parse("*/15 9-17 * * 1-5");
        assertTrue(schedule.matches(at("2026-11-27T09:30:00Z")));
        assertFalse(schedule.matches(at("2026-11-27T09:31:00Z")));
        assertFalse(schedule.matches(at("2026-11-28T09:30:00Z")), "a Saturday");
        assertFalse(schedule.matches(at("2026-11-27T18:00:00Z")));
    }

    @Test
    void shortcutsAndSundayAsSeven() {
        assertTrue(CronSchedule.parse("@daily").matches(at("2026-11-28T00:00:00Z")));
        assertFalse(CronSchedule.parse("@daily").matches(at("2026-11-28T01:00:00Z")));
        assertTrue(CronSchedule.parse("@hourly").matches(at("2026-11-28T13:00:00Z")));
        assertTrue(CronSchedule.parse("0 3 * * 7").matches(at("2026-11-29T03:00:00Z")), "Sunday as 7");
        assertTrue(CronSchedule.parse("0 3 * * 0").matches(at("2026-11-29T03:00:00Z")), "Sunday as 0");
    }

    @Test
    void timesAreTakenInUtc() {
        assertTrue(CronSchedule.parse("0 2 * * *").matches(at("2026-11-28T03:00:00+01:00")));
    }

    @Test
    void eitherDayFieldMatches_whenBothAreRestricted() {
        CronSchedule schedule = CronSchedule.parse("0 0 1 * 1");
        assertTrue(schedule.matches(at("2026-12-01T00:00:00Z")), "the 1st (a Tuesday)");
        assertTrue(schedule.matches(at("2026-11-30T00:00:00Z")), "a Monday");
    }

    @Test
    void malformedSchedules_areRefusedNamingTheField() {
        for (String bad : new String[] {"* * * *", "60 * * * *", "* 24 * * *", "5-1 * * * *", "a * * * *", "*/0 * * * *"}) {
            StrongroomException e = assertThrows(StrongroomException.class, () -> CronSchedule.parse(bad), bad);
            assertEquals("policy.schedule", e.target());
        }
    }

    @Test
    void ranges_stepsAndBoundsAreInclusive() {
        CronSchedule singleMinuteRange = CronSchedule.parse("5-5 0 * * *");
        assertTrue(singleMinuteRange.matches(java.time.ZonedDateTime.parse("2026-12-01T00:05:00Z")), "a range of one value");
        assertFalse(singleMinuteRange.matches(java.time.ZonedDateTime.parse("2026-12-01T00:06:00Z")));
        CronSchedule stepped = CronSchedule.parse("10/20 23 * * *");
        for (int minute : new int[] {10, 30, 50}) {
            assertTrue(stepped.matches(java.time.ZonedDateTime.parse(String.format("2026-12-01T23:%02d:00Z", minute))));
        }
        assertFalse(stepped.matches(java.time.ZonedDateTime.parse("2026-12-01T23:11:00Z")));
        CronSchedule lastMinute = CronSchedule.parse("59 23 31 12 *");
        assertTrue(lastMinute.matches(java.time.ZonedDateTime.parse("2026-12-31T23:59:00Z")));
        assertTrue(CronSchedule.parse("*/59 * * * *").matches(java.time.ZonedDateTime.parse("2026-12-01T10:59:00Z")));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> CronSchedule.parse("*/60 * * * *"));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> CronSchedule.parse("60 * * * *"));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> CronSchedule.parse("0 24 * * *"));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> CronSchedule.parse("0 0 32 * *"));
    }

    @Test
    void bothDayFieldsUnrestricted_matchEveryDay_andAMismatchedMinuteNever() {
        CronSchedule daily = CronSchedule.parse("0 3 * * *");
        assertTrue(daily.matches(java.time.ZonedDateTime.parse("2026-12-06T03:00:00Z")));
        assertFalse(daily.matches(java.time.ZonedDateTime.parse("2026-12-06T03:01:00Z")));
        assertFalse(daily.matches(java.time.ZonedDateTime.parse("2026-12-06T04:00:00Z")));
        CronSchedule january = CronSchedule.parse("0 3 * 1 *");
        assertFalse(january.matches(java.time.ZonedDateTime.parse("2026-12-06T03:00:00Z")));
    }
}
