package org.strongroom.vault.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * A vault's soft delete of backup data: deleted items and their recovery points stay, undeletable, for
 * {@code retentionDays} (14–180, default 14) before they are purged; {@code Disabled} purges at once;
 * {@code AlwaysOn} is {@code Enabled} for good — it can never be switched off again.
 */
@Embeddable
public class SoftDelete {

    public enum State { Enabled, Disabled, AlwaysOn }

    public static final int MIN_RETENTION_DAYS = 14;
    public static final int MAX_RETENTION_DAYS = 180;

    @Enumerated(EnumType.STRING)
    @Column(name = "soft_delete_state", nullable = false, length = 16)
    private State state = State.Enabled;

    @Column(name = "soft_delete_retention_days", nullable = false)
    private int retentionDays = MIN_RETENTION_DAYS;

    /** Enabled, 14 days: what a new vault gets. */
    public SoftDelete() {
        // also for JPA
    }

    /**
     * Changes the state and/or the retention days ({@code null}: unchanged). Leaving {@code AlwaysOn} is
     * refused ({@code UserErrorSoftDeleteAlwaysOn}); days outside 14–180 are a bad request.
     */
    void change(State newState, Integer newRetentionDays) {
        if (newState == null && newRetentionDays == null) {
            throw StrongroomException.badRequest("Say what to change: state and/or retentionDays", "body");
        }
        if (newRetentionDays != null && (newRetentionDays < MIN_RETENTION_DAYS || newRetentionDays > MAX_RETENTION_DAYS)) {
            throw StrongroomException.badRequest("retentionDays must be from " + MIN_RETENTION_DAYS + " to "
                    + MAX_RETENTION_DAYS, "retentionDays");
        }
        if (state == State.AlwaysOn && newState != null && newState != State.AlwaysOn) {
            throw new StrongroomException(ErrorCode.UserErrorSoftDeleteAlwaysOn, "Soft delete is AlwaysOn for this vault: "
                    + "it can never be " + (newState == State.Disabled ? "disabled" : "made reversible") + " again", "state");
        }
        if (newState != null) {
            state = newState;
        }
        if (newRetentionDays != null) {
            retentionDays = newRetentionDays;
        }
    }

    /** When data deleted at {@code now} is purged: after the retention days, or at once while disabled. */
    public Instant purgeTime(Instant now) {
        return state == State.Disabled ? now : now.plus(Duration.ofDays(retentionDays));
    }

    /** Whether this protects less than {@code state} with {@code retentionDays} did: switched off, or fewer days. */
    public boolean weakerThan(State state, int retentionDays) {
        return (this.state == State.Disabled && state != State.Disabled) || this.retentionDays < retentionDays;
    }

    public State state() {
        return state;
    }

    public int retentionDays() {
        return retentionDays;
    }
}
