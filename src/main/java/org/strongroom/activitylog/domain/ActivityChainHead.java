package org.strongroom.activitylog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the last record's sequence number and link, and from where links are keyed.
 * Appending locks this single row, so records are chained one at a time even with many writers.
 */
@Entity
@Table(name = "activity_chain")
public class ActivityChainHead {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    /**
     * The last record linked with plain SHA-256, from before chain keys; every record after it is linked
     * under the chain key. {@code null} until the chain is first keyed.
     */
    @Column(name = "keyed_from")
    private Long keyedFrom;

    protected ActivityChainHead() {
        // for JPA
    }

    public long lastSequence() {
        return lastSequence;
    }

    public String lastHash() {
        return lastHash;
    }

    void advance(long sequence, String hash) {
        this.lastSequence = sequence;
        this.lastHash = hash;
    }

    /** The last record linked without the key; {@code null} before the chain was first keyed. */
    public Long keyedFrom() {
        return keyedFrom;
    }

    /** From now on, every record is linked under the chain key (records already linked stay as they are). */
    public void keyFromHere() {
        if (keyedFrom == null) {
            keyedFrom = lastSequence;
        }
    }

    /** Whether the record with {@code sequence} is linked under the chain key, by this head's account. */
    public boolean keyedAt(long sequence) {
        return keyedFrom != null && sequence > keyedFrom;
    }
}
