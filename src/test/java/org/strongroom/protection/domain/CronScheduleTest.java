package org.strongroom.protection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.StrongroomException;

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
}
