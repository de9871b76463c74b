package org.strongroom.vault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.support.Refusals;

/** A vault's soft delete of backup data: its defaults, its bounds, and AlwaysOn for good. */
class SoftDeleteTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void newVault_softDeletesFor14Days() {
        SoftDelete softDelete = new SoftDelete();
        assertEquals(SoftDelete.State.Enabled, softDelete.state());
        assertEquals(14, softDelete.retentionDays());
        assertEquals(T0.plus(Duration.ofDays(14)), softDelete.purgeTime(T0));
    }

    @Test
    void switchingOffOrFewerDays_isWeaker_moreDaysOrOnIsNot() {
        SoftDelete softDelete = new SoftDelete();
        softDelete.change(SoftDelete.State.Enabled, 30);
        assertTrue(softDelete.weakerThan(SoftDelete.State.Enabled, 60));
        assertFalse(softDelete.weakerThan(SoftDelete.State.Enabled, 30));
        assertFalse(softDelete.weakerThan(SoftDelete.State.Disabled, 30));
        softDelete.change(SoftDelete.State.Disabled, null);
        assertTrue(softDelete.weakerThan(SoftDelete.State.Enabled, 30));
        assertFalse(softDelete.weakerThan(SoftDelete.State.Disabled, 30));
    }

    @Test
    void disabled_purgesAtOnce_andTheDaysAreBoundedTo14Through180() {
        SoftDelete softDelete = new SoftDelete();
        softDelete.change(SoftDelete.State.Disabled, null);
        assertEquals(T0, softDelete.purgeTime(T0));
        softDelete.change(SoftDelete.State.Enabled, 180);
        assertEquals(T0.plus(Duration.ofDays(180)), softDelete.purgeTime(T0));
        Refusals.assertBadRequest("retentionDays", () -> softDelete.change(null, 13));
        Refusals.assertBadRequest("retentionDays", () -> softDelete.change(null, 181));
        Refusals.assertBadRequest("body", () -> softDelete.change(null, null));
        assertEquals(180, softDelete.retentionDays(), "a refused change changes nothing");
    }

    @Test
    void alwaysOn_isNeverSwitchedOffAgain_butItsDaysMayChange() {
        SoftDelete softDelete = new SoftDelete();
        softDelete.change(SoftDelete.State.AlwaysOn, null);
        for (SoftDelete.State other : new SoftDelete.State[] {SoftDelete.State.Disabled, SoftDelete.State.Enabled}) {
            StrongroomException refused = assertThrows(StrongroomException.class, () -> softDelete.change(other, 30));
            assertEquals(ErrorCode.UserErrorSoftDeleteAlwaysOn, refused.code());
        }
        assertEquals(14, softDelete.retentionDays(), "the refused change's days were not taken either");
        softDelete.change(SoftDelete.State.AlwaysOn, 30);
        softDelete.change(null, 20);
        assertEquals(SoftDelete.State.AlwaysOn, softDelete.state());
        assertEquals(20, softDelete.retentionDays());
    }
}
