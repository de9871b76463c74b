package org.strongroom.activitylog.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.strongroom.crypto.HashChain;

/**
 * One entry of the activity log, linked to the one before it. Immutable once appended.
 *
 * <p>{@code hash} = the chain's link ({@link ChainLinks}: HMAC-SHA-256 under the chain key) of
 * {@code previousHash} and [sequence, time, caller, operation, resource, status, details], time in ISO-8601 UTC.
 */
@Entity
@Table(name = "activity_record")
public class ActivityRecord {

    static final int MAX_DETAILS = 2000;

    @Id
    @Column(name = "seq")
    private long sequence;

    @Column(name = "recorded_at", nullable = false)
    private Instant time;

    @Column(nullable = false, length = 100)
    private String caller;

    @Column(nullable = false, length = 100)
    private String operation;

    @Column(nullable = false, length = 400)
    private String resource;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActivityStatus status;

    @Column(length = MAX_DETAILS)
    private String details;

    @Column(nullable = false, length = 64)
    private String hash;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    protected ActivityRecord() {
        // for JPA
    }

    /** A new record at the end of the chain, linked under the chain key ({@code keyed}); advances {@code head}. */
    public static ActivityRecord append(ActivityChainHead head, ChainLinks keyed, Instant time, String caller, String operation,
                                        String resource, ActivityStatus status, String details) {
        ActivityRecord record = new ActivityRecord();
        record.sequence = head.lastSequence() + 1;
        record.time = time;
        record.caller = clip(caller, 100);
        record.operation = clip(operation, 100);
        record.resource = clip(resource, 400);
        record.status = status;
        record.details = clip(details, MAX_DETAILS);
        record.previousHash = head.lastHash();
        head.keyFromHere();
        record.hash = record.computeHash(keyed);
        head.advance(record.sequence, record.hash);
        return record;
    }

    /** What the link must be for the record's current content and previous link. */
    public String computeHash(ChainLinks links) {
        return links.link(previousHash, hashedFields());
    }

    /** Whether this record is intact and follows {@code previous} ({@code null} for the first record). */
    public boolean follows(ActivityRecord previous, ChainLinks links) {
        String expectedPrevious = previous == null ? HashChain.GENESIS : previous.hash;
        long expectedSequence = previous == null ? 1 : previous.sequence + 1;
        return sequence == expectedSequence && previousHash.equals(expectedPrevious) && hash.equals(computeHash(links));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public long sequence() {
        return sequence;
    }

    public Instant time() {
        return time;
    }

    public String caller() {
        return caller;
    }

    public String operation() {
        return operation;
    }

    public String resource() {
        return resource;
    }

    public ActivityStatus status() {
        return status;
    }

    public String details() {
        return details;
    }

    public String hash() {
        return hash;
    }

    public String previousHash() {
        return previousHash;
    }

    /** Fields in hash order, for tests and tools that check the chain independently. */
    public List<String> hashedFields() {
        return Arrays.asList(Long.toString(sequence), time.toString(), caller, operation, resource, status.name(), details);
    }
}
