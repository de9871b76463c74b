package org.strongroom.guard.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.StrongroomException;

/**
 * A principal's request to run one critical operation on one vault: {@code Pending} until the guard's owner
 * approves it — for a limited time — or rejects it; an approved request is used by the requester's one
 * operation, and is then {@code Used}; past its time, {@code Expired}.
 */
@Entity
@Table(name = "resource_guard_request")
public class GuardRequest {

    /** How long an approval may last: at most a day. */
    public static final Duration LONGEST_APPROVAL = Duration.ofHours(24);

    public enum Status { Pending, Approved, Rejected, Used, Expired }

    @Id
    private UUID id;

    @Column(nullable = false, length = 50)
    private String guard;

    @Column(nullable = false, length = 50)
    private String vault;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private CriticalOperation operation;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(length = 500)
    private String justification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private Instant requested;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    private Instant decided;

    private Instant expires;

    private Instant used;

    @Version
    private long version;

    protected GuardRequest() {
        // for JPA
    }

    public GuardRequest(String guard, String vault, CriticalOperation operation, String requestedBy, String justification,
                        Instant now) {
        if (justification != null && justification.length() > 500) {
            throw StrongroomException.badRequest("justification has at most 500 characters", "justification");
        }
        this.id = UUID.randomUUID();
        this.guard = guard;
        this.vault = vault;
        this.operation = operation;
        this.requestedBy = requestedBy;
        this.justification = justification;
        this.status = Status.Pending;
        this.requested = now;
    }

    /** The owner approves: the requester may run the operation once within {@code validity}. */
    public void approve(String owner, Instant now, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_APPROVAL) > 0) {
            throw StrongroomException.badRequest("An approval lasts 1 to 1440 minutes", "validForMinutes");
        }
        decide(owner, now, Status.Approved);
        expires = now.plus(validity);
    }

    public void reject(String owner, Instant now) {
        decide(owner, now, Status.Rejected);
    }

    private void decide(String owner, Instant now, Status decision) {
        if (status != Status.Pending) {
            throw StrongroomException.conflict("Request " + id + " is " + status(now) + ", not Pending", "requests/" + id);
        }
        status = decision;
        decidedBy = owner;
        decided = now;
    }

    /** Whether this request lets {@code caller} run {@code wanted} on {@code onVault} now. */
    public boolean allows(String caller, String onVault, CriticalOperation wanted, Instant now) {
        return status(now) == Status.Approved && requestedBy.equals(caller) && vault.equals(onVault) && operation == wanted;
    }

    /** Spends the approval on the operation it was for. */
    public void use(Instant now) {
        status = Status.Used;
        used = now;
    }

    /** The status as of {@code now}: an approval past its time has expired. */
    public Status status(Instant now) {
        return status == Status.Approved && !expires.isAfter(now) ? Status.Expired : status;
    }

    public UUID id() {
        return id;
    }

    public String guard() {
        return guard;
    }

    public String vault() {
        return vault;
    }

    public CriticalOperation operation() {
        return operation;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String justification() {
        return justification;
    }

    public Instant requested() {
        return requested;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decided() {
        return decided;
    }

    public Instant expires() {
        return expires;
    }

    public Instant used() {
        return used;
    }
}
